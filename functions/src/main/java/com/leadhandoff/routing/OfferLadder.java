package com.leadhandoff.routing;

import com.leadhandoff.offer.Offer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offers a lead has had so far, against how many it may have: which attempt comes next, whether
 * the ladder has ended, and which reps are out because they already had their chance.
 *
 * @param offers every offer made for the lead, first attempt first
 * @param maxOffers how many reps a lead is offered before it escalates
 */
public record OfferLadder(List<Offer> offers, int maxOffers) {
  public OfferLadder {
    offers = List.copyOf(offers);
    if (maxOffers < 1) {
      throw new IllegalArgumentException("maxOffers must be at least 1, was " + maxOffers);
    }
  }

  /** The number of the next offer: 1 for a fresh lead. */
  public int nextAttempt() {
    return offers.size() + 1;
  }

  /** Why no further offer may be made, if the ladder has ended. */
  public Optional<String> ended() {
    if (nextAttempt() <= maxOffers) {
      return Optional.empty();
    }
    int made = offers.size();
    return Optional.of("ladder ended after " + made + (made == 1 ? " offer" : " offers"));
  }

  /** Rep id → why the rep is out: a rep is never offered the same lead twice. */
  public Map<String, String> excluded() {
    Map<String, String> excluded = new LinkedHashMap<>();
    for (Offer offer : offers) {
      excluded.putIfAbsent(offer.repId(), "already offered (" + outcome(offer) + ")");
    }
    return excluded;
  }

  private static String outcome(Offer offer) {
    return switch (offer.status()) {
      case OPEN -> "offer " + offer.offerId() + " still open";
      case ACCEPTED -> "accepted offer " + offer.offerId();
      case DECLINED ->
          offer.declineReason().map(reason -> "declined: " + reason).orElse("declined");
      case EXPIRED -> "let offer " + offer.offerId() + " expire";
    };
  }
}
