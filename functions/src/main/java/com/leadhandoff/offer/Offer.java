package com.leadhandoff.offer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One attempt to hand a lead to one rep.
 *
 * @param offerId unique within the lead, sortable by attempt (e.g. {@code 001})
 * @param attempt 1 for the first rep offered, 2 for the next…
 * @param teamId the team the rep was chosen from
 * @param tokenHash SHA-256 (hex) of the opaque token in the rep's link; the token itself is never
 *     stored
 * @param taskToken the Step Functions task token waiting on this offer; never leaves the server
 * @param deadline when the offer expires unanswered
 * @param declineReason the rep's reason, when declined
 * @param repTimeZone the zone the rep reads times in; empty (UTC) for offers made before reps had
 *     zones
 * @param answerWindow the response-time SLA as the rep was told it, e.g. {@code 2 hours of working
 *     time}; empty for offers made before it was stored
 * @param ownership why the rep was offered the lead first as the owner of its company; empty for an
 *     offer by the routing rules, which took a round-robin turn
 */
public record Offer(
    String leadId,
    String offerId,
    int attempt,
    String teamId,
    String repId,
    String repName,
    String repEmail,
    String tokenHash,
    String taskToken,
    Instant offeredAt,
    Instant deadline,
    OfferStatus status,
    Optional<Instant> answeredAt,
    Optional<String> declineReason,
    Optional<ZoneId> repTimeZone,
    Optional<String> answerWindow,
    Optional<String> ownership) {

  public Offer {
    // Items stored before these fields existed read back without them.
    repTimeZone = repTimeZone == null ? Optional.empty() : repTimeZone;
    answerWindow = answerWindow == null ? Optional.empty() : answerWindow;
    ownership = ownership == null ? Optional.empty() : ownership;
  }

  /** An offer by the routing rules. */
  public Offer(
      String leadId,
      String offerId,
      int attempt,
      String teamId,
      String repId,
      String repName,
      String repEmail,
      String tokenHash,
      String taskToken,
      Instant offeredAt,
      Instant deadline,
      OfferStatus status,
      Optional<Instant> answeredAt,
      Optional<String> declineReason,
      Optional<ZoneId> repTimeZone,
      Optional<String> answerWindow) {
    this(
        leadId,
        offerId,
        attempt,
        teamId,
        repId,
        repName,
        repEmail,
        tokenHash,
        taskToken,
        offeredAt,
        deadline,
        status,
        answeredAt,
        declineReason,
        repTimeZone,
        answerWindow,
        Optional.empty());
  }

  /** An offer without a zone or window of its own: times read in UTC, the window as a span. */
  public Offer(
      String leadId,
      String offerId,
      int attempt,
      String teamId,
      String repId,
      String repName,
      String repEmail,
      String tokenHash,
      String taskToken,
      Instant offeredAt,
      Instant deadline,
      OfferStatus status,
      Optional<Instant> answeredAt,
      Optional<String> declineReason) {
    this(
        leadId,
        offerId,
        attempt,
        teamId,
        repId,
        repName,
        repEmail,
        tokenHash,
        taskToken,
        offeredAt,
        deadline,
        status,
        answeredAt,
        declineReason,
        Optional.empty(),
        Optional.empty());
  }
}
