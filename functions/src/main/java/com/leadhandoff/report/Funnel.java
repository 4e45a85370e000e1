package com.leadhandoff.report;

import java.util.List;
import java.util.Optional;

/**
 * How far a report row's leads went: MQL → accepted → SQL → meeting → won, each stage a subset of
 * the one before (a lead won counts as having had its meeting and become SQL, recorded or not).
 *
 * @param stages the five stages in order
 */
public record Funnel(List<Stage> stages) {
  public Funnel {
    stages = List.copyOf(stages);
  }

  /**
   * One stage.
   *
   * @param stage {@code MQL}, {@code ACCEPTED}, {@code SQL}, {@code MEETING} or {@code WON}
   * @param leads leads that reached it
   * @param conversion share of the previous stage's leads that reached this one, to three decimals;
   *     empty for MQL and after a stage with no leads
   * @param medianDaysFromPrevious median (nearest rank) days from the previous stage to this one,
   *     to one decimal, over leads whose both instants are recorded; empty when none are
   */
  public record Stage(
      String stage,
      int leads,
      Optional<Double> conversion,
      Optional<Double> medianDaysFromPrevious) {}
}
