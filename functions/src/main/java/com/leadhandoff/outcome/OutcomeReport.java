package com.leadhandoff.outcome;

import java.time.Instant;
import java.util.Optional;

/**
 * One outcome as reported, before it is recorded.
 *
 * @param reason set exactly when {@code outcome} is {@link Outcome#DISQUALIFIED}
 * @param note free text from the reporter, at most {@link #MAX_NOTE} characters
 * @param at when it happened (a CRM may report it later); when it arrived otherwise
 * @param by who reported it: the rep's id for a link, the IAM caller for the API
 */
public record OutcomeReport(
    Outcome outcome,
    Optional<DisqualifyReason> reason,
    Optional<String> note,
    Instant at,
    String by,
    Source source) {
  /** The longest note kept. */
  public static final int MAX_NOTE = 1000;

  /** Where an outcome came from. */
  public enum Source {
    /** The outcome link in the rep's "You own this lead" email. */
    LINK,
    /** {@code POST /admin/leads/{leadId}/outcome}, e.g. from a CRM. */
    API
  }

  public OutcomeReport {
    if (outcome.needsReason() != reason.isPresent()) {
      throw new IllegalArgumentException(
          outcome.needsReason()
              ? "A disqualified lead needs a reason"
              : outcome + " takes no disqualify reason");
    }
    if (note.filter(n -> n.length() > MAX_NOTE).isPresent()) {
      throw new IllegalArgumentException("A note is at most " + MAX_NOTE + " characters");
    }
    note = note.map(String::strip).filter(n -> !n.isEmpty());
  }
}
