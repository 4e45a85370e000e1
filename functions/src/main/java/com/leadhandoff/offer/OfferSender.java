package com.leadhandoff.offer;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.ScoreHistory;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsFromHistory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offers a lead to the rep the routing step chose: stores the offer under the hash of a fresh token
 * with its email's claim and its record in the lead's history (and the lead's first SLA facts),
 * then emails the rep a link carrying the token. The workflow's task token is stored with the offer
 * and never leaves the server.
 */
public final class OfferSender {
  private final LeadStore leads;
  private final OfferStore offers;
  private final LeadHistory history;
  private final LeadMailer mailer;
  private final Mailer plainMailer;
  private final Clock clock;
  private final String publicBaseUrl;

  /**
   * @param publicBaseUrl where reps reach the API, e.g. {@code https://leads.example.com}
   */
  public OfferSender(
      LeadStore leads,
      OfferStore offers,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      String publicBaseUrl) {
    this.leads = leads;
    this.offers = offers;
    this.history = history;
    this.mailer = new LeadMailer(mailer, history);
    this.plainMailer = mailer;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** What became of an offer request. */
  public enum Result {
    /** The offer is stored and the rep emailed. */
    SENT,
    /**
     * The offer was answered before this (retried) request; nothing is sent. The workflow's wait
     * then times out and "Move Offer On" reads the answer from the offer.
     */
    ALREADY_ANSWERED
  }

  /**
   * Offers lead {@code leadId} to the rep in {@code route}. The same invocation again (same task
   * token, as after a crash of the runtime that waits on it) changes nothing once the email went
   * out, so the link the rep has keeps working. A retry with a new task token while the offer is
   * still open replaces it with a new token and emails the rep again; the earlier link stops
   * working.
   */
  public Result offer(String leadId, OfferRoute route, String taskToken) {
    if (!route.found()) {
      throw new IllegalArgumentException(
          "No rep was found for lead " + leadId + "; nothing to offer");
    }
    // Request 1, GetItem Leads: the email shows the prospect's name, email, phone and message.
    // The route in the task's input carries none of it on purpose: a task's input is kept in the
    // execution's history for its retention period, readable by anyone who may read executions,
    // where personal data must not be copied (as docs/deploy.md keeps it out of the bus's rules).
    Lead lead =
        leads
            .find(leadId)
            .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " does not exist"));
    String emailKey = "offer#" + route.offerId() + "#" + shortHash(taskToken);
    OfferToken token = OfferToken.generate();
    Offer offer = offer(leadId, route, taskToken, token);
    HistoryEvent offered = offered(offer, false, LeadMailer.Delivery.SENT);
    List<HistoryEvent> start = factsStart(lead);
    Optional<SlaFacts> firstFacts =
        offer.attempt() == 1 ? firstFacts(lead, start, offered) : Optional.empty();
    // Request 2, TransactWriteItems Offers + History + SlaFacts: a first try stores the offer,
    // claims its email, writes the OFFERED entry and, for the lead's first offer, its first SLA
    // facts (worked out from the lead read above instead of its history read back), all in one
    // write before the email, so a stored offer always holds its claim and its record; when it
    // finds an earlier try, the write returns it instead of a read before it. The entry's instant
    // is the offer's, whether it is written before the email or after: the facts are the same.
    OfferStore.Placement placement =
        offers.placeRecorded(offer, LeadMailer.action(emailKey), offered, firstFacts);
    if (placement.placed()) {
      return emailRecorded(
          lead,
          offer,
          token,
          LeadMailer.action(emailKey),
          offered,
          placement.factsWritten() ? firstFacts : Optional.empty(),
          start);
    }
    Optional<Offer> earlier = placement.earlier();
    if (earlier.isEmpty()) {
      throw new IllegalStateException(
          "Offer "
              + route.offerId()
              + " of lead "
              + leadId
              + " is being sent by another try with the same task token");
    }
    if (earlier.get().status() != OfferStatus.OPEN) {
      return Result.ALREADY_ANSWERED;
    }
    if (earlier.get().taskToken().equals(taskToken)) {
      return resume(lead, route, taskToken, emailKey, earlier.get());
    }
    // A retry with a new task token while the offer is open: a new link replaces the old one.
    offers.put(offer);
    LeadMailer.Claim claim =
        mailer
            .claim(leadId, emailKey)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Offer "
                            + route.offerId()
                            + " of lead "
                            + leadId
                            + " is being sent by another try with the same task token"));
    return email(lead, offer, token, claim, true);
  }

  /**
   * The same invocation again, after a try that stored the offer with this task token. Its claim
   * held means its link is the one that may have gone out: keep it rather than replace it with a
   * token nobody was sent. A claim given up (the provider refused the email) or never taken (an
   * offer stored before offer and claim were one write) means its link went nowhere.
   */
  private Result resume(
      Lead lead, OfferRoute route, String taskToken, String emailKey, Offer sameTry) {
    // The earlier try recorded the offer before its email. Its entry still there means the email
    // was not refused (a refusal withdraws the entry and gives the claim up in one write), so the
    // claim is held: the email went out, or the try stopped before or while sending it. Which one
    // nothing tells, so it is not sent again, and the entry says so, as when a try stops between
    // its email and its record.
    HistoryEvent unconfirmed = offered(sameTry, false, LeadMailer.Delivery.UNCONFIRMED);
    if (offers.noteUnconfirmed(sameTry, unconfirmed.summary())) {
      history.written(lead.leadId(), unconfirmed, Optional.empty());
      return Result.SENT;
    }
    if (emailed(sameTry)) {
      return Result.SENT;
    }
    Optional<LeadMailer.Claim> claim = mailer.claim(lead.leadId(), emailKey);
    if (claim.isEmpty()) {
      history.record(lead.leadId(), offered(sameTry, false, LeadMailer.Delivery.UNCONFIRMED));
      return Result.SENT;
    }
    return send(lead, route, taskToken, claim.get(), false);
  }

  private Result send(
      Lead lead, OfferRoute route, String taskToken, LeadMailer.Claim claim, boolean resent) {
    OfferToken token = OfferToken.generate();
    Offer offer = offer(lead.leadId(), route, taskToken, token);
    offers.put(offer);
    return email(lead, offer, token, claim, resent);
  }

  /**
   * Sends the email of an offer stored with its claim and its entry. A refusal by the provider (or
   * a template that does not render) withdraws the entry and the facts written with it and gives
   * the claim up, in one write, before the error goes on for the step's retry: the lead's history
   * and reports never show an offer whose email was refused, and the retry sends it with a link of
   * its own, recording it afresh. Only a process stopped between the two writes leaves the entry
   * (see {@link #resume}).
   */
  private Result emailRecorded(
      Lead lead,
      Offer offer,
      OfferToken token,
      String claimAction,
      HistoryEvent offered,
      Optional<SlaFacts> factsWritten,
      List<HistoryEvent> start) {
    try {
      plainMailer.deliver(offerEmail(lead, offer, token));
    } catch (RuntimeException refused) {
      try {
        offers.unsent(offer, claimAction, factsWritten);
      } catch (RuntimeException withdrawFailed) {
        refused.addSuppressed(withdrawFailed);
      }
      throw refused;
    }
    // No request: the lead event of the entry, and the facts from the whole history when the lead
    // had facts already (as the record of an offer after its email does).
    history.written(
        lead.leadId(), offered, factsWritten.isPresent() ? Optional.of(start) : Optional.empty());
    return Result.SENT;
  }

  private com.leadhandoff.email.Email offerEmail(Lead lead, Offer offer, OfferToken token) {
    Map<String, Object> model = new HashMap<>(OfferSummary.of(lead, offer));
    model.put("link", publicBaseUrl + "/offers/" + token.value());
    return EmailTemplates.render("offer", offer.repEmail(), model);
  }

  /**
   * The lead's first SLA facts with {@code offered}, worked out from the lead as {@link
   * com.leadhandoff.sla.SlaFactsRecorder#recordFirstFact} does. No team calendar is needed: a
   * calendar counts only the working time to an acceptance, which no first facts hold. Empty when
   * the lead's details do not make facts; its whole history then does, after the email.
   */
  private static Optional<SlaFacts> firstFacts(
      Lead lead, List<HistoryEvent> start, HistoryEvent offered) {
    List<HistoryEvent> events = new ArrayList<>(start);
    events.add(offered);
    try {
      return Optional.of(SlaFactsFromHistory.of(lead.leadId(), events, team -> Optional.empty()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private Result email(
      Lead lead, Offer offer, OfferToken token, LeadMailer.Claim claim, boolean resent) {
    claim.send(offerEmail(lead, offer, token));
    HistoryEvent offered = offered(offer, resent, LeadMailer.Delivery.SENT);
    if (offer.attempt() == 1 && !resent) {
      // A retry's offer, recorded after its email: the OFFERED entry with the lead's first SLA
      // facts in one write, unless the lead has facts (then its whole history gives them).
      history.recordFirstFact(lead.leadId(), offered, factsStart(lead));
    } else {
      history.record(lead.leadId(), offered);
    }
    return Result.SENT;
  }

  /**
   * The history entries a lead's SLA facts start from, as the lead itself holds them: its receipt
   * (when, and the form's campaign) and its scoring (the tier and the rules that fired; the MQL
   * threshold, given as 0, is no part of the facts). The lead's score is the latest one, as the
   * latest SCORED entry is the one the facts take.
   */
  private static List<HistoryEvent> factsStart(Lead lead) {
    Map<String, String> received = new HashMap<>();
    Submission submission = lead.submission();
    if (submission.utmSource() != null) {
      received.put("utmSource", submission.utmSource());
    }
    if (submission.utmCampaign() != null) {
      received.put("utmCampaign", submission.utmCampaign());
    }
    List<HistoryEvent> start = new ArrayList<>();
    start.add(new HistoryEvent(lead.receivedAt(), "RECEIVED", "Received", received));
    lead.score().ifPresent(score -> start.add(ScoreHistory.scored(score, 0, lead.receivedAt())));
    return start;
  }

  /** A task token's SHA-256, shortened: task tokens run to a kilobyte, a claim key need not. */
  private static String shortHash(String taskToken) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(taskToken.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private Offer offer(String leadId, OfferRoute route, String taskToken, OfferToken token) {
    return new Offer(
        leadId,
        route.offerId(),
        route.attempt(),
        route.teamId(),
        route.repId(),
        route.repName(),
        route.repEmail(),
        token.hash(),
        taskToken,
        clock.instant(),
        route.deadline(),
        OfferStatus.OPEN,
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(route.repTimeZone()),
        Optional.ofNullable(route.answerWindow()),
        Optional.ofNullable(route.ownership()));
  }

  /**
   * Whether this stored offer's email went out, for an offer recorded after its email (a retry's,
   * or one stored before offers were recorded with their claim): its history entry is written after
   * the email, at the instant the offer was stored.
   */
  private boolean emailed(Offer offer) {
    return history.of(offer.leadId()).stream()
        .anyMatch(
            e ->
                e.type().equals("OFFERED")
                    && e.at().equals(offer.offeredAt())
                    && offer.offerId().equals(e.details().get("offerId")));
  }

  private static HistoryEvent offered(Offer offer, boolean resent, LeadMailer.Delivery delivery) {
    String summary =
        (resent ? "Offer sent again to " : "Offered to ")
            + offer.repName()
            + " (attempt "
            + offer.attempt()
            + "); answer due by "
            + OfferTimes.readable(offer.deadline(), OfferSummary.zone(offer))
            + delivery.note();
    Map<String, String> details = new HashMap<>();
    details.put("offerId", offer.offerId());
    details.put("attempt", Integer.toString(offer.attempt()));
    details.put("teamId", offer.teamId());
    details.put("repId", offer.repId());
    details.put("repName", offer.repName());
    details.put("deadline", offer.deadline().toString());
    offer.ownership().ifPresent(o -> details.put("ownership", o));
    if (resent) {
      details.put("resent", "true");
    }
    return new HistoryEvent(offer.offeredAt(), "OFFERED", summary, details);
  }
}
