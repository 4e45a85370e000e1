package com.leadhandoff.ownership;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadIndexUnavailableException;
import java.util.Optional;

/** What the claim on a new lead's address decides: join an open lead, or be handed off itself. */
public sealed interface MergeTarget {
  /** The new lead is the same prospect as {@code into}, which holds the address: merge it. */
  record Join(Lead into) implements MergeTarget {}

  /**
   * The new lead is handed off as a lead of its own (usually holding the address now).
   *
   * @param unchecked set when leads stored before address claims existed could not be looked up
   */
  record HandOff(Optional<LeadIndexUnavailableException> unchecked) implements MergeTarget {
    /** Handed off, every earlier lead checked. */
    public static HandOff checked() {
      return new HandOff(Optional.empty());
    }
  }
}
