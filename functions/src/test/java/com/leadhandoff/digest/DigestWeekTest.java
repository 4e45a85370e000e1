package com.leadhandoff.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which teams are due when: Monday 08:00 in each team's own zone, daylight saving included. */
class DigestWeekTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DigestTeam INBOUND = team("inbound-sales", BERLIN);
  private static final DigestTeam ENTERPRISE = team("enterprise", NEW_YORK);
  private static final List<DigestTeam> TEAMS = List.of(INBOUND, ENTERPRISE);

  @Test
  void mondayEightInBerlin_isDueForBerlinOnly_andNewYorkFollowsFiveHoursLater() {
    // GIVEN Monday 30 Nov 2026 (winter time: Berlin UTC+1, New York UTC-5)
    Instant berlinEight = Instant.parse("2026-11-30T07:00:00Z");

    // WHEN the hourly runs at 06:00Z, 07:00Z and 13:00Z ask which teams are due
    // THEN nobody is due before Berlin's 08:00, Berlin at it, and both by New York's 08:00
    assertEquals(List.of(), teamIds(DueDigests.at(berlinEight.minusSeconds(1), TEAMS)));
    assertEquals(List.of("inbound-sales"), teamIds(DueDigests.at(berlinEight, TEAMS)));
    assertEquals(
        List.of("inbound-sales", "enterprise"),
        teamIds(DueDigests.at(Instant.parse("2026-11-30T13:00:00Z"), TEAMS)));
  }

  @Test
  void dueDigest_reportsThePreviousMondayToSunday_inTheTeamsZone() {
    DigestWeek week = DigestWeek.dueAt(Instant.parse("2026-11-30T07:30:00Z"), BERLIN).orElseThrow();

    assertEquals(LocalDate.parse("2026-11-23"), week.monday());
    assertEquals(Instant.parse("2026-11-22T23:00:00Z"), week.from());
    assertEquals(Instant.parse("2026-11-29T23:00:00Z"), week.to());
    assertEquals(Instant.parse("2026-11-30T07:00:00Z"), week.sendAt());
  }

  @Test
  void afterTheDaylightSavingChange_berlinIsDueAnHourLaterInUtc_andItsWeekHas169Hours() {
    // GIVEN clocks went back in Berlin on Sunday 25 Oct 2026 (UTC+2 → UTC+1), while New York
    // still keeps summer time until 1 Nov
    Instant mondayBefore = Instant.parse("2026-10-19T06:00:00Z");
    Instant mondayAfter = Instant.parse("2026-10-26T07:00:00Z");

    // THEN Berlin's 08:00 is 06:00Z the Monday before and 07:00Z the Monday after
    assertEquals(List.of("inbound-sales"), teamIds(DueDigests.at(mondayBefore, TEAMS)));
    assertEquals(List.of(), teamIds(DueDigests.at(Instant.parse("2026-10-26T06:30:00Z"), TEAMS)));
    assertEquals(List.of("inbound-sales"), teamIds(DueDigests.at(mondayAfter, TEAMS)));
    // AND New York, still on summer time (UTC-4), is due at 12:00Z, not 13:00Z
    assertEquals(
        List.of("inbound-sales", "enterprise"),
        teamIds(DueDigests.at(Instant.parse("2026-10-26T12:00:00Z"), TEAMS)));
    // AND the week reported over the change lasted 169 hours
    DigestWeek week = DigestWeek.dueAt(mondayAfter, BERLIN).orElseThrow();
    assertEquals(Duration.ofHours(169), Duration.between(week.from(), week.to()));
  }

  @Test
  void aRunLaterOnMonday_stillFindsTheDigestDue_butNotOnTuesday() {
    // GIVEN the 08:00 run failed; later runs that Monday make it good
    assertEquals(
        Optional.of(LocalDate.parse("2026-11-23")),
        DigestWeek.dueAt(Instant.parse("2026-11-30T22:59:00Z"), BERLIN).map(DigestWeek::monday));
    // THEN from Tuesday 00:00 local it is no longer due
    assertEquals(Optional.empty(), DigestWeek.dueAt(Instant.parse("2026-11-30T23:00:00Z"), BERLIN));
    assertEquals(Optional.empty(), DigestWeek.dueAt(Instant.parse("2026-12-02T08:00:00Z"), BERLIN));
  }

  @Test
  void lastWeeks_areTheWeeksEndingWithThisOne_oldestFirst() {
    DigestWeek week = DigestWeek.starting(LocalDate.parse("2026-11-23"), BERLIN);

    List<LocalDate> mondays = week.lastWeeks(4, BERLIN).stream().map(DigestWeek::monday).toList();

    assertEquals(
        List.of(
            LocalDate.parse("2026-11-02"),
            LocalDate.parse("2026-11-09"),
            LocalDate.parse("2026-11-16"),
            LocalDate.parse("2026-11-23")),
        mondays);
  }

  @Test
  void aWeekStartingOnAnotherDay_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DigestWeek.starting(LocalDate.parse("2026-11-24"), BERLIN));
  }

  static DigestTeam team(String id, ZoneId zone) {
    return new DigestTeam(id, id, "Manager of " + id, id + "-manager@example.com", zone);
  }

  private static List<String> teamIds(List<DueDigests.Due> due) {
    return due.stream().map(d -> d.team().teamId()).toList();
  }
}
