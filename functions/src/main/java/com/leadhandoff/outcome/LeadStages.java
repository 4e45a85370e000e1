package com.leadhandoff.outcome;

import com.leadhandoff.lead.LeadStatus;
import java.util.Optional;
import java.util.Set;

/** Where a lead's stage (its latest outcome) is kept, beside its status, which it never changes. */
public interface LeadStages {
  /** The statuses in which a lead has an owner and so may take outcomes. */
  Set<LeadStatus> OWNED = Set.of(LeadStatus.ACCEPTED, LeadStatus.ESCALATED, LeadStatus.QUEUED);

  /** The lead's stage, if an outcome was recorded. */
  Optional<Stage> stage(String leadId);

  /**
   * Makes {@code report} the lead's stage if the lead is {@link #OWNED}, its stage does not already
   * say the same, and no later outcome stands (a CRM may report an older one late). Also keeps when
   * the lead first reached the outcome's stage ({@link Outcome#reachedAttribute()}), whether or not
   * the stage moves.
   */
  StageWrite advance(String leadId, OutcomeReport report);

  /** What {@link #advance} did. */
  enum StageWrite {
    /** The report is the lead's stage now. */
    MOVED,
    /** A later outcome stands; the stage did not move (the first-reached time may have). */
    LATER_STANDS,
    /** The stage already said the same; nothing was written. */
    SAME,
    /** The lead has no owner; nothing was written. */
    NOT_OWNED,
    /** No such lead. */
    NO_LEAD
  }
}
