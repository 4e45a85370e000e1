package com.leadhandoff.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The SLA and funnel report of leads received from {@code from} to {@code to}, both included (UTC
 * days).
 *
 * @param groupBy how rows are formed, e.g. {@code TEAM}
 * @param groups one row per rep, team, source, campaign or tier, by key
 * @param total every lead of the period once, whatever the grouping
 * @param calibration per score tier and scoring rule, the share of the period's leads that became
 *     SQL, whatever the grouping
 * @param notes how to read the figures: definitions, and what the facts do not carry
 */
public record SlaReport(
    LocalDate from,
    LocalDate to,
    GroupBy groupBy,
    List<GroupRow> groups,
    GroupRow total,
    Calibration calibration,
    List<String> notes) {
  public SlaReport {
    groups = List.copyOf(groups);
    notes = List.copyOf(notes);
  }
}
