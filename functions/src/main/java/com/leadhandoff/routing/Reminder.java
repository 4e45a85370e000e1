package com.leadhandoff.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminders of one offer as the workflow walks them, at {@code $.route.next}: a chain in which
 * each reminder holds the one after it, ending in a link that is not {@code due}. "Move Offer On"
 * steps along it with {@link Route#remindNext()}, so the route in the execution's state always
 * holds the wait ahead and the reminders after it. The waits are worked out here, with the
 * deadline, and not by the reminder step: a task's {@code TimeoutSecondsPath} is read before its
 * function runs, so each wait must already be in the input.
 *
 * @param due whether a reminder is due at this link; false marks the end of the chain
 * @param number 1 for the first reminder of the offer
 * @param at when it goes out, computed with the deadline
 * @param waitSeconds how long the workflow then waits for an answer: whole seconds to the next
 *     reminder, or to the deadline after the last one
 * @param next the link after this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reminder(
    boolean due, Integer number, Instant at, Integer waitSeconds, Reminder next) {

  /** The end of the chain: no reminder is due. */
  public static Reminder none() {
    return new Reminder(false, null, null, null, null);
  }

  /**
   * How the offer's wait splits around its reminders.
   *
   * @param firstWaitSeconds what "Offer To Rep" waits before the first reminder, or before the
   *     deadline when there is none
   * @param chain the reminders, starting with the first
   */
  public record Schedule(int firstWaitSeconds, Reminder chain) {}

  /**
   * Splits the wait from {@code now} to {@code deadline} at {@code reminders}. Every instant is
   * rounded up to a whole second after {@code now} and each wait is the difference of two such
   * instants, so the waits add up exactly to the rounded deadline: however late each timer fires,
   * the last wait never ends before the deadline the rep was promised. Reminders that would fall in
   * the same second as the one before, or not before the deadline, are left out.
   */
  public static Schedule split(Instant now, Instant deadline, List<Instant> reminders) {
    int end = ceilSeconds(now, deadline);
    List<Instant> kept = new ArrayList<>();
    List<Integer> marks = new ArrayList<>();
    for (Instant reminder : reminders) {
      int mark = ceilSeconds(now, reminder);
      if (mark < end && (marks.isEmpty() || mark > marks.get(marks.size() - 1))) {
        kept.add(reminder);
        marks.add(mark);
      }
    }
    Reminder chain = none();
    for (int i = marks.size() - 1; i >= 0; i--) {
      int following = i + 1 < marks.size() ? marks.get(i + 1) : end;
      chain = new Reminder(true, i + 1, kept.get(i), following - marks.get(i), chain);
    }
    return new Schedule(marks.isEmpty() ? end : marks.get(0), chain);
  }

  /** Whole seconds from {@code now} to {@code at}, rounded up, at least 1. */
  static int ceilSeconds(Instant now, Instant at) {
    Duration left = Duration.between(now, at);
    return (int) Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
  }
}
