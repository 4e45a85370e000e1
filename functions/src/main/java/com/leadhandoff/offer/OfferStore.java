package com.leadhandoff.offer;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.sla.SlaFacts;
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
   * {@link #placeNew}, also writing in the same write {@code entry}, the lead's history entry that
   * records the offer, and {@code firstFacts}, the lead's first SLA facts, if this store keeps SLA
   * facts and the lead has none yet: the offer, its claim and its record stand or fall together,
   * before the offer's email is sent. A lead that has facts gets the offer and its entry, without
   * the facts ({@link Placement#factsWritten} says which).
   *
   * <p>The entry is written under a key a later try works out from the offer (its instant {@code
   * entry.at()} is the offer's {@link Offer#offeredAt}), so that {@link #unsent} and {@link
   * #noteUnconfirmed} change it without a read.
   *
   * @throws UnsupportedOperationException from a store that cannot write the entry with the offer
   */
  default Placement placeRecorded(
      Offer offer, String claimAction, HistoryEvent entry, Optional<SlaFacts> firstFacts) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot store an offer together with its history entry");
  }

  /**
   * The offer {@link #placeRecorded} stored was not emailed (the email provider refused it): in one
   * write, its email's claim is given up, so that a retry sends it, and its entry and the first SLA
   * facts written with it are withdrawn, so that neither the history nor the reports say the rep
   * had an offer they were never sent. The offer itself stays open for the retry to reuse.
   *
   * @param factsWritten the first facts {@link #placeRecorded} wrote, if it wrote them
   */
  default void unsent(Offer offer, String claimAction, Optional<SlaFacts> factsWritten) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot withdraw an offer's history entry");
  }

  /**
   * Replaces the summary of the entry {@link #placeRecorded} wrote with {@code offer}, if it is
   * there and not withdrawn: a later try found the email claimed and cannot know whether it went
   * out, which the summary then says.
   *
   * @return false when there is no such entry (the offer was recorded after its email, or not yet)
   */
  default boolean noteUnconfirmed(Offer offer, String summary) {
    return false;
  }

  /**
   * What {@link #placeNew} or {@link #placeRecorded} did.
   *
   * @param placed whether the offer was stored and the claim taken
   * @param earlier when not placed, the offer stored under the same id before, if there is one;
   *     when there is none, the claim was held
   * @param factsWritten whether {@link #placeRecorded} wrote the lead's first SLA facts
   */
  record Placement(boolean placed, Optional<Offer> earlier, boolean factsWritten) {
    /** What {@link #placeNew} did: it writes no facts. */
    public Placement(boolean placed, Optional<Offer> earlier) {
      this(placed, earlier, false);
    }
  }

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
