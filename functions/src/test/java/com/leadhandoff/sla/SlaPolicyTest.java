package com.leadhandoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.Score;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaPolicyTest {
  private static final Set<String> TEAMS = Set.of("inbound-sales", "enterprise");

  private static final String VALID =
      """
      responseTimes:
        hot: 15 minutes
        warm: 2 hours
        cold: 1 business day
      calendars:
        inbound-sales:
          timeZone: Europe/Berlin
          hours:
            monday: ["08:00-12:00", "13:00-18:00"]
            friday: [08:00-12:00]
          holidays: [2026-12-24]
        enterprise:
          timeZone: America/New_York
          hours:
            monday: ["09:00-17:00"]
      """;

  @Test
  void bundledPolicy_loadsAgainstTheBundledDirectory_withACalendarForEveryTeam() {
    Set<String> teams =
        DirectoryConfig.bundled().teams().stream().map(Team::teamId).collect(Collectors.toSet());

    SlaPolicy policy = SlaPolicies.bundled(teams).orElseThrow();

    assertEquals(teams, policy.calendars().keySet());
    assertEquals(Duration.ofMinutes(15), policy.responseTimes().get(Score.Tier.HOT).time());
  }

  @Test
  void validFile_readsTiersCalendarsAndHolidays() {
    SlaPolicy policy = SlaPolicies.parse("sla.yaml", VALID, TEAMS);

    ResponseTime cold = policy.responseTimes().get(Score.Tier.COLD);
    assertEquals(1, cold.businessDays());
    assertEquals("1 business day", cold.written());
    BusinessCalendar berlin = policy.calendars().get("inbound-sales");
    assertEquals(ZoneId.of("Europe/Berlin"), berlin.zone());
    assertEquals(2, berlin.week().get(DayOfWeek.MONDAY).size());
    // (9 h + 4 h) over two working days
    assertEquals(Duration.ofMinutes(390), berlin.businessDay());
    assertTrue(berlin.holidays().contains(LocalDate.parse("2026-12-24")));
  }

  @Test
  void coldLead_getsOneBusinessDay_asTheCalendarsAverageWorkingDay() {
    SlaPolicy policy = SlaPolicies.parse("sla.yaml", VALID, TEAMS);
    // 6 h 30 min: 2 h on Monday from 16:00, Friday's 4 h, the last 30 minutes next Monday.
    Deadline deadline =
        policy.deadline(
            Optional.of(Score.Tier.COLD),
            "inbound-sales",
            OffsetDateTime.parse("2026-11-23T16:00+01:00").toInstant());

    assertEquals(OffsetDateTime.parse("2026-11-30T08:30+01:00").toInstant(), deadline.at());
    assertEquals("1 business day", deadline.window());
    assertEquals(
        "cold lead: 1 business day of inbound-sales working time (Europe/Berlin)",
        deadline.basis());
  }

  @Test
  void leadWithoutScore_isTimedAsHot() {
    SlaPolicy policy = SlaPolicies.parse("sla.yaml", VALID, TEAMS);
    Instant monday = OffsetDateTime.parse("2026-11-23T10:00+01:00").toInstant();

    Deadline deadline = policy.deadline(Optional.empty(), "inbound-sales", monday);

    assertEquals(monday.plus(Duration.ofMinutes(15)), deadline.at());
    assertTrue(deadline.basis().startsWith("lead without a score, timed as hot"), deadline.basis());
  }

  @Test
  void teamWithoutCalendar_countsAroundTheClock_andSaysSo() {
    SlaPolicy policy = SlaPolicies.parse("sla.yaml", VALID, TEAMS);
    Instant saturday = Instant.parse("2026-11-28T10:00:00Z");

    Deadline deadline = policy.deadline(Optional.of(Score.Tier.WARM), "new-team", saturday);

    assertEquals(saturday.plus(Duration.ofHours(2)), deadline.at());
    assertTrue(deadline.basis().contains("team new-team has no calendar"), deadline.basis());
  }

  @Test
  void reminders_fallAtFractionsOfWorkingTime_soALunchBreakDoesNotCount() {
    SlaPolicy policy = SlaPolicies.parse("sla.yaml", VALID + "reminders: [0.5, 0.8]\n", TEAMS);
    // 15 working minutes from 11:50 on Monday: 10 before the 12:00 break, 5 after 13:00.
    Instant offered = OffsetDateTime.parse("2026-11-23T11:50+01:00").toInstant();

    Deadline deadline = policy.deadline(Optional.of(Score.Tier.HOT), "inbound-sales", offered);

    assertEquals(OffsetDateTime.parse("2026-11-23T13:05+01:00").toInstant(), deadline.at());
    assertEquals(
        List.of(
            OffsetDateTime.parse("2026-11-23T11:57:30+01:00").toInstant(),
            OffsetDateTime.parse("2026-11-23T13:02+01:00").toInstant()),
        deadline.reminders());
  }

  @Test
  void noRemindersField_meansNoReminders() {
    SlaPolicy policy = SlaPolicies.parse("sla.yaml", VALID, TEAMS);

    Deadline deadline =
        policy.deadline(
            Optional.of(Score.Tier.HOT), "inbound-sales", Instant.parse("2026-11-23T09:00:00Z"));

    assertTrue(deadline.reminders().isEmpty());
  }

  @Test
  void bundledPolicy_remindsHalfWayAndAtFourFifths() {
    Set<String> teams =
        DirectoryConfig.bundled().teams().stream().map(Team::teamId).collect(Collectors.toSet());

    assertEquals(List.of(0.5, 0.8), SlaPolicies.bundled(teams).orElseThrow().reminders());
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of(
            VALID + "reminders: [0.8, 0.5]\n",
            "sla.yaml line 16, reminder 2: 0.5 does not come after 0.8; list fractions of the"
                + " response time between 0 and 1 in ascending order"),
        Arguments.of(
            VALID + "reminders: [0.5, 1]\n",
            "sla.yaml line 16, reminder 2: 1.0 is not between 0 and 1"),
        Arguments.of(
            VALID + "reminders: [half]\n", "sla.yaml line 16, reminder 1: 'half' is not a number"),
        Arguments.of(VALID + "reminders: 0.5\n", "sla.yaml line 16: 'reminders' must be a list"),
        Arguments.of(
            VALID.replace("warm: 2 hours", "warm: 2 days"),
            "sla.yaml line 3, tier 'warm': '2 days' is ambiguous; write '2 business days' to"
                + " count the team's working days, or '48 hours' to count that much working time"),
        Arguments.of(
            VALID.replace("warm: 2 hours", "warm: soon"),
            "sla.yaml line 3, tier 'warm': 'soon' is not a response time; write a whole number"
                + " and a unit"),
        Arguments.of(
            VALID.replace("warm: 2 hours", "warm: 2 fortnights"),
            "sla.yaml line 3, tier 'warm': unknown unit 'fortnights' in '2 fortnights'"),
        Arguments.of(
            VALID.replace("hot: 15 minutes", "hot: 0 minutes"),
            "sla.yaml line 2, tier 'hot': a response time of zero gives reps no time to answer"),
        Arguments.of(
            VALID.replace("  cold: 1 business day\n", "  lukewarm: 4 hours\n"),
            "sla.yaml line 4: unknown field 'lukewarm' in 'responseTimes'"),
        Arguments.of(
            VALID.replace("  cold: 1 business day\n", ""),
            "sla.yaml line 1, tier 'cold': missing; give every tier a response time"),
        Arguments.of(
            VALID.replace("Europe/Berlin", "Europe/Berln"),
            "sla.yaml line 7, calendar 'inbound-sales': unknown time zone 'Europe/Berln'; use an"
                + " IANA zone name such as Europe/Berlin"),
        Arguments.of(
            VALID.replace("Europe/Berlin", "+01:00"),
            "sla.yaml line 7, calendar 'inbound-sales': '+01:00' is not a region"),
        Arguments.of(
            VALID.replace("\"13:00-18:00\"", "\"11:30-18:00\""),
            "sla.yaml line 9, calendar 'inbound-sales': monday: 08:00-12:00 and 11:30-18:00"
                + " overlap; end one before the other starts, or merge them"),
        Arguments.of(
            VALID.replace("[08:00-12:00]", "[\"18:00-08:00\"]"),
            "sla.yaml line 10, calendar 'inbound-sales': friday: '18:00-08:00' ends before it"
                + " starts"),
        Arguments.of(
            VALID.replace("[08:00-12:00]", "[\"8am-noon\"]"),
            "sla.yaml line 10, calendar 'inbound-sales': friday: '8am-noon' is not an interval"),
        Arguments.of(
            VALID.replace("[08:00-12:00]", "[\"08:00-25:00\"]"),
            "sla.yaml line 10, calendar 'inbound-sales': friday: '08:00-25:00' has a time that"
                + " does not exist"),
        Arguments.of(
            VALID.replace("friday:", "fri:"),
            "sla.yaml line 10, calendar 'inbound-sales': unknown field 'fri' in 'hours'; use"
                + " monday, tuesday"),
        Arguments.of(
            VALID.replace("[2026-12-24]", "[2026-12-32]"),
            "sla.yaml line 11, calendar 'inbound-sales': holiday '2026-12-32' is not a date"),
        Arguments.of(
            VALID.replace("enterprise:", "enterprize:"),
            "sla.yaml line 12, calendar 'enterprize': no team 'enterprize' in"
                + " config/directory.yaml; name the calendar after a team id: enterprise,"
                + " inbound-sales"),
        Arguments.of(
            VALID.replace("enterprise:", "enterprize:"),
            "sla.yaml line 5, team 'enterprise': has no calendar; add 'enterprise:' under"
                + " 'calendars'"),
        Arguments.of(
            VALID.replace("      monday: [\"09:00-17:00\"]\n", "      sunday: []\n"),
            "sla.yaml line 14, calendar 'enterprise': no working time in the week"),
        Arguments.of(
            VALID.replace("responseTimes:", "responseTime:"),
            "sla.yaml line 1: unknown field 'responseTime' at the top level; use responseTimes,"
                + " calendars"),
        Arguments.of("calendars: [", "sla.yaml line 1: not valid YAML"));
  }

  @ParameterizedTest
  @MethodSource("brokenFiles")
  void brokenFile_failsNamingFileLineEntryAndFix(String yaml, String expected) {
    InvalidSlaPolicyException e =
        assertThrows(
            InvalidSlaPolicyException.class, () -> SlaPolicies.parse("sla.yaml", yaml, TEAMS));

    assertTrue(
        e.problems().stream().anyMatch(p -> p.toString().startsWith(expected)), e.getMessage());
  }

  @Test
  void everyProblem_isReportedInOneRun() {
    String yaml =
        VALID.replace("warm: 2 hours", "warm: 2 days").replace("Europe/Berlin", "Mars/Olympus");

    InvalidSlaPolicyException e =
        assertThrows(
            InvalidSlaPolicyException.class, () -> SlaPolicies.parse("sla.yaml", yaml, TEAMS));

    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("SLA policy sla.yaml is invalid (2 problems):"));
  }
}
