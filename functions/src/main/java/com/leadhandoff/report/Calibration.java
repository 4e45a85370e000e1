package com.leadhandoff.report;

import java.util.List;
import java.util.Optional;

/**
 * Whether the scoring model predicts: for every score tier and every scoring rule, how many of the
 * period's leads it covered and the share of them that became sales-qualified. A tier or rule whose
 * leads turn into SQL no more often than the others earns its points for nothing.
 *
 * @param tiers one row per tier: {@code HOT}, {@code WARM}, {@code COLD} always, in that order,
 *     then any other tier the facts carry, then {@code (none)} for leads not scored, if any
 * @param rules one row per scoring rule that fired on a lead of the period, by rule id; a lead
 *     counts in the row of every rule that fired on it
 */
public record Calibration(List<Row> tiers, List<Row> rules) {
  public Calibration {
    tiers = List.copyOf(tiers);
    rules = List.copyOf(rules);
  }

  /**
   * One tier or rule.
   *
   * @param name the tier, e.g. {@code HOT}, or the rule's id, e.g. {@code demo-request}
   * @param leads the period's leads in the tier, or on which the rule fired
   * @param becameSql those of them an owner reported as SQL or further (meeting booked, won)
   * @param shareBecameSql {@code becameSql / leads} to three decimals; empty for no leads
   */
  public record Row(String name, int leads, int becameSql, Optional<Double> shareBecameSql) {}
}
