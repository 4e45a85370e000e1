package com.leadhandoff.offer;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Closes an offer the workflow stopped waiting for, and says whether another rep may be tried.
 * Expiry is a conditional write on the offer still being open: when the rep's accept won the race
 * against the timer, the offer stays accepted and the outcome says so.
 */
public final class OfferCloser {
  private final OfferStore offers;
  private final LeadStore leads;
  private final LeadHistory history;
  private final Mailer mailer;
  private final Clock clock;
  private final int maxOffers;

  /**
   * @param maxOffers how many reps are offered a lead before it goes to the manager
   */
  public OfferCloser(
      OfferStore offers,
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      int maxOffers) {
    this.offers = offers;
    this.leads = leads;
    this.history = history;
    this.mailer = mailer;
    this.clock = clock;
    this.maxOffers = maxOffers;
  }

  /** Why the workflow stopped waiting. */
  public enum Reason {
    TIMED_OUT,
    DECLINED
  }

  /** How the offer ended. */
  public enum Outcome {
    EXPIRED,
    DECLINED,
    ACCEPTED
  }

  /**
   * The closed offer.
   *
   * @param offersLeft whether the ladder allows another rep after this attempt
   */
  public record Closed(Outcome outcome, boolean offersLeft) {}

  /** Closes offer {@code offerId} of lead {@code leadId}. Safe to retry: tells the rep once. */
  public Closed close(String leadId, String offerId, Reason reason) {
    Offer offer = find(leadId, offerId);
    boolean offersLeft = offer.attempt() < maxOffers;
    if (reason == Reason.TIMED_OUT && offers.expire(leadId, offerId, clock.instant())) {
      expired(offer);
      return new Closed(Outcome.EXPIRED, offersLeft);
    }
    // Not expired now: answered before the timer fired, or closed by an earlier try of this step.
    Offer current = reason == Reason.TIMED_OUT ? find(leadId, offerId) : offer;
    Outcome outcome =
        switch (current.status()) {
          case ACCEPTED -> Outcome.ACCEPTED;
          case DECLINED -> Outcome.DECLINED;
          case EXPIRED -> Outcome.EXPIRED;
          case OPEN ->
              throw new IllegalStateException(
                  "Offer " + offerId + " of lead " + leadId + " is still open after " + reason);
        };
    if (reason == Reason.TIMED_OUT && outcome == Outcome.EXPIRED && !expiryRecorded(current)) {
      // An earlier try expired the offer and died before recording it (the process was killed,
      // the Lambda timed out): this retry finishes its work rather than losing the record.
      expired(current);
    }
    if (outcome == Outcome.ACCEPTED) {
      // The rep accepted before the wait ended; their request may have stopped half-way.
      Acceptances.finish(leads, history, current);
    }
    if (reason == Reason.DECLINED && outcome != Outcome.DECLINED) {
      throw new IllegalStateException(
          "Offer " + offerId + " of lead " + leadId + " was reported declined but is " + outcome);
    }
    return new Closed(outcome, offersLeft);
  }

  private void expired(Offer offer) {
    Lead lead =
        leads
            .find(offer.leadId())
            .orElseThrow(() -> new IllegalStateException("Lead " + offer.leadId() + " vanished"));
    Instant now = clock.instant();
    String window =
        offer
            .answerWindow()
            .orElseGet(
                () -> OfferTimes.span(Duration.between(offer.offeredAt(), offer.deadline())));
    // A retried step finds the offer already expired and sends nothing: the notice goes out at
    // most once. The history comes first because it matters more than the courtesy email.
    history.record(
        offer.leadId(),
        new HistoryEvent(
            now,
            "OFFER_EXPIRED",
            offer.repName() + " did not answer within " + window,
            Map.of(
                "offerId", offer.offerId(),
                "attempt", Integer.toString(offer.attempt()),
                "repId", offer.repId(),
                "deadline", offer.deadline().toString())));
    mailer.send(
        EmailTemplates.render("offer-expired", offer.repEmail(), OfferSummary.of(lead, offer)));
  }

  private boolean expiryRecorded(Offer offer) {
    return history.of(offer.leadId()).stream()
        .anyMatch(
            e ->
                "OFFER_EXPIRED".equals(e.type())
                    && offer.offerId().equals(e.details().get("offerId")));
  }

  private Offer find(String leadId, String offerId) {
    return offers
        .find(leadId, offerId)
        .orElseThrow(
            () -> new IllegalStateException("No offer " + offerId + " for lead " + leadId));
  }
}
