package com.leadhandoff.offer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where offers are kept. Every status change is a conditional write on {@code OPEN}. */
public interface OfferStore {
  /** Stores a new offer, or replaces one still {@code OPEN} (a retried offer step). */
  void put(Offer offer);

  /**
   * Stores {@code offer} as a new offer and takes the once-only claim {@code claimAction} in the
   * lead's history (see {@link com.leadhandoff.history.LeadHistory#claim}) in the same write: both
   * or neither. Nothing is written when an offer is stored under the offer's id already, or when
   * the claim is held.
   *
   * @param claimAction the claim's action, e.g. the email's {@code email#offer#001#…}
   * @throws UnsupportedOperationException from a store that cannot write the claim with the offer
   */
  default Placement placeNew(Offer offer, String claimAction) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot store an offer together with its email's claim");
  }

  /**
   * What {@link #placeNew} did.
   *
   * @param placed whether the offer was stored and the claim taken
   * @param earlier when not placed, the offer stored under the same id before, if there is one;
   *     when there is none, the claim was held
   */
  record Placement(boolean placed, Optional<Offer> earlier) {}

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

  /**
   * Makes {@code taskToken} the token the offer's workflow waits with, and notes reminder {@code
   * number} as sent, if the offer is still {@code OPEN}: a rep answering later resumes the new
   * wait.
   *
   * @param number 1 for the offer's first reminder
   * @param taskToken the task token of the reminder's wait
   */
  Reminded remind(String leadId, String offerId, int number, String taskToken);

  /**
   * {@link #remind}, also giving the offer as it was just before the write, which the write itself
   * returns: what the reminder email shows, or the answer a closed offer passes on.
   *
   * @return what was done, and the offer before it; the offer is empty when there is none
   */
  default Reminding remindReading(String leadId, String offerId, int number, String taskToken) {
    Reminded reminded = remind(leadId, offerId, number, taskToken);
    return new Reminding(reminded, find(leadId, offerId));
  }

  /**
   * What {@link #remindReading} did.
   *
   * @param before the offer as it was before the reminder's write (its task token the one of the
   *     wait before); empty when the lead has no such offer
   */
  record Reminding(Reminded reminded, Optional<Offer> before) {}

  /** What {@link #remind} did. */
  enum Reminded {
    /** The token is stored and this reminder was not noted before: send it. */
    FIRST,
    /** The token is stored, but this reminder was noted by an earlier try: do not send it again. */
    REPEATED,
    /** The offer was no longer open; nothing changed. */
    CLOSED
  }
}
