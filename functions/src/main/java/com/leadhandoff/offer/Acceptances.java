package com.leadhandoff.offer;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An acceptance made whole. A rep's accept closes the offer, then makes the rep the lead's owner,
 * then records OFFER_ACCEPTED: a request that stopped between those writes (the process killed, the
 * Lambda timed out) leaves an accepted offer on a lead nobody owns. Whoever next finds the offer
 * accepted (the rep clicking again, a reminder passing the answer on, "Move Offer On" closing the
 * wait) finishes it here before the workflow follows up, so "Follow Up" finds the owner rather than
 * parking a lead the rep took.
 */
final class Acceptances {
  static final String ACCEPTED_EVENT = "OFFER_ACCEPTED";

  private Acceptances() {}

  /** Makes the offer's rep the owner; true if they are (now or already). */
  static boolean claimOwner(LeadStore leads, Offer offer) {
    Owner rep = new Owner(offer.repId(), offer.repName(), offer.repEmail(), Owner.Role.REP);
    return leads.claimOwner(offer.leadId(), rep, LeadStatus.ACCEPTED)
        || leads
            .find(offer.leadId())
            .flatMap(Lead::owner)
            .filter(owner -> owner.role() == Owner.Role.REP && owner.id().equals(offer.repId()))
            .isPresent();
  }

  /**
   * Finishes the acceptance of {@code offer}, an offer found ACCEPTED: its rep made the owner if
   * nobody owns the lead yet, and its OFFER_ACCEPTED entry written if the accept stopped before it.
   * A lead another owner holds is left alone ("Follow Up" then follows up with that owner, or parks
   * the lead for a person).
   */
  static void finish(LeadStore leads, LeadHistory history, Offer offer) {
    if (!claimOwner(leads, offer)) {
      return;
    }
    boolean recorded =
        history.of(offer.leadId()).stream()
            .anyMatch(
                e ->
                    ACCEPTED_EVENT.equals(e.type())
                        && offer.offerId().equals(e.details().get("offerId")));
    if (!recorded) {
      record(history, offer, offer.answeredAt().orElse(offer.offeredAt()));
    }
  }

  /**
   * Records the rep's acceptance of {@code offer} at {@code at}, once: the accept itself and
   * whoever finishes it can each find the entry missing at the same moment (a reminder passing the
   * answer on between the accept's owner claim and its entry), so the entry is written with a claim
   * on it and only the claim's taker writes it.
   */
  static void record(LeadHistory history, Offer offer, Instant at) {
    history.recordOnce(offer.leadId(), "accepted#" + offer.offerId(), accepted(offer, at));
  }

  /** The entry that records the rep's acceptance of {@code offer} at {@code at}. */
  static HistoryEvent accepted(Offer offer, Instant at) {
    return new HistoryEvent(
        at,
        ACCEPTED_EVENT,
        offer.repName()
            + " accepted the lead "
            + OfferTimes.span(Duration.between(offer.offeredAt(), at))
            + " after it was offered",
        Map.of(
            "offerId", offer.offerId(),
            "attempt", Integer.toString(offer.attempt()),
            "repId", offer.repId()));
  }
}
