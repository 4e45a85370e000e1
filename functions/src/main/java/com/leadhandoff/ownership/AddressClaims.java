package com.leadhandoff.ownership;

import java.time.Instant;
import java.util.Optional;

/**
 * One claim per email address (normalised: letter case and surrounding blanks make no other
 * person), written conditionally, so that submissions from one address which arrive together agree
 * on one lead without reading an eventually consistent index first.
 */
public interface AddressClaims {
  /** The claim on {@code email}, read consistently, if there is one. */
  Optional<AddressClaim> find(String email);

  /**
   * Claims {@code email} for {@code holderLeadId} if nobody holds it.
   *
   * @return true if {@code holderLeadId} holds it now (also when it already did: a retry)
   */
  boolean claim(String email, String holderLeadId, Instant expiresAt);

  /**
   * Claims {@code email} for {@code holderLeadId} if nobody holds it, and says in the same request
   * who held it before: a claim that is read and then written costs two.
   *
   * @return the claim as it stood before: empty (nobody held it: {@code holderLeadId} does now),
   *     {@code holderLeadId}'s (it held it already: a retry), or another lead's, which holds it
   *     still (nothing was changed)
   */
  Optional<AddressClaim> claimOrGet(String email, String holderLeadId, Instant expiresAt);

  /**
   * Moves the claim from {@code previousHolderLeadId}, a lead no longer open, to {@code
   * holderLeadId}.
   *
   * @return false when the claim is no longer {@code previousHolderLeadId}'s (someone else moved or
   *     released it first); true when it is {@code holderLeadId}'s now
   */
  boolean takeOver(
      String email, String previousHolderLeadId, String holderLeadId, Instant expiresAt);

  /** Deletes the claim on {@code email} if {@code holderLeadId} holds it; else changes nothing. */
  void release(String email, String holderLeadId);
}
