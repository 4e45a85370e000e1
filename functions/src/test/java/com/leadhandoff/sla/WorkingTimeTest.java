package com.leadhandoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Working time between two instants, the measure of time to accept. Times carry the offset in force
 * at that instant, as the office clock would show it.
 */
class WorkingTimeTest {
  /** Berlin: Monday to Friday 08:00-12:00 and 13:00-18:00; closed on Christmas Eve and Day. */
  private static final BusinessCalendar BERLIN =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"),
          weekdays(List.of(interval("08:00", "12:00"), interval("13:00", "18:00"))),
          Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

  /** A night shift working 00:00-06:00 every day, so the DST hour itself is working time. */
  private static final BusinessCalendar NIGHT_SHIFT =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"), everyDay(interval("00:00", "06:00")), Set.of());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          within one morning                  | 2026-11-23T10:00+01:00 | 2026-11-23T10:15+01:00 | PT15M
          over the lunch break                | 2026-11-23T11:50+01:00 | 2026-11-23T13:10+01:00 | PT20M
          received at night, accepted at 8:15 | 2026-11-24T22:30+01:00 | 2026-11-25T08:15+01:00 | PT15M
          Friday evening to Monday morning    | 2026-11-27T17:30+01:00 | 2026-11-30T09:30+01:00 | PT2H
          received Saturday, accepted Monday  | 2026-11-28T11:00+01:00 | 2026-11-30T08:15+01:00 | PT15M
          a whole week Monday to Monday       | 2026-11-23T08:00+01:00 | 2026-11-30T08:00+01:00 | PT45H
          over two holidays and a weekend     | 2026-12-23T17:00+01:00 | 2026-12-28T09:00+01:00 | PT2H
          weekend with spring forward         | 2026-03-27T17:00+01:00 | 2026-03-30T09:00+02:00 | PT2H
          weekend with fall back              | 2026-10-23T17:00+02:00 | 2026-10-26T09:00+01:00 | PT2H
          end before start counts nothing     | 2026-11-23T10:15+01:00 | 2026-11-23T10:00+01:00 | PT0S
          """)
  void workingTime_countsOnlyOfficeHours(String why, String from, String to, String expected) {
    // GIVEN the Berlin calendar
    // WHEN the working time between the two instants is measured
    Duration worked = BERLIN.workingTime(at(from), at(to));

    // THEN only working minutes count, whatever the weekend, holidays or clock change in between
    assertEquals(Duration.parse(expected), worked, why);
  }

  @Test
  void workingTime_countsTheRealLengthOfANight_whenTheClocksSpringForward() {
    // GIVEN a night shift 00:00-06:00 and the night of 29 March 2026, when 02:00 becomes 03:00
    Instant start = at("2026-03-29T00:00+01:00");
    Instant end = at("2026-03-29T06:00+02:00");

    // WHEN the whole shift is measured
    Duration worked = NIGHT_SHIFT.workingTime(start, end);

    // THEN it lasted five real hours, not the six the wall clock suggests
    assertEquals(Duration.ofHours(5), worked);
  }

  @Test
  void workingTime_countsTheRealLengthOfANight_whenTheClocksFallBack() {
    // GIVEN the night of 25 October 2026, when 03:00 goes back to 02:00
    Instant start = at("2026-10-25T00:00+02:00");
    Instant end = at("2026-10-25T06:00+01:00");

    // WHEN the whole shift is measured
    Duration worked = NIGHT_SHIFT.workingTime(start, end);

    // THEN it lasted seven real hours
    assertEquals(Duration.ofHours(7), worked);
  }

  @ParameterizedTest(name = "from {0} for {1}")
  @CsvSource({
    "2026-11-27T17:30+01:00, PT2H",
    "2026-03-27T16:00+01:00, PT5H",
    "2026-10-23T16:30+02:00, PT3H15M",
    "2026-12-23T11:00+01:00, PT12H",
    "2026-03-29T01:30+01:00, PT3H"
  })
  void workingTime_undoesDeadline(String from, String businessTime) {
    // GIVEN a deadline worked out by each calendar, across weekends, holidays and clock changes
    Duration span = Duration.parse(businessTime);
    for (BusinessCalendar calendar : List.of(BERLIN, NIGHT_SHIFT)) {
      Instant deadline = calendar.deadline(at(from), span);

      // WHEN the working time up to that deadline is measured
      Duration worked = calendar.workingTime(at(from), deadline);

      // THEN it is the business time the deadline allowed
      assertEquals(span, worked, calendar.zone() + " " + calendar.week());
    }
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static WorkingInterval interval(String start, String end) {
    return new WorkingInterval(minute(start), minute(end));
  }

  private static int minute(String clock) {
    return clock.equals("24:00") ? 24 * 60 : LocalTime.parse(clock).toSecondOfDay() / 60;
  }

  private static Map<DayOfWeek, List<WorkingInterval>> weekdays(List<WorkingInterval> day) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
        week.put(d, day);
      }
    }
    return week;
  }

  private static Map<DayOfWeek, List<WorkingInterval>> everyDay(WorkingInterval interval) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      week.put(d, List.of(interval));
    }
    return week;
  }
}
