package com.leadhandoff.offer;

import java.time.Instant;
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
    Optional<String> declineReason) {}
