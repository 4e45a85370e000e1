package com.leadhandoff.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code Route Lead} returns at {@code $.route}: the rep to offer the lead to next and the
 * offer's deadline, or why there is nobody. When {@code found} is false only {@code reason} is set;
 * the other fields are left out of the JSON, which the state machine reads as absent.
 *
 * @param offerId the offer's id within the lead, the attempt zero-padded ({@code 001})
 * @param attempt 1 for the first rep offered the lead, 2 for the next…
 * @param deadline when the offer expires unanswered
 * @param timeoutSeconds whole seconds from now to the deadline (at least 1), for the wait's {@code
 *     TimeoutSecondsPath}
 * @param repTimeZone the zone the rep reads the deadline in: their own, else their team's
 *     calendar's
 * @param answerWindow the response-time SLA as the rep reads it, e.g. {@code 2 hours of working
 *     time}
 * @param reason why this rep (turn and team), or why nobody
 * @param waitSeconds how long "Offer To Rep" waits for an answer before the first reminder is due,
 *     or {@code timeoutSeconds} when the offer has no reminders
 * @param next the first reminder, or a link that is not due when there are none
 * @param ownership why the rep was offered the lead first as the owner of its company, e.g. {@code
 *     owner of account Acme (acme.com)}; absent for an offer by the rules
 * @param offersMade offers made for the lead before this route, so the state machine can tell a
 *     lead nobody was ever offered (the fallback queue's) from an ended ladder. Always set: a
 *     Choice rule whose Variable path is missing fails the execution with States.Runtime rather
 *     than not matching (the ASL's IsPresent test exists for that), see the Choice state in the
 *     Step Functions developer guide.
 * @param reminder the reminder the next wait of the offer sends, 1 for the first; absent for the
 *     offer itself. Set by {@link #remindNext()}, which {@code Move Offer On} calls when a wait
 *     ends and a reminder is due.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(
    boolean found,
    String offerId,
    Integer attempt,
    String teamId,
    String repId,
    String repName,
    String repEmail,
    Instant deadline,
    Integer timeoutSeconds,
    ZoneId repTimeZone,
    String answerWindow,
    String reason,
    Integer waitSeconds,
    Reminder next,
    String ownership,
    int offersMade,
    Integer reminder) {

  /** An offer to {@code rep} by the routing rules. */
  public static Route to(
      Rep rep,
      int attempt,
      Instant deadline,
      int timeoutSeconds,
      ZoneId repTimeZone,
      String answerWindow,
      String reason,
      Reminder.Schedule reminders) {
    return to(
        rep, attempt, deadline, timeoutSeconds, repTimeZone, answerWindow, reason, reminders, null);
  }

  /**
   * An offer to {@code rep}.
   *
   * @param ownership why the rep owns the lead's company; null for an offer by the rules
   */
  public static Route to(
      Rep rep,
      int attempt,
      Instant deadline,
      int timeoutSeconds,
      ZoneId repTimeZone,
      String answerWindow,
      String reason,
      Reminder.Schedule reminders,
      String ownership) {
    return new Route(
        true,
        String.format("%03d", attempt),
        attempt,
        rep.teamId(),
        rep.repId(),
        rep.name(),
        rep.email(),
        deadline,
        timeoutSeconds,
        repTimeZone,
        answerWindow,
        reason,
        reminders.firstWaitSeconds(),
        reminders.chain(),
        ownership,
        attempt - 1,
        null);
  }

  /**
   * The same offer, moved on to its next reminder ({@link #next()}, which must be due): the next
   * wait sends that reminder and lasts its {@code waitSeconds}, and the chain moves one link on.
   */
  public Route remindNext() {
    if (next == null || !next.due()) {
      throw new IllegalStateException("Offer " + offerId + " has no reminder due");
    }
    return new Route(
        found,
        offerId,
        attempt,
        teamId,
        repId,
        repName,
        repEmail,
        deadline,
        timeoutSeconds,
        repTimeZone,
        answerWindow,
        reason,
        next.waitSeconds(),
        next.next() == null ? Reminder.none() : next.next(),
        ownership,
        offersMade,
        next.number());
  }

  /**
   * Nobody to offer the lead to.
   *
   * @param offersMade offers the lead had before; 0 means no rep was ever eligible
   */
  public static Route none(String reason, int offersMade) {
    return new Route(
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        reason,
        null,
        null,
        null,
        offersMade,
        null);
  }
}
