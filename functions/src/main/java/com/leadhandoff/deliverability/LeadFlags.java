package com.leadhandoff.deliverability;

import java.time.Instant;

/** Marks on a lead that something about its prospect's address went wrong. */
public interface LeadFlags {
  /**
   * Marks that email to the prospect of {@code leadId} bounced or drew a complaint.
   *
   * @return false when no lead has this id (nothing written)
   */
  boolean markProspectAddress(String leadId, EmailFeedback.Kind kind, Instant at);
}
