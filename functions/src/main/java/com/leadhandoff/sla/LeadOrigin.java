package com.leadhandoff.sla;

import java.util.List;
import java.util.Optional;

/**
 * Where a lead came from and how it scored, copied into its {@link SlaFacts} so a report can group
 * by them without reading the leads table.
 *
 * @param source the form's {@code utm_source}; empty when the form sent none
 * @param campaign the form's {@code utm_campaign}; empty when the form sent none
 * @param tier the score tier, e.g. {@code HOT}; empty before the lead is scored
 * @param scoringRules the ids of the scoring rules that fired on the lead, in model order; empty
 *     before it is scored, when none fired, or in facts stored before rules were recorded
 */
public record LeadOrigin(
    Optional<String> source,
    Optional<String> campaign,
    Optional<String> tier,
    List<String> scoringRules) {
  /** A lead whose history says none of these. */
  public static final LeadOrigin UNKNOWN =
      new LeadOrigin(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  public LeadOrigin {
    // Facts stored before these fields existed read back with them missing.
    source = source == null ? Optional.empty() : source;
    campaign = campaign == null ? Optional.empty() : campaign;
    tier = tier == null ? Optional.empty() : tier;
    scoringRules = scoringRules == null ? List.of() : List.copyOf(scoringRules);
  }
}
