package com.leadhandoff.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The metrics one fact of a lead's life produces, with the dimensions they are counted under.
 *
 * @param metrics the values, emitted together
 * @param team the team the fact belongs to (the offer's team, the team last offered the lead, or
 *     the team routing chose); empty when none is known, and the metrics then count only in the
 *     [tier] and dimensionless series
 * @param tier the lead's score tier in lower case ({@code hot}, {@code warm}, {@code cold}); empty
 *     when the lead was never scored
 */
public record Measurement(List<LeadMetric> metrics, Optional<String> team, Optional<String> tier) {

  public Measurement {
    metrics = List.copyOf(metrics);
    team = team.filter(t -> !t.isBlank());
    tier = tier.filter(t -> !t.isBlank());
  }
}
