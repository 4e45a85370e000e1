package com.leadhandoff.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a team works: weekly hours in the team's time zone, minus holidays. Business time is real
 * elapsed time inside working intervals, so a deadline is exact across daylight-saving changes.
 *
 * @param zone the zone the weekly hours and holidays are written in
 * @param week working intervals per weekday, in order and not overlapping; a day left out is off
 * @param holidays dates (in {@code zone}) with no working time at all
 */
public record BusinessCalendar(
    ZoneId zone, Map<DayOfWeek, List<WorkingInterval>> week, Set<LocalDate> holidays) {
  // Holidays are a finite list and every week has working time, so this bound is only reached by
  // a calendar built around the checks below; it turns an endless loop into a clear failure.
  private static final int MAX_DAYS_SEARCHED = 366 * 20;

  public BusinessCalendar {
    Map<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach(
        (day, intervals) -> {
          List<WorkingInterval> sorted = new ArrayList<>(intervals);
          sorted.sort(Comparator.comparingInt(WorkingInterval::startMinute));
          for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
              throw new IllegalArgumentException(
                  day + ": " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
          }
          if (!sorted.isEmpty()) {
            copy.put(day, List.copyOf(sorted));
          }
        });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("A calendar needs working time on at least one weekday");
    }
    week = Map.copyOf(copy);
    holidays = Set.copyOf(holidays);
  }

  /**
   * The length of one business day: the working time of a regular week divided by the number of
   * weekdays that have any, e.g. 10 hours for Monday to Friday 08:00-18:00. Holidays and clock
   * changes do not shorten it; it converts a response time written in days into business time.
   */
  public Duration businessDay() {
    int minutes =
        week.values().stream().flatMap(List::stream).mapToInt(WorkingInterval::minutes).sum();
    return Duration.ofMinutes(minutes).dividedBy(week.size());
  }

  /**
   * The instant by which {@code businessTime} of working time has passed since {@code start}. Time
   * before the next opening does not count, so a lead arriving at night starts its clock in the
   * morning; a deadline that falls exactly on a closing time stays there rather than moving to the
   * next opening.
   *
   * @param start when the clock starts, e.g. when the offer is made
   * @param businessTime working time to allow; zero means the first working instant from start on
   */
  public Instant deadline(Instant start, Duration businessTime) {
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("Business time cannot be negative, was " + businessTime);
    }
    Duration left = businessTime;
    // Intervals end by 24:00, so none from an earlier day reaches into the start's local date.
    LocalDate date = start.atZone(zone).toLocalDate();
    for (int day = 0; day < MAX_DAYS_SEARCHED; day++, date = date.plusDays(1)) {
      if (holidays.contains(date)) {
        continue;
      }
      for (WorkingInterval interval : week.getOrDefault(date.getDayOfWeek(), List.of())) {
        Instant end = interval.end(date, zone);
        Instant from = later(interval.start(date, zone), start);
        if (!end.isAfter(from)) {
          continue;
        }
        Duration open = Duration.between(from, end);
        if (open.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(open);
      }
    }
    throw new IllegalStateException(
        "No working time within " + MAX_DAYS_SEARCHED + " days of " + start + " in " + zone);
  }

  /**
   * The working time between two instants: the real elapsed time inside working intervals, so an
   * hour lost or repeated by a daylight-saving change is counted as the office clock measured it.
   * The inverse of {@link #deadline}: {@code workingTime(s, deadline(s, d))} is {@code d}.
   *
   * @param from when the clock started, e.g. when the lead was received
   * @param to when it stopped, e.g. when a rep accepted; before {@code from} counts as zero
   */
  public Duration workingTime(Instant from, Instant to) {
    Duration worked = Duration.ZERO;
    LocalDate date = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !date.isAfter(last); date = date.plusDays(1)) {
      if (holidays.contains(date)) {
        continue;
      }
      for (WorkingInterval interval : week.getOrDefault(date.getDayOfWeek(), List.of())) {
        Instant start = later(interval.start(date, zone), from);
        Instant end = earlier(interval.end(date, zone), to);
        if (end.isAfter(start)) {
          worked = worked.plus(Duration.between(start, end));
        }
      }
    }
    return worked;
  }

  /**
   * Whether {@code instant} falls inside working time: in one of its weekday's intervals, on a day
   * that is not a holiday. Routing uses it to pass over reps who are off shift.
   */
  public boolean isWorking(Instant instant) {
    LocalDate date = instant.atZone(zone).toLocalDate();
    if (holidays.contains(date)) {
      return false;
    }
    for (WorkingInterval interval : week.getOrDefault(date.getDayOfWeek(), List.of())) {
      if (!instant.isBefore(interval.start(date, zone))
          && instant.isBefore(interval.end(date, zone))) {
        return true;
      }
    }
    return false;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
