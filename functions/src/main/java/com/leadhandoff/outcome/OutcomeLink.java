package com.leadhandoff.outcome;

import java.time.Instant;

/**
 * The outcome link of one "You own this lead" email, as stored: under the hash of its token only.
 *
 * @param ownerId who the link reports as: the owner the email went to
 * @param expiresAt after this the link shows an expired page and records nothing
 */
public record OutcomeLink(
    String tokenHash,
    String leadId,
    String ownerId,
    String ownerName,
    Instant issuedAt,
    Instant expiresAt) {

  /** Whether the link still records outcomes at {@code now}. */
  public boolean liveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
