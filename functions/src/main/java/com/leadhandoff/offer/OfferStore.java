package com.leadhandoff.offer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where offers are kept. Every status change is a conditional write on {@code OPEN}. */
public interface OfferStore {
  /** Stores a new offer, or replaces one still {@code OPEN} (a retried offer step). */
  void put(Offer offer);

  /** The offer whose link token hashes to {@code tokenHash}. */
  Optional<Offer> findByTokenHash(String tokenHash);

  /** One offer of a lead. */
  Optional<Offer> find(String leadId, String offerId);

  /** Every offer made for a lead, first attempt first. */
  List<Offer> forLead(String leadId);

  /** OPEN → ACCEPTED if still open and {@code now} is before the deadline; true if it changed. */
  boolean accept(String leadId, String offerId, Instant now);

  /** OPEN → DECLINED with the rep's reason, if still open and in time; true if it changed. */
  boolean decline(String leadId, String offerId, String reason, Instant now);

  /** OPEN → EXPIRED; true if it changed (false: it was answered first). */
  boolean expire(String leadId, String offerId, Instant now);
}
