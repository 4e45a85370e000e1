package com.leadhandoff.lead;

/** Where a lead is in its handoff. */
public enum LeadStatus {
  /** Stored by intake; its workflow is starting. */
  RECEIVED,
  /** Scored below the MQL threshold and handed back to marketing. */
  NURTURE,
  /** Qualified and being offered to reps. */
  ROUTING,
  /** A rep accepted it. */
  ACCEPTED,
  /** A rep declined it as not a fit, spam or bad data; handed back to marketing with the reason. */
  RECYCLED,
  /** No rep accepted in time; the manager owns it. */
  ESCALATED,
  /** No rep could be offered it at all; the fallback queue owns it. */
  QUEUED,
  /** A step failed after its retries; a person must look at it. */
  NEEDS_ATTENTION,
  /**
   * The same email address as an open lead: merged into that lead (its history holds this
   * submission, its owner was told) and not handed off a second time.
   */
  MERGED;

  /**
   * Whether a workflow still has to move the lead on: RECEIVED and ROUTING. Every other status is
   * final (an owner, marketing, or a person holds the lead), so only these are watched.
   */
  public boolean isOpen() {
    return this == RECEIVED || this == ROUTING;
  }
}
