package com.leadhandoff.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The calendar week a digest reports on, Monday to Sunday in the team's zone, and when it is due:
 * the Monday 08:00 after it, in that zone. Weeks are calendar weeks, so one with a daylight-saving
 * change lasts 167 or 169 hours.
 *
 * @param monday the first day of the week reported on
 * @param from the start of that Monday in the zone, included
 * @param to the start of the next Monday in the zone, excluded: the end of the week reported on
 * @param sendAt 08:00 on the next Monday in the zone
 */
public record DigestWeek(LocalDate monday, Instant from, Instant to, Instant sendAt) {
  /** Digests go out at this local time on Mondays. */
  public static final LocalTime SEND_TIME = LocalTime.of(8, 0);

  /** The week starting on {@code monday} (a Monday) in {@code zone}. */
  public static DigestWeek starting(LocalDate monday, ZoneId zone) {
    if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("A digest week starts on a Monday, not on " + monday);
    }
    LocalDate next = monday.plusWeeks(1);
    return new DigestWeek(
        monday,
        monday.atStartOfDay(zone).toInstant(),
        next.atStartOfDay(zone).toInstant(),
        // ZonedDateTime.of moves a local time in a daylight-saving gap forward by the gap.
        ZonedDateTime.of(next, SEND_TIME, zone).toInstant());
  }

  /**
   * The week whose digest is due at {@code now} in {@code zone}: from Monday 08:00 to the end of
   * that Monday, local time. Any schedule that fires at least hourly therefore sends each digest on
   * Monday morning, whatever minute it fires at and whatever the zone's offset; an invocation that
   * failed is made good by the next one that day. Empty at any other time.
   */
  public static Optional<DigestWeek> dueAt(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate today = local.toLocalDate();
    if (today.getDayOfWeek() != DayOfWeek.MONDAY) {
      return Optional.empty();
    }
    DigestWeek week = starting(today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)), zone);
    return now.isBefore(week.sendAt()) ? Optional.empty() : Optional.of(week);
  }

  /** The {@code count} weeks ending with this one, oldest first, in {@code zone}. */
  public java.util.List<DigestWeek> lastWeeks(int count, ZoneId zone) {
    java.util.List<DigestWeek> weeks = new java.util.ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      weeks.add(starting(monday.minusWeeks(i), zone));
    }
    return weeks;
  }
}
