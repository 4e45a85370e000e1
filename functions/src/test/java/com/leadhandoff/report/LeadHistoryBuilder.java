package com.leadhandoff.report;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.outcome.Outcomes;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreHistory;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsFromHistory;
import com.leadhandoff.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lead's history as the functions record it, turned into its SLA facts the way the recorder does,
 * so report tests start from the same facts production stores. Instants are written as offset
 * date-times, e.g. {@code 2026-11-27T16:00+01:00}.
 */
final class LeadHistoryBuilder {
  /** Team "emea" works Monday to Friday 09:00-17:00 in Berlin; other teams around the clock. */
  static final BusinessCalendar EMEA =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"),
          Map.of(
              DayOfWeek.MONDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.TUESDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.WEDNESDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.THURSDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.FRIDAY, List.of(new WorkingInterval(540, 1020))),
          Set.of());

  private final String leadId;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final Map<String, String> teamOfOffer = new HashMap<>();

  private LeadHistoryBuilder(String leadId) {
    this.leadId = leadId;
  }

  /** A lead received at {@code at} from {@code source} / {@code campaign} (null for none). */
  static LeadHistoryBuilder received(String leadId, String at, String source, String campaign) {
    LeadHistoryBuilder b = new LeadHistoryBuilder(leadId);
    Map<String, String> details = new HashMap<>();
    if (source != null) {
      details.put("utmSource", source);
    }
    if (campaign != null) {
      details.put("utmCampaign", campaign);
    }
    return b.add(at, "RECEIVED", details);
  }

  LeadHistoryBuilder scored(String at, String tier) {
    return add(at, "SCORED", Map.of("tier", tier, "points", "50"));
  }

  /** Scored {@code tier} by the rules {@code rules}, recorded as Score Lead records it. */
  LeadHistoryBuilder scoredBy(String at, Score.Tier tier, String... rules) {
    List<Score.Reason> reasons = new ArrayList<>();
    for (String rule : rules) {
      reasons.add(new Score.Reason(rule, "Rule " + rule, 10));
    }
    events.add(ScoreHistory.scored(new Score(80, tier, true, reasons), 40, instant(at)));
    return this;
  }

  LeadHistoryBuilder offered(String at, String offerId, String rep, String team, String deadline) {
    teamOfOffer.put(offerId, team);
    return add(
        at,
        "OFFERED",
        Map.of(
            "offerId", offerId,
            "attempt", Integer.toString(teamOfOffer.size()),
            "repId", rep,
            "teamId", team,
            "deadline", instant(deadline).toString()));
  }

  LeadHistoryBuilder accepted(String at, String offerId, String rep) {
    return add(at, "OFFER_ACCEPTED", Map.of("offerId", offerId, "repId", rep));
  }

  LeadHistoryBuilder declined(String at, String offerId, String reasonCode) {
    return add(
        at,
        "OFFER_DECLINED",
        Map.of("offerId", offerId, "reason", "because", "reasonCode", reasonCode));
  }

  LeadHistoryBuilder expired(String at, String offerId) {
    return add(at, "OFFER_EXPIRED", Map.of("offerId", offerId));
  }

  LeadHistoryBuilder escalated(String at, String manager) {
    return add(at, "ESCALATED", Map.of("managerEmail", manager));
  }

  LeadHistoryBuilder outcome(String at, Outcome outcome) {
    return add(at, Outcomes.OUTCOME_RECORDED, Map.of("outcome", outcome.name()));
  }

  SlaFacts facts() {
    return SlaFactsFromHistory.of(
        leadId, events, team -> team.equals("emea") ? Optional.of(EMEA) : Optional.empty());
  }

  private LeadHistoryBuilder add(String at, String type, Map<String, String> details) {
    events.add(new HistoryEvent(instant(at), type, type, details));
    return this;
  }

  static Instant instant(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }
}
