package com.leadhandoff.ownership;

import com.leadhandoff.lead.LeadStore;

/**
 * Gives up a closing lead's claim on its address (nurtured, recycled, parked), so that the next
 * submission from it starts a handoff of its own at once rather than after taking a stale claim
 * over. Safe to repeat, and a no-op when the lead holds no claim (a later lead took it over).
 */
public final class AddressRelease {
  private final LeadStore leads;
  private final AddressClaims claims;

  public AddressRelease(LeadStore leads, AddressClaims claims) {
    this.leads = leads;
    this.claims = claims;
  }

  /** Releases the address of lead {@code leadId} if that lead holds it. */
  public void closed(String leadId) {
    leads.find(leadId).ifPresent(l -> claims.release(l.submission().email(), leadId));
  }
}
