package com.leadhandoff.offer;

import java.time.Instant;

/**
 * The rep the routing step chose, as it lands at {@code $.route}.
 *
 * @param found false when no rep is left; the workflow escalates instead of offering then
 * @param offerId the id the offer is stored under, e.g. {@code 001}
 * @param attempt 1 for the first rep offered this lead
 * @param deadline when the offer expires unanswered
 * @param timeoutSeconds the same deadline as the workflow's wait timeout
 */
public record OfferRoute(
    boolean found,
    String offerId,
    int attempt,
    String teamId,
    String repId,
    String repName,
    String repEmail,
    Instant deadline,
    long timeoutSeconds) {}
