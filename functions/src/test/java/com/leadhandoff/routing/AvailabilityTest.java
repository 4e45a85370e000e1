package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityTest {
  private static final Map<DayOfWeek, List<WorkingInterval>> WEEKDAYS_8_TO_18 =
      weekdays(new WorkingInterval(8 * 60, 18 * 60));
  private static final BusinessCalendar BERLIN =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"), WEEKDAYS_8_TO_18, Set.of(LocalDate.parse("2026-12-24")));

  private static final Map<String, Rep> REPS =
      Map.of(
          "team-hours", rep(Optional.empty(), false, Map.of(), List.of()),
          "paused", rep(Optional.empty(), true, Map.of(), List.of()),
          "new-york-9-to-5",
              rep(
                  Optional.of(ZoneId.of("America/New_York")),
                  false,
                  weekdays(new WorkingInterval(9 * 60, 17 * 60)),
                  List.of()),
          "london-9-to-5",
              rep(
                  Optional.of(ZoneId.of("Europe/London")),
                  false,
                  weekdays(new WorkingInterval(9 * 60, 17 * 60)),
                  List.of()),
          "tokyo-away",
              rep(
                  Optional.of(ZoneId.of("Asia/Tokyo")),
                  false,
                  Map.of(),
                  List.of(away("2026-11-24", "2026-11-27"))),
          "team-zone-away",
              rep(Optional.empty(), false, Map.of(), List.of(away("2026-11-24", "2026-11-24"))));

  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "available",
      value = {
        // Team calendar, in the team's zone (CET, UTC+1 in November).
        "team-hours | 2026-11-23T06:59:59Z | outside working hours (team hours; Mon 07:59 Europe/Berlin)",
        "team-hours | 2026-11-23T07:00:00Z | available",
        "team-hours | 2026-11-23T16:59:59Z | available",
        "team-hours | 2026-11-23T17:00:00Z | outside working hours (team hours; Mon 18:00 Europe/Berlin)",
        "team-hours | 2026-11-28T10:00:00Z | outside working hours (team hours; Sat 11:00 Europe/Berlin)",
        "team-hours | 2026-12-24T10:00:00Z | outside working hours (team hours; Thu 11:00 Europe/Berlin)",
        // Own hours, in the rep's own zone: New York is UTC-5 in November.
        "new-york-9-to-5 | 2026-11-23T13:59:00Z | outside working hours (own hours; Mon 08:59 America/New_York)",
        "new-york-9-to-5 | 2026-11-23T14:00:00Z | available",
        "new-york-9-to-5 | 2026-11-23T21:59:00Z | available",
        "new-york-9-to-5 | 2026-11-23T22:00:00Z | outside working hours (own hours; Mon 17:00 America/New_York)",
        // Own hours ignore the team's holidays: days off are written as out of office.
        "new-york-9-to-5 | 2026-12-24T15:00:00Z | available",
        // London springs forward on 2026-03-29: the same UTC time is an hour later on the wall.
        "london-9-to-5 | 2026-03-27T08:30:00Z | outside working hours (own hours; Fri 08:30 Europe/London)",
        "london-9-to-5 | 2026-03-30T08:30:00Z | available",
        "london-9-to-5 | 2026-03-30T16:30:00Z | outside working hours (own hours; Mon 17:30 Europe/London)",
        // Out of office, both days included, as dates in Tokyo (UTC+9).
        "tokyo-away | 2026-11-23T14:59:59Z | available",
        "tokyo-away | 2026-11-23T15:00:00Z | out of office until 2026-11-27",
        "tokyo-away | 2026-11-27T14:59:59Z | out of office until 2026-11-27",
        "tokyo-away | 2026-11-27T15:00:00Z | available",
        // Without a zone of their own, a rep's dates are the team's (Berlin, UTC+1).
        "team-zone-away | 2026-11-23T22:59:59Z | outside working hours (team hours; Mon 23:59 Europe/Berlin)",
        "team-zone-away | 2026-11-23T23:00:00Z | out of office until 2026-11-24",
        "team-zone-away | 2026-11-24T10:00:00Z | out of office until 2026-11-24",
        "team-zone-away | 2026-11-24T23:00:00Z | outside working hours (team hours; Wed 00:00 Europe/Berlin)",
        "paused | 2026-11-23T10:00:00Z | paused",
      })
  void whyARepCannotTakeALead(String repKey, Instant now, String expected) {
    Availability availability = Availability.at(now, team -> Optional.of(BERLIN));
    Rep rep = REPS.get(repKey);

    Optional<String> why = availability.away(rep).or(() -> availability.offHours(rep));

    assertEquals(Optional.ofNullable(expected), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"team-hours", "tokyo-away", "new-york-9-to-5"})
  void timeless_onlyThePauseCounts(String repKey) {
    Availability timeless = Availability.timeless();
    Rep rep = REPS.get(repKey);

    assertEquals(Optional.empty(), timeless.away(rep));
    assertEquals(Optional.empty(), timeless.offHours(rep));
    assertEquals(Optional.of("paused"), timeless.away(REPS.get("paused")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2026-11-23T03:00:00Z", "2026-11-28T12:00:00Z"})
  void teamWithoutCalendar_repWithoutHours_isAlwaysWorking(Instant now) {
    Availability availability = Availability.at(now, team -> Optional.empty());

    assertEquals(Optional.empty(), availability.offHours(REPS.get("team-hours")));
  }

  private static Rep rep(
      Optional<ZoneId> zone,
      boolean paused,
      Map<DayOfWeek, List<WorkingInterval>> hours,
      List<OutOfOffice> away) {
    return new Rep(
        "rep", "Rep", "rep@sales.test", "inbound-sales", true, zone, 1, paused, hours, away);
  }

  private static OutOfOffice away(String from, String until) {
    return new OutOfOffice(LocalDate.parse(from), LocalDate.parse(until));
  }

  private static Map<DayOfWeek, List<WorkingInterval>> weekdays(WorkingInterval interval) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        week.put(day, List.of(interval));
      }
    }
    return week;
  }
}
