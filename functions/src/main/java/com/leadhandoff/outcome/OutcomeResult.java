package com.leadhandoff.outcome;

import com.leadhandoff.lead.LeadStatus;

/** What became of a reported outcome. */
public sealed interface OutcomeResult {
  /**
   * Kept in the lead's history.
   *
   * @param isStage whether it is now the lead's stage (false: a later outcome stands)
   */
  record Recorded(OutcomeReport report, boolean isStage) implements OutcomeResult {}

  /** The lead's stage already says this; nothing was recorded again. */
  record AlreadyRecorded(Stage stage) implements OutcomeResult {}

  /** The lead has no owner (not accepted, escalated or queued), so it takes no outcome. */
  record NotOwned(LeadStatus status) implements OutcomeResult {}

  /** No such lead. */
  record UnknownLead() implements OutcomeResult {}
}
