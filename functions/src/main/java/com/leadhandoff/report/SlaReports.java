package com.leadhandoff.report;

import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * SLA reports over stored facts: one read of the facts store per day of the period, never the leads
 * table, so a report's cost follows the days asked for and the leads received on them.
 */
public final class SlaReports {
  /** The longest period one request may cover; longer ones belong in Athena (docs/reports.md). */
  public static final int MAX_DAYS = 366;

  private final SlaFactsStore facts;

  /**
   * @param facts the SLA facts, indexed by the day each lead was received
   */
  public SlaReports(SlaFactsStore facts) {
    this.facts = facts;
  }

  /** The report of {@code request}'s period, already checked to span at most {@link #MAX_DAYS}. */
  public SlaReport report(SlaReportRequest request) {
    List<SlaFacts> leads = new ArrayList<>();
    for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
      leads.addAll(facts.receivedOn(day));
    }
    return SlaReportCalculator.of(request.from(), request.to(), request.groupBy(), leads);
  }
}
