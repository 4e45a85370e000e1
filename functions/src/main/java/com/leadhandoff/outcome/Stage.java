package com.leadhandoff.outcome;

import java.time.Instant;
import java.util.Optional;

/**
 * A lead's latest outcome, kept on the lead item.
 *
 * @param at when it happened, as reported
 */
public record Stage(Outcome outcome, Optional<DisqualifyReason> reason, Instant at) {
  /** Whether {@code report} says what this stage already says. */
  public boolean sameAs(OutcomeReport report) {
    return outcome == report.outcome() && reason.equals(report.reason());
  }
}
