package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.sla.WorkingInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weight, pause and availability fields of a rep in {@code config/directory.yaml}. */
class RepAvailabilityConfigTest {
  private static final String TEAMS =
      """
      teams:
        - id: inbound-sales
          name: Inbound Sales
          default: true
          manager: {name: Morgan Lee, email: morgan.lee@sales.example.com}
      reps:
        - id: ana
          name: Ana Ruiz
          email: ana@sales.example.com
          team: inbound-sales
      """;

  @TempDir Path dir;

  @Test
  void repWithoutTheNewFields_weighsOne_isNotPaused_hasNoCaps_andFollowsTheTeamCalendar()
      throws IOException {
    Rep ana = load(TEAMS).reps().get(0);

    assertEquals(1, ana.weight());
    assertEquals(false, ana.paused());
    assertEquals(Map.of(), ana.workingHours());
    assertEquals(List.of(), ana.outOfOffice());
    assertEquals(Optional.empty(), ana.maxOpenOffers());
    assertEquals(Optional.empty(), ana.maxLeadsPerDay());
  }

  @Test
  void everyNewField_isRead() throws IOException {
    Rep ana =
        load(TEAMS
                + """
                    weight: 3
                    paused: true
                    maxOpenOffers: 4
                    maxLeadsPerDay: 12
                    workingHours:
                      monday: ["09:00-12:30", "13:30-17:30"]
                      Friday: ["09:00-24:00"]
                    outOfOffice:
                      - {from: 2026-11-24, until: 2026-11-27}
                      - {from: 2026-12-31, until: 2026-12-31}
                """)
            .reps()
            .get(0);

    assertEquals(3, ana.weight());
    assertEquals(Optional.of(4), ana.maxOpenOffers());
    assertEquals(Optional.of(12), ana.maxLeadsPerDay());
    assertEquals(true, ana.paused());
    assertEquals(
        Map.of(
            DayOfWeek.MONDAY,
            List.of(new WorkingInterval(540, 750), new WorkingInterval(810, 1050)),
            DayOfWeek.FRIDAY,
            List.of(new WorkingInterval(540, 1440))),
        ana.workingHours());
    assertEquals(
        List.of(
            new OutOfOffice(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-27")),
            new OutOfOffice(LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-31"))),
        ana.outOfOffice());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "weight: 0 | line 7, rep 'ana': `weight: 0` must be a whole number from 1 to 100",
        "weight: 1.5 | line 7, rep 'ana': `weight: 1.5` must be a whole number from 1 to 100",
        "weight: two | line 7, rep 'ana': `weight: two` must be a whole number from 1 to 100",
        "weight: 500 | line 7, rep 'ana': `weight: 500` must be a whole number from 1 to 100",
        "maxOpenOffers: 0 | line 7, rep 'ana': `maxOpenOffers: 0` must be a whole number from 1 to"
            + " 1000 (the most offers waiting for the rep's answer at once); leave it out for no cap",
        "maxLeadsPerDay: lots | line 7, rep 'ana': `maxLeadsPerDay: lots` must be a whole number"
            + " from 1 to 1000 (the most offers the rep gets in one day, in their time zone)",
        "paused: maybe | line 7, rep 'ana': `paused: maybe` must be `true` or `false`",
        "workingHours: 9-5 | line 7, rep 'ana': `workingHours:` must map weekdays to intervals;",
        "workingHours: {} | line 7, rep 'ana': `workingHours:` has no working day;",
        "workingHours: {funday: [\"09:00-17:00\"]}"
            + " | line 7, rep 'ana': workingHours funday: not a weekday; use monday, tuesday",
        "workingHours: {monday: \"09:00-17:00\"}"
            + " | line 7, rep 'ana': workingHours monday: must be a list of intervals;",
        "workingHours: {monday: [\"9-5\"]}"
            + " | line 7, rep 'ana': workingHours monday: '9-5' is not an interval; write HH:MM-HH:MM",
        "workingHours: {monday: [\"17:00-09:00\"]}"
            + " | line 7, rep 'ana': workingHours monday: '17:00-09:00' is not a valid interval;",
        "workingHours: {monday: [\"09:00-24:30\"]}"
            + " | line 7, rep 'ana': workingHours monday: '09:00-24:30' is not a valid interval;",
        "workingHours: {monday: [\"09:00-13:00\", \"12:00-17:00\"]}"
            + " | line 7, rep 'ana': workingHours monday: 09:00-13:00 and 12:00-17:00 overlap;"
            + " merge them",
        "outOfOffice: 2026-11-24 | line 7, rep 'ana': `outOfOffice:` must be a list;",
        "outOfOffice: [{from: 2026-11-24}] | line 7, rep 'ana': outOfOffice #1: missing `until:`;",
        "outOfOffice: [{from: 2026-11-24, until: 2026-11-31}]"
            + " | line 7, rep 'ana': outOfOffice #1: `until: 2026-11-31` is not a date;"
            + " write year-month-day",
        "outOfOffice: [{from: 2026-11-27, until: 2026-11-24}]"
            + " | line 7, rep 'ana': outOfOffice #1: until 2026-11-24 is before from 2026-11-27;"
            + " swap them",
        "outOfOffice: [{from: 2026-11-24, until: 2026-11-27, why: Thanksgiving}]"
            + " | line 7, rep 'ana': outOfOffice #1: unknown field `why:`; the fields are from,"
            + " until",
      })
  void badField_namesTheFileTheRepAndTheFix(String line, String problem) throws IOException {
    Files.writeString(file(), TEAMS + "    " + line + "\n");

    DirectoryConfigException e =
        assertThrows(DirectoryConfigException.class, () -> DirectoryConfig.load(file()));

    assertEquals(file().toString(), e.file());
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(problem, e.problems().get(0).substring(0, problem.length()), e.problems().get(0));
  }

  private DirectoryConfig load(String yaml) throws IOException {
    Files.writeString(file(), yaml);
    return DirectoryConfig.load(file());
  }

  private Path file() {
    return dir.resolve("directory.yaml");
  }
}
