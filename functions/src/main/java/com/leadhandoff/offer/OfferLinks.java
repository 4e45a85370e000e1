package com.leadhandoff.offer;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.offer.OfferView.Visit;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the offer behind a rep's link and says what the link shows. Only reads: mail scanners open
 * links before the rep does, so looking must never act.
 */
public final class OfferLinks {
  private final OfferStore offers;
  private final LeadStore leads;
  private final Clock clock;

  public OfferLinks(OfferStore offers, LeadStore leads, Clock clock) {
    this.offers = offers;
    this.leads = leads;
    this.clock = clock;
  }

  /** What the link with {@code token} shows right now. */
  public OfferView show(String token) {
    return find(token)
        .map(found -> viewOf(found.offer(), found.lead(), Optional.empty()))
        .orElseGet(OfferView.Unknown::new);
  }

  /** An offer and its lead, found through a link. */
  record Found(Offer offer, Lead lead) {}

  /**
   * The offer whose stored hash is the hash of {@code token}, with its lead. The hash is checked
   * again on the consistently read offer: the token index lags, and for a moment after a retried
   * offer replaced its token it still leads from the old token to the offer that now has a new one.
   */
  Optional<Found> find(String token) {
    return OfferToken.parse(token)
        .flatMap(t -> offers.findByTokenHash(t.hash()).filter(o -> t.matches(o.tokenHash())))
        .map(offer -> new Found(offer, lead(offer)));
  }

  /** The offer as stored now (consistently read), with its lead. */
  Found reread(Offer offer) {
    Offer current =
        offers
            .find(offer.leadId(), offer.offerId())
            .orElseThrow(() -> new IllegalStateException("Offer " + offer.offerId() + " vanished"));
    return new Found(current, lead(current));
  }

  /** Whether the rep may still answer: open and before its deadline. */
  boolean answerable(Offer offer) {
    return offer.status() == OfferStatus.OPEN && clock.instant().isBefore(offer.deadline());
  }

  /**
   * What an offer in its current state shows.
   *
   * @param attempted the answer the rep is trying to give, if any; decides whether an answered
   *     offer reads as a repeat or a conflict
   */
  OfferView viewOf(Offer offer, Lead lead, Optional<OfferStatus> attempted) {
    return switch (offer.status()) {
      case OPEN ->
          answerable(offer)
              ? new OfferView.Open(offer, lead, Optional.empty())
              : new OfferView.Expired(offer, lead);
      case EXPIRED -> new OfferView.Expired(offer, lead);
      case ACCEPTED -> new OfferView.Accepted(offer, lead, visit(attempted, OfferStatus.ACCEPTED));
      case DECLINED ->
          new OfferView.Declined(
              offer,
              lead,
              visit(attempted, OfferStatus.DECLINED),
              lead.status() == LeadStatus.RECYCLED);
    };
  }

  private static Visit visit(Optional<OfferStatus> attempted, OfferStatus actual) {
    return attempted
        .map(a -> a == actual ? Visit.ANSWERED_AGAIN : Visit.OTHER_ANSWER)
        .orElse(Visit.VIEWED);
  }

  private Lead lead(Offer offer) {
    return leads
        .find(offer.leadId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Offer " + offer.offerId() + " refers to missing lead " + offer.leadId()));
  }
}
