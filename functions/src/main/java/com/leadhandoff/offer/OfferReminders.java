package com.leadhandoff.offer;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.workflow.Workflow;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Reminds a rep of an offer they have not answered, and moves the offer's wait to a new task token.
 * The workflow stops waiting on the old token when a reminder is due, so the new token must be on
 * the offer before a rep's answer can resume the workflow again. Storing it is a conditional write
 * on the offer being open: if the rep answered in between, their answer reached an old token that
 * no longer waits, so this step delivers it on the new one, exactly as the rep's answer would have.
 *
 * <p>The reminder points the rep to the offer email's link rather than repeating it: only the
 * link's hash is stored, so the link cannot be rebuilt, and a second link would need a second token
 * index. The original link keeps working, because a reminder changes the task token, not the hash.
 */
public final class OfferReminders {
  private final OfferStore offers;
  private final LeadStore leads;
  private final LeadHistory history;
  private final Mailer mailer;
  private final Workflow workflow;
  private final Clock clock;

  public OfferReminders(
      OfferStore offers,
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      Workflow workflow,
      Clock clock) {
    this.offers = offers;
    this.leads = leads;
    this.history = history;
    this.mailer = mailer;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** What a reminder step did. */
  public enum Result {
    /** The offer was open: the rep was reminded and the wait moved to the new token. */
    SENT,
    /** A retried step: the wait moved to the new token; the reminder had already gone out. */
    ALREADY_SENT,
    /** The rep had accepted; the acceptance was passed on to the workflow. */
    ACCEPTED,
    /** The rep had declined; the decline was passed on to the workflow. */
    DECLINED,
    /** The offer had expired; the wait runs out and the missed offer is recorded as usual. */
    EXPIRED
  }

  /**
   * Sends reminder {@code number} for offer {@code offerId} of lead {@code leadId} if it is open.
   *
   * @param number 1 for the offer's first reminder
   * @param taskToken the token the workflow now waits with
   */
  public Result remind(String leadId, String offerId, int number, String taskToken) {
    // The write that moves the wait also returns the offer, so no read of it follows.
    OfferStore.Reminding reminding = offers.remindReading(leadId, offerId, number, taskToken);
    Offer offer =
        reminding
            .before()
            .orElseThrow(
                () -> new IllegalStateException("No offer " + offerId + " for lead " + leadId));
    return switch (reminding.reminded()) {
      case FIRST -> {
        send(offer, number);
        yield Result.SENT;
      }
      case REPEATED -> Result.ALREADY_SENT;
      case CLOSED -> passOn(offer, taskToken);
    };
  }

  private void send(Offer offer, int number) {
    Lead lead =
        leads
            .find(offer.leadId())
            .orElseThrow(() -> new IllegalStateException("Lead " + offer.leadId() + " vanished"));
    Map<String, Object> model = new HashMap<>(OfferSummary.of(lead, offer));
    model.put("number", number);
    mailer.send(EmailTemplates.render("reminder", offer.repEmail(), model));
    // Query History, TransactWriteItems History + SlaFacts: the entry, after the email as the
    // record of what was sent, in one write with the facts it changes (their reminder count),
    // worked out from the history read just before it instead of read back after it.
    history.recordWithFacts(
        offer.leadId(),
        new HistoryEvent(
            clock.instant(),
            "OFFER_REMINDED",
            offer.repName()
                + " was reminded (reminder "
                + number
                + "); answer due by "
                + OfferTimes.readable(offer.deadline(), OfferSummary.zone(offer)),
            Map.of(
                "offerId", offer.offerId(),
                "attempt", Integer.toString(offer.attempt()),
                "repId", offer.repId(),
                "reminder", Integer.toString(number))));
  }

  /** Resumes the new wait with the answer the rep gave while the old one was ending. */
  private Result passOn(Offer offer, String taskToken) {
    if (offer.status() == OfferStatus.ACCEPTED) {
      Acceptances.finish(leads, history, offer);
      workflow.succeed(taskToken, OfferAnswers.answer("ACCEPTED", offer));
      return Result.ACCEPTED;
    }
    if (offer.status() == OfferStatus.DECLINED) {
      workflow.fail(
          taskToken,
          recycled(offer) ? OfferAnswers.RECYCLED_ERROR : OfferAnswers.DECLINED_ERROR,
          offer.declineReason().orElse("declined"));
      return Result.DECLINED;
    }
    // Only "Move Offer On" expires an offer, after the last wait; nothing to pass on.
    return Result.EXPIRED;
  }

  /**
   * Whether the rep's decline sent the lead back to marketing, as recorded when they declined. The
   * record is written just after the offer closes, so a reminder running in between reads the
   * reason text instead.
   */
  private boolean recycled(Offer offer) {
    return history.of(offer.leadId()).stream()
        .filter(e -> e.type().equals(OfferAnswers.DECLINED_EVENT))
        .filter(e -> offer.offerId().equals(e.details().get("offerId")))
        .reduce((first, second) -> second)
        .map(e -> Boolean.parseBoolean(e.details().get("recycled")))
        .orElseGet(() -> offer.declineReason().map(DeclineForm::readsAsRecycling).orElse(false));
  }
}
