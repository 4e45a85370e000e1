package com.leadhandoff.sla;

import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The response-time SLA of {@code config/sla-policy.yaml}: a response time per tier, counted in the
 * business hours of the rep's team.
 *
 * @param responseTimes one per tier, every tier present
 * @param calendars team id → the team's calendar
 */
public record SlaPolicy(
    Map<Score.Tier, ResponseTime> responseTimes, Map<String, BusinessCalendar> calendars)
    implements OfferDeadlines {

  public SlaPolicy {
    for (Score.Tier tier : Score.Tier.values()) {
      if (!responseTimes.containsKey(tier)) {
        throw new IllegalArgumentException("No response time for tier " + tier);
      }
    }
    responseTimes = Map.copyOf(new EnumMap<>(responseTimes));
    calendars = Map.copyOf(calendars);
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
      return new Deadline(
          now.plus(time.aroundTheClock()),
          time.written(),
          ZoneId.of("UTC"),
          tierText
              + ": "
              + time.written()
              + " around the clock (team "
              + teamId
              + " has no calendar in "
              + SlaPolicies.BUNDLED
              + ")");
    }
    return new Deadline(
        calendar.deadline(now, time.in(calendar)),
        time.businessDays() > 0 ? time.written() : time.written() + " of working time",
        calendar.zone(),
        tierText
            + ": "
            + time.written()
            + " of "
            + teamId
            + " working time ("
            + calendar.zone()
            + ")");
  }

  /** The zone of the team's calendar, if it has one. */
  public Optional<ZoneId> zone(String teamId) {
    return Optional.ofNullable(calendars.get(teamId)).map(BusinessCalendar::zone);
  }

  private static String name(Score.Tier tier) {
    return tier.name().toLowerCase(Locale.ROOT);
  }
}
