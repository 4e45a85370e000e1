package com.leadhandoff.offer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.json.JsonTrees;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.offer.OfferLinks.Found;
import com.leadhandoff.offer.OfferView.Visit;
import com.leadhandoff.workflow.Workflow;
import com.leadhandoff.workflow.Workflow.Callback;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rep's accept or decline through their link. Every change is a conditional write on the offer
 * being open and in time, so of two racing answers (or an answer racing the timeout) exactly one
 * acts, and only the one that acted resumes the waiting workflow.
 */
public final class OfferAnswers {
  /** The error the state machine catches to move on to the next rep. */
  public static final String DECLINED_ERROR = "OfferDeclined";

  /** The error the state machine catches to hand the lead back to marketing. */
  public static final String RECYCLED_ERROR = "LeadRecycled";

  /** History event type of a rep's decline; its details say whether the lead was recycled. */
  static final String DECLINED_EVENT = "OFFER_DECLINED";

  private final OfferLinks links;
  private final OfferStore offers;
  private final LeadStore leads;
  private final LeadHistory history;
  private final Workflow workflow;
  private final Clock clock;

  public OfferAnswers(
      OfferStore offers, LeadStore leads, LeadHistory history, Workflow workflow, Clock clock) {
    this.links = new OfferLinks(offers, leads, clock);
    this.offers = offers;
    this.leads = leads;
    this.history = history;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** Accepts the offer behind {@code token}: the rep becomes the lead's owner. */
  public OfferView accept(String token) {
    Optional<Found> found = links.find(token);
    if (found.isEmpty()) {
      return new OfferView.Unknown();
    }
    Offer offer = found.get().offer();
    Lead lead = found.get().lead();
    Instant now = clock.instant();
    if (!links.answerable(offer) || !offers.accept(offer.leadId(), offer.offerId(), now)) {
      return settled(offer, OfferStatus.ACCEPTED);
    }
    if (!Acceptances.claimOwner(leads, offer)) {
      record(
          offer,
          now,
          "OWNER_CONFLICT",
          offer.repName() + " accepted, but the lead already had an owner",
          Map.of());
      // Not ACCEPTED: "Follow Up" parks the lead, so a person sorts out who owns it.
      resume(offer, t -> workflow.succeed(t, answer("OWNED_ELSEWHERE", offer)));
      return new OfferView.OwnedElsewhere(offer, lead);
    }
    Acceptances.record(history, offer, now);
    Callback callback = resume(offer, t -> workflow.succeed(t, answer("ACCEPTED", offer)));
    if (callback == Callback.GONE) {
      record(
          offer,
          now,
          "WORKFLOW_GONE",
          "The lead's workflow had already ended; no follow-up emails go out automatically",
          Map.of());
    }
    // TIMED_OUT needs nothing: "Move Offer On" finds the offer accepted and follows up.
    return new OfferView.Accepted(offer, lead, Visit.ANSWERED_NOW);
  }

  /** Declines the offer behind {@code token} with the rep's reason; the lead moves on. */
  public OfferView decline(String token, DeclineForm form) {
    Optional<Found> found = links.find(token);
    if (found.isEmpty()) {
      return new OfferView.Unknown();
    }
    Offer offer = found.get().offer();
    Lead lead = found.get().lead();
    if (!links.answerable(offer)) {
      return settled(offer, OfferStatus.DECLINED);
    }
    if (form instanceof DeclineForm.Problem problem) {
      return new OfferView.Open(offer, lead, Optional.of(problem.message()));
    }
    DeclineForm.Reason reason = (DeclineForm.Reason) form;
    Instant now = clock.instant();
    if (!offers.decline(offer.leadId(), offer.offerId(), reason.text(), now)) {
      return settled(offer, OfferStatus.DECLINED);
    }
    Map<String, String> details = new HashMap<>();
    details.put("reason", reason.text());
    reason.choice().ifPresent(c -> details.put("reasonCode", c.name()));
    details.put("recycled", Boolean.toString(reason.recycles()));
    record(offer, now, DECLINED_EVENT, offer.repName() + " declined: " + reason.text(), details);
    String error = reason.recycles() ? RECYCLED_ERROR : DECLINED_ERROR;
    resume(offer, t -> workflow.fail(t, error, reason.text()));
    return new OfferView.Declined(offer, lead, Visit.ANSWERED_NOW, reason.recycles());
  }

  /**
   * Resumes the workflow with {@code send}, on the task token the offer now carries. A reminder
   * moves the wait to a new token; if it did so after this answer read the offer, the old token no
   * longer waits and the answer goes again on the new one. A reminder that came after this answer
   * closed the offer finds it closed and passes the answer on itself, so either way it arrives.
   */
  private Callback resume(Offer offer, Function<String, Callback> send) {
    Callback callback = send.apply(offer.taskToken());
    if (callback == Callback.DELIVERED) {
      return callback;
    }
    String current = links.reread(offer).offer().taskToken();
    return current.equals(offer.taskToken()) ? callback : send.apply(current);
  }

  /** What the rep sees when their answer did not act: the offer was closed or answered first. */
  private OfferView settled(Offer offer, OfferStatus attempted) {
    Found current = links.reread(offer);
    if (current.offer().status() == OfferStatus.ACCEPTED) {
      // Heals an earlier accept that stopped between closing the offer and claiming the lead.
      Acceptances.finish(leads, history, current.offer());
    }
    return links.viewOf(current.offer(), current.lead(), Optional.of(attempted));
  }

  private void record(
      Offer offer, Instant now, String type, String summary, Map<String, String> extra) {
    Map<String, String> details = new HashMap<>(extra);
    details.put("offerId", offer.offerId());
    details.put("attempt", Integer.toString(offer.attempt()));
    details.put("repId", offer.repId());
    history.record(offer.leadId(), new HistoryEvent(now, type, summary, details));
  }

  /** The task output an answer resumes the workflow with, checked by "Follow Up". */
  static String answer(String outcome, Offer offer) {
    return JsonTrees.write(
        JsonNodeFactory.instance
            .objectNode()
            .put("outcome", outcome)
            .put("repId", offer.repId())
            .put("offerId", offer.offerId()));
  }
}
