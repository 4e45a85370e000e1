package com.leadhandoff.history;

/** What became of {@link LeadHistory#recordJoined}: only {@link #WRITTEN} wrote anything. */
public enum Joined {
  /** The claim, the change and the entries are all written. */
  WRITTEN,
  /** The claim was taken already (an earlier try of the step): nothing was written. */
  CLAIM_TAKEN,
  /** A condition of the change refused it (another try made it first): nothing was written. */
  REFUSED
}
