package com.leadhandoff.routing;

import com.leadhandoff.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sales rep who can be offered leads.
 *
 * @param active false while the rep takes no new leads
 * @param timeZone where the rep works; offer deadlines are shown to them in it, and their working
 *     hours and out-of-office dates are read in it (their team's calendar zone when empty)
 * @param weight the rep's share of the team's turns: a rep of weight 2 gets twice the leads of a
 *     rep of weight 1 over a round
 * @param paused true while the rep takes a break from new leads without leaving the rotation
 * @param workingHours weekday → when the rep works, in their zone; empty to follow the team's
 *     calendar
 * @param outOfOffice the rep's days away
 * @param maxOpenOffers at most this many offers waiting for the rep's answer at once
 * @param maxLeadsPerDay at most this many offers a day (a day in the rep's zone)
 */
public record Rep(
    String repId,
    String name,
    String email,
    String teamId,
    boolean active,
    Optional<ZoneId> timeZone,
    int weight,
    boolean paused,
    Map<DayOfWeek, List<WorkingInterval>> workingHours,
    List<OutOfOffice> outOfOffice,
    Optional<Integer> maxOpenOffers,
    Optional<Integer> maxLeadsPerDay) {

  public Rep {
    // Items stored before reps had these fields read back without them.
    timeZone = timeZone == null ? Optional.empty() : timeZone;
    weight = weight < 1 ? 1 : weight;
    workingHours =
        workingHours == null || workingHours.isEmpty()
            ? Map.of()
            : Map.copyOf(new EnumMap<>(workingHours));
    outOfOffice = outOfOffice == null ? List.of() : List.copyOf(outOfOffice);
    maxOpenOffers = maxOpenOffers == null ? Optional.empty() : maxOpenOffers;
    maxLeadsPerDay = maxLeadsPerDay == null ? Optional.empty() : maxLeadsPerDay;
  }

  /** A rep without caps. */
  public Rep(
      String repId,
      String name,
      String email,
      String teamId,
      boolean active,
      Optional<ZoneId> timeZone,
      int weight,
      boolean paused,
      Map<DayOfWeek, List<WorkingInterval>> workingHours,
      List<OutOfOffice> outOfOffice) {
    this(
        repId,
        name,
        email,
        teamId,
        active,
        timeZone,
        weight,
        paused,
        workingHours,
        outOfOffice,
        Optional.empty(),
        Optional.empty());
  }

  /** A rep with a zone of their own, always available, of weight 1. */
  public Rep(
      String repId,
      String name,
      String email,
      String teamId,
      boolean active,
      Optional<ZoneId> timeZone) {
    this(repId, name, email, teamId, active, timeZone, 1, false, Map.of(), List.of());
  }

  /** A rep without a time zone of their own. */
  public Rep(String repId, String name, String email, String teamId, boolean active) {
    this(repId, name, email, teamId, active, Optional.empty());
  }
}
