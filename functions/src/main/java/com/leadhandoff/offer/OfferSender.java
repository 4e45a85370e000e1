package com.leadhandoff.offer;

import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Offers a lead to the rep the routing step chose: stores the offer under the hash of a fresh
 * token, emails the rep a link carrying the token, and records the offer in the lead's history. The
 * workflow's task token is stored with the offer and never leaves the server.
 */
public final class OfferSender {
  private final LeadStore leads;
  private final OfferStore offers;
  private final LeadHistory history;
  private final LeadMailer mailer;
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
    Lead lead =
        leads
            .find(leadId)
            .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " does not exist"));
    Optional<Offer> earlier = offers.find(leadId, route.offerId());
    if (earlier.filter(o -> o.status() != OfferStatus.OPEN).isPresent()) {
      return Result.ALREADY_ANSWERED;
    }
    Optional<Offer> sameTry = earlier.filter(o -> o.taskToken().equals(taskToken));
    if (sameTry.filter(this::emailed).isPresent()) {
      return Result.SENT;
    }
    // The email is claimed after the offer it links to is stored, both keyed by the task token. An
    // earlier try with this token that holds the claim stored the offer now in the table, and its
    // link is the one that may have gone out: keep it rather than replace it with a token nobody
    // was sent. An earlier try without the claim stopped before sending; its link went nowhere.
    String emailKey = "offer#" + route.offerId() + "#" + shortHash(taskToken);
    if (sameTry.isPresent()) {
      Optional<LeadMailer.Claim> claim = mailer.claim(leadId, emailKey);
      if (claim.isEmpty()) {
        history.record(leadId, offered(sameTry.get(), false, LeadMailer.Delivery.UNCONFIRMED));
        return Result.SENT;
      }
      return send(lead, route, taskToken, claim.get(), false);
    }
    OfferToken token = OfferToken.generate();
    Offer offer = offer(leadId, route, taskToken, token);
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
    return email(lead, offer, token, claim, earlier.isPresent());
  }

  private Result send(
      Lead lead, OfferRoute route, String taskToken, LeadMailer.Claim claim, boolean resent) {
    OfferToken token = OfferToken.generate();
    Offer offer = offer(lead.leadId(), route, taskToken, token);
    offers.put(offer);
    return email(lead, offer, token, claim, resent);
  }

  private Result email(
      Lead lead, Offer offer, OfferToken token, LeadMailer.Claim claim, boolean resent) {
    Map<String, Object> model = new HashMap<>(OfferSummary.of(lead, offer));
    model.put("link", publicBaseUrl + "/offers/" + token.value());
    claim.send(EmailTemplates.render("offer", offer.repEmail(), model));
    history.record(offer.leadId(), offered(offer, resent, LeadMailer.Delivery.SENT));
    return Result.SENT;
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
   * Whether this stored offer's email went out: its history entry is written after the email, at
   * the instant the offer was stored.
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
