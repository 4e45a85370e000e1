package com.leadhandoff.sla;

import com.leadhandoff.scoring.Score;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The response-time SLA of {@code config/sla-policy.yaml}: a response time per tier, counted in the
 * business hours of the rep's team.
 *
 * @param responseTimes one per tier, every tier present
 * @param calendars team id → the team's calendar
 * @param reminders when to remind a rep who has not answered, as fractions of the response time
 *     (each above 0 and below 1, ascending); empty for no reminders
 */
public record SlaPolicy(
    Map<Score.Tier, ResponseTime> responseTimes,
    Map<String, BusinessCalendar> calendars,
    List<Double> reminders)
    implements OfferDeadlines {

  public SlaPolicy {
    for (Score.Tier tier : Score.Tier.values()) {
      if (!responseTimes.containsKey(tier)) {
        throw new IllegalArgumentException("No response time for tier " + tier);
      }
    }
    for (int i = 0; i < reminders.size(); i++) {
      double f = reminders.get(i);
      if (!(f > 0 && f < 1) || (i > 0 && f <= reminders.get(i - 1))) {
        throw new IllegalArgumentException(
            "Reminders must be ascending fractions between 0 and 1, were " + reminders);
      }
    }
    responseTimes = Map.copyOf(new EnumMap<>(responseTimes));
    calendars = Map.copyOf(calendars);
    reminders = List.copyOf(reminders);
  }

  /** A policy that sends no reminders. */
  public SlaPolicy(
      Map<Score.Tier, ResponseTime> responseTimes, Map<String, BusinessCalendar> calendars) {
    this(responseTimes, calendars, List.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>A lead without a score is timed as hot: the tightest window, so a lead that somehow skipped
   * scoring is never left waiting longer than a scored one. A team without a calendar (added to the
   * directory after this file was written) counts around the clock in UTC, and says so in the
   * basis, rather than failing the lead.
   */
  @Override
  public Deadline deadline(Optional<Score.Tier> tier, String teamId, Instant now) {
    Score.Tier timedAs = tier.orElse(Score.Tier.HOT);
    ResponseTime time = responseTimes.get(timedAs);
    String tierText =
        tier.map(t -> name(t) + " lead").orElse("lead without a score, timed as " + name(timedAs));
    BusinessCalendar calendar = calendars.get(teamId);
    if (calendar == null) {
      Duration span = time.aroundTheClock();
      return new Deadline(
          now.plus(span),
          time.written(),
          ZoneId.of("UTC"),
          tierText
              + ": "
              + time.written()
              + " around the clock (team "
              + teamId
              + " has no calendar in "
              + SlaPolicies.BUNDLED
              + ")",
          reminders.stream().map(f -> now.plus(part(span, f))).toList());
    }
    Duration businessTime = time.in(calendar);
    return new Deadline(
        calendar.deadline(now, businessTime),
        time.businessDays() > 0 ? time.written() : time.written() + " of working time",
        calendar.zone(),
        tierText
            + ": "
            + time.written()
            + " of "
            + teamId
            + " working time ("
            + calendar.zone()
            + ")",
        // A fraction of working time, not of wall time: half of a window that spans a night is
        // half of the working minutes, so a reminder never lands while the team is off.
        reminders.stream().map(f -> calendar.deadline(now, part(businessTime, f))).toList());
  }

  /** {@code fraction} of {@code span}, to the millisecond. */
  private static Duration part(Duration span, double fraction) {
    return Duration.ofMillis(Math.round(span.toMillis() * fraction));
  }

  /** The zone of the team's calendar, if it has one. */
  public Optional<ZoneId> zone(String teamId) {
    return Optional.ofNullable(calendars.get(teamId)).map(BusinessCalendar::zone);
  }

  private static String name(Score.Tier tier) {
    return tier.name().toLowerCase(Locale.ROOT);
  }
}
