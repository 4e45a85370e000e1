package com.leadhandoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Deadlines in business time. Times are written with the offset in force at that instant, so each
 * row reads as the office clock would show it; the assertions compare exact instants.
 */
class BusinessCalendarTest {
  private static final List<WorkingInterval> BERLIN_DAY =
      List.of(interval("08:00", "12:00"), interval("13:00", "18:00"));
  private static final List<WorkingInterval> NEW_YORK_DAY =
      List.of(interval("09:00", "12:30"), interval("13:30", "17:30"));

  /**
   * Berlin office: Monday to Friday 08:00-12:00 and 13:00-18:00, closed on Christmas Eve and Day.
   */
  private static final BusinessCalendar BERLIN =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"),
          weekdays(BERLIN_DAY),
          Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

  /** New York office: Monday to Friday 09:00-12:30 and 13:30-17:30, no holidays. */
  private static final BusinessCalendar NEW_YORK =
      new BusinessCalendar(ZoneId.of("America/New_York"), weekdays(NEW_YORK_DAY), Set.of());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          within hours                        | 2026-11-23T10:00+01:00 | PT15M | 2026-11-23T10:15+01:00
          spanning the lunch break            | 2026-11-23T11:50+01:00 | PT20M | 2026-11-23T13:10+01:00
          arriving during lunch               | 2026-11-23T12:20+01:00 | PT15M | 2026-11-23T13:15+01:00
          ending exactly at closing time      | 2026-11-23T17:00+01:00 | PT1H  | 2026-11-23T18:00+01:00
          arriving at night                   | 2026-11-24T22:30+01:00 | PT15M | 2026-11-25T08:15+01:00
          arriving before opening             | 2026-11-25T06:00+01:00 | PT15M | 2026-11-25T08:15+01:00
          Friday evening to Monday            | 2026-11-27T17:30+01:00 | PT2H  | 2026-11-30T09:30+01:00
          arriving on Saturday                | 2026-11-28T11:00+01:00 | PT15M | 2026-11-30T08:15+01:00
          over two holidays and a weekend     | 2026-12-23T17:00+01:00 | PT2H  | 2026-12-28T09:00+01:00
          arriving on a holiday               | 2026-12-24T09:00+01:00 | PT15M | 2026-12-28T08:15+01:00
          one working day: same time next day | 2026-11-24T15:00+01:00 | PT9H  | 2026-11-25T15:00+01:00
          zero time after hours: next opening | 2026-11-24T19:00+01:00 | PT0S  | 2026-11-25T08:00+01:00
          spring forward over the weekend     | 2026-03-27T17:00+01:00 | PT2H  | 2026-03-30T09:00+02:00
          fall back over the weekend          | 2026-10-23T17:00+02:00 | PT2H  | 2026-10-26T09:00+01:00
          """)
  void berlin(String situation, OffsetDateTime start, Duration businessTime, OffsetDateTime due) {
    assertEquals(due.toInstant(), BERLIN.deadline(start.toInstant(), businessTime));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          spanning lunch                  | 2026-03-05T12:00-05:00 | PT1H   | 2026-03-05T14:00-05:00
          spring forward over the weekend | 2026-03-06T17:00-05:00 | PT2H   | 2026-03-09T10:30-04:00
          fall back over the weekend      | 2026-10-30T17:00-04:00 | PT2H   | 2026-11-02T10:30-05:00
          Friday night to Monday          | 2026-10-30T23:00-04:00 | PT7H30M | 2026-11-02T17:30-05:00
          """)
  void newYork(String situation, OffsetDateTime start, Duration businessTime, OffsetDateTime due) {
    assertEquals(due.toInstant(), NEW_YORK.deadline(start.toInstant(), businessTime));
  }

  /**
   * A team that works through the night of a clock change: business time is elapsed time, so the
   * short night gives one hour less and the long night one hour more than the wall clock suggests.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Europe/Berlin    | 2026-03-29T00:00+01:00 | PT3H | 2026-03-29T04:00+02:00
          Europe/Berlin    | 2026-10-25T00:00+02:00 | PT3H | 2026-10-25T02:00+01:00
          America/New_York | 2026-03-08T00:00-05:00 | PT3H | 2026-03-08T04:00-04:00
          America/New_York | 2026-11-01T00:00-04:00 | PT3H | 2026-11-01T02:00-05:00
          """)
  void aroundTheClock_countsRealHoursAcrossClockChanges(
      ZoneId zone, OffsetDateTime start, Duration businessTime, OffsetDateTime due) {
    BusinessCalendar always =
        new BusinessCalendar(zone, everyDay(interval("00:00", "24:00")), Set.of());

    assertEquals(due.toInstant(), always.deadline(start.toInstant(), businessTime));
  }

  @Test
  void nightShiftOnTheShortNight_lastsThreeRealHours_soTheRestSpillsToTheNextSunday() {
    // GIVEN a Sunday shift 01:00-05:00 in Berlin: on 2026-03-29 the clocks skip 02:00-03:00
    BusinessCalendar sundayNights =
        new BusinessCalendar(
            ZoneId.of("Europe/Berlin"),
            Map.of(DayOfWeek.SUNDAY, List.of(interval("01:00", "05:00"))),
            Set.of());

    // WHEN four hours of business time start at the shift's start
    Instant due = sundayNights.deadline(Instant.parse("2026-03-29T00:00:00Z"), Duration.ofHours(4));

    // THEN three are used that night and the fourth next Sunday, 01:00-02:00 CEST
    assertEquals(OffsetDateTime.parse("2026-04-05T02:00+02:00").toInstant(), due);
  }

  @Test
  void nightShiftOnTheLongNight_lastsFiveRealHours() {
    BusinessCalendar sundayNights =
        new BusinessCalendar(
            ZoneId.of("Europe/Berlin"),
            Map.of(DayOfWeek.SUNDAY, List.of(interval("01:00", "05:00"))),
            Set.of());

    Instant due =
        sundayNights.deadline(
            OffsetDateTime.parse("2026-10-25T01:00+02:00").toInstant(), Duration.ofMinutes(270));

    // 01:00 CEST to 03:00 CEST is two hours, then 02:00 CET to 04:30 CET two and a half more.
    assertEquals(OffsetDateTime.parse("2026-10-25T04:30+01:00").toInstant(), due);
  }

  @Test
  void businessDay_isTheWeeksWorkingTimeOverItsWorkingDays() {
    assertEquals(Duration.ofHours(9), BERLIN.businessDay());
    assertEquals(Duration.ofMinutes(450), NEW_YORK.businessDay());
    Map<DayOfWeek, List<WorkingInterval>> shortFriday = new EnumMap<>(weekdays(BERLIN_DAY));
    shortFriday.put(DayOfWeek.FRIDAY, List.of(interval("08:00", "12:00")));
    // (4 × 9 h + 4 h) / 5 days
    assertEquals(
        Duration.ofHours(8),
        new BusinessCalendar(ZoneId.of("Europe/Berlin"), shortFriday, Set.of()).businessDay());
  }

  @Test
  void overlappingIntervals_areRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BusinessCalendar(
                    ZoneId.of("UTC"),
                    Map.of(
                        DayOfWeek.MONDAY,
                        List.of(interval("13:00", "17:00"), interval("09:00", "13:30"))),
                    Set.of()));
    assertEquals("MONDAY: 09:00-13:30 and 13:00-17:00 overlap", e.getMessage());
  }

  @Test
  void aWeekWithoutWorkingTime_isRejected_soNoDeadlineCanLoopForever() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BusinessCalendar(ZoneId.of("UTC"), Map.of(DayOfWeek.MONDAY, List.of()), Set.of()));
  }

  @Test
  void negativeBusinessTime_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BERLIN.deadline(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofMinutes(-1)));
  }

  static WorkingInterval interval(String start, String end) {
    return new WorkingInterval(minute(start), minute(end));
  }

  private static int minute(String clock) {
    String[] parts = clock.split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }

  private static Map<DayOfWeek, List<WorkingInterval>> weekdays(List<WorkingInterval> day) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(d, day);
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
