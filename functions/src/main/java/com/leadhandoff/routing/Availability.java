package com.leadhandoff.routing;

import com.leadhandoff.sla.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether reps can take a lead at one instant. A paused or out-of-office rep is away and is never
 * offered a lead; a rep outside working hours is only passed over in favour of a colleague who is
 * working, because the SLA clock waits for the next opening anyway and a lead must never be left
 * without an owner.
 */
public final class Availability {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private final Optional<Instant> now;
  private final Function<String, Optional<BusinessCalendar>> teamCalendars;

  private Availability(
      Optional<Instant> now, Function<String, Optional<BusinessCalendar>> teamCalendars) {
    this.now = now;
    this.teamCalendars = teamCalendars;
  }

  /**
   * Availability at {@code now}.
   *
   * @param teamCalendars team id → the team's calendar, the working hours of reps without their own
   *     (none: such reps count as always working)
   */
  public static Availability at(
      Instant now, Function<String, Optional<BusinessCalendar>> teamCalendars) {
    return new Availability(Optional.of(now), teamCalendars);
  }

  /**
   * Availability with no moment in mind, for simulations such as the dry run: only the pause
   * switch, which does not depend on the time, takes a rep out.
   */
  public static Availability timeless() {
    return new Availability(Optional.empty(), team -> Optional.empty());
  }

  /** Why the rep cannot take any lead now (paused, out of office), if so. */
  public Optional<String> away(Rep rep) {
    if (rep.paused()) {
      return Optional.of("paused");
    }
    if (now.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = today(rep);
    return rep.outOfOffice().stream()
        .filter(away -> away.covers(today))
        .findFirst()
        .map(away -> "out of office until " + away.until());
  }

  /** Why the rep is off shift now, if so: outside their own hours or their team's calendar. */
  public Optional<String> offHours(Rep rep) {
    if (now.isEmpty()) {
      return Optional.empty();
    }
    Instant instant = now.get();
    Optional<BusinessCalendar> calendar =
        rep.workingHours().isEmpty()
            ? teamCalendars.apply(rep.teamId())
            : Optional.of(new BusinessCalendar(zone(rep), rep.workingHours(), Set.of()));
    return calendar
        .filter(c -> !c.isWorking(instant))
        .map(
            c -> {
              ZonedDateTime local = instant.atZone(c.zone());
              String whose = rep.workingHours().isEmpty() ? "team hours" : "own hours";
              return "outside working hours ("
                  + whose
                  + "; "
                  + LOCAL_TIME.format(local)
                  + " "
                  + c.zone()
                  + ")";
            });
  }

  /**
   * The rep's date now, in their own zone, else their team's, else UTC: the day their out-of-office
   * dates and {@code maxLeadsPerDay} count in.
   */
  public LocalDate today(Rep rep) {
    return now.orElseThrow(() -> new IllegalStateException("Timeless availability has no today"))
        .atZone(zone(rep))
        .toLocalDate();
  }

  /** The rep's own zone, else their team's, else UTC. */
  private ZoneId zone(Rep rep) {
    return rep.timeZone()
        .or(() -> teamCalendars.apply(rep.teamId()).map(BusinessCalendar::zone))
        .orElse(UTC);
  }
}
