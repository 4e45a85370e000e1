package com.leadhandoff.offer;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The rep the routing step chose, as it lands at {@code $.route}.
 *
 * @param found false when no rep is left; the workflow escalates instead of offering then
 * @param offerId the id the offer is stored under, e.g. {@code 001}
 * @param attempt 1 for the first rep offered this lead
 * @param deadline when the offer expires unanswered
 * @param timeoutSeconds the same deadline as the workflow's wait timeout
 * @param repTimeZone the zone the rep reads times in; absent (UTC) in routes made before reps had
 *     zones
 * @param answerWindow the response-time SLA as the rep reads it, e.g. {@code 2 hours of working
 *     time}; when absent, the time from offer to deadline is shown
 * @param ownership why the rep is offered the lead first as the owner of its company; absent for an
 *     offer by the routing rules
 * @param reminder the reminder this wait sends, 1 for the first; absent when the wait is the offer
 *     itself
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
    long timeoutSeconds,
    ZoneId repTimeZone,
    String answerWindow,
    String ownership,
    Integer reminder) {}
