package com.leadhandoff.lead;

/**
 * A step tried to move a lead that was parked (NEEDS_ATTENTION) meanwhile, by the watchdog or by
 * {@code Park Lead}: a parked lead waits for a person, and nothing in a workflow moves it again.
 */
public final class LeadParkedException extends IllegalStateException {
  public LeadParkedException(String leadId, LeadStatus wanted) {
    super(
        "Lead "
            + leadId
            + " is parked as NEEDS_ATTENTION for a person to look at; it is not moved to "
            + wanted);
  }
}
