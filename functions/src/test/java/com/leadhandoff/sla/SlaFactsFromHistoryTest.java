package com.leadhandoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaFactsFromHistoryTest {
  /** Team "emea" works Monday to Friday 09:00-17:00 in Berlin. */
  private static final BusinessCalendar EMEA =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"),
          Map.of(
              DayOfWeek.MONDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.TUESDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.WEDNESDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.THURSDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.FRIDAY, List.of(new WorkingInterval(540, 1020))),
          Set.of());

  @Test
  void facts_recordBreachByWhomAndWorkingTimeToAccept_whenSecondRepAcceptsAfterTheWeekend() {
    // GIVEN a lead received on Friday 16:00, offered to ana who lets it expire, then to ben, who is
    // reminded once and accepts on Monday 09:30
    List<HistoryEvent> history =
        List.of(
            event("2026-11-27T16:00+01:00", "RECEIVED", Map.of()),
            offered("2026-11-27T16:00+01:00", "o1", 1, "ana", "2026-11-27T16:30+01:00"),
            event("2026-11-27T16:30+01:00", "OFFER_EXPIRED", Map.of("offerId", "o1")),
            offered("2026-11-27T16:30+01:00", "o2", 2, "ben", "2026-11-30T09:30+01:00"),
            event("2026-11-30T09:15+01:00", "OFFER_REMINDED", Map.of("offerId", "o2")),
            event(
                "2026-11-30T09:30+01:00",
                "OFFER_ACCEPTED",
                Map.of("offerId", "o2", "repId", "ben")));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-1", history, teams());

    // THEN ana breached, ben met, and only working minutes count towards time to accept
    assertEquals(
        List.of(OfferFact.Outcome.BREACHED, OfferFact.Outcome.ACCEPTED),
        facts.offers().stream().map(OfferFact::outcome).toList());
    assertEquals(List.of("ana"), facts.breaches().stream().map(OfferFact::repId).toList());
    assertTrue(facts.offers().get(1).met());
    assertEquals(Optional.of(Duration.ofMinutes(90)), facts.workingTimeToAccept());
    assertEquals(Optional.of(Duration.parse("PT65H30M")), facts.wallTimeToAccept());
    assertEquals(facts.wallTimeToAccept(), facts.timeToOwner());
    assertEquals(SlaFacts.FirstOwner.Kind.REP, facts.owner().orElseThrow().kind());
    assertEquals("ben", facts.owner().orElseThrow().id());
    assertEquals(1, facts.remindersSent());
    assertFalse(facts.escalated());
    assertFalse(facts.acceptedWithinSla());
  }

  @Test
  void facts_countWorkingTimeAcrossDaylightSavingChange() {
    // GIVEN a lead received Friday 16:00 before the clocks go forward, accepted Monday 10:00
    List<HistoryEvent> history =
        List.of(
            event("2026-03-27T16:00+01:00", "RECEIVED", Map.of()),
            offered("2026-03-27T16:00+01:00", "o1", 1, "ana", "2026-03-30T11:00+02:00"),
            event(
                "2026-03-30T10:00+02:00",
                "OFFER_ACCEPTED",
                Map.of("offerId", "o1", "repId", "ana")));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-2", history, teams());

    // THEN working time is 1 h on Friday + 1 h on Monday, while the wall clock lost an hour
    assertEquals(Optional.of(Duration.ofHours(2)), facts.workingTimeToAccept());
    assertEquals(Optional.of(Duration.ofHours(65)), facts.wallTimeToAccept());
    assertTrue(facts.acceptedWithinSla());
  }

  @Test
  void facts_giveTheManagerOwnership_whenEveryOfferExpiresAndTheLeadIsEscalated() {
    // GIVEN one offer that expires and an escalation an hour after receipt
    List<HistoryEvent> history =
        List.of(
            event("2026-11-23T10:00+01:00", "RECEIVED", Map.of()),
            offered("2026-11-23T10:00+01:00", "o1", 1, "ana", "2026-11-23T10:30+01:00"),
            event("2026-11-23T10:30+01:00", "OFFER_EXPIRED", Map.of("offerId", "o1")),
            event(
                "2026-11-23T11:00+01:00",
                "ESCALATED",
                Map.of("managerName", "Mia", "managerEmail", "mia@example.com")));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-3", history, teams());

    // THEN the lead is escalated, owned by the manager after an hour, and never accepted
    assertTrue(facts.escalated());
    assertEquals(
        new SlaFacts.FirstOwner(
            SlaFacts.FirstOwner.Kind.MANAGER, "mia@example.com", at("2026-11-23T11:00+01:00")),
        facts.owner().orElseThrow());
    assertEquals(Optional.of(Duration.ofHours(1)), facts.timeToOwner());
    assertEquals(Optional.empty(), facts.workingTimeToAccept());
  }

  @Test
  void facts_keepTheFirstAnswer_whenARetriedStepRecordsItAgain() {
    // GIVEN an offer declined in time, and its expiry recorded afterwards by a late timer
    List<HistoryEvent> history =
        List.of(
            event("2026-11-23T10:00+01:00", "RECEIVED", Map.of()),
            offered("2026-11-23T10:00+01:00", "o1", 1, "ana", "2026-11-23T10:30+01:00"),
            event("2026-11-23T10:10+01:00", "OFFER_DECLINED", Map.of("offerId", "o1")),
            event("2026-11-23T10:30+01:00", "OFFER_EXPIRED", Map.of("offerId", "o1")));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-4", history, teams());

    // THEN the offer stays declined, answered in time
    assertEquals(OfferFact.Outcome.DECLINED, facts.offers().get(0).outcome());
    assertTrue(facts.offers().get(0).met());
    assertTrue(facts.breaches().isEmpty());
  }

  @Test
  void facts_countAroundTheClock_whenTheTeamHasNoCalendar() {
    // GIVEN a lead accepted by a rep of a team without a calendar, over a weekend
    List<HistoryEvent> history =
        List.of(
            event("2026-11-27T16:00+01:00", "RECEIVED", Map.of()),
            new HistoryEvent(
                at("2026-11-27T16:00+01:00"),
                "OFFERED",
                "",
                Map.of(
                    "offerId",
                    "o1",
                    "attempt",
                    "1",
                    "repId",
                    "zoe",
                    "teamId",
                    "apac",
                    "deadline",
                    "2026-11-30T16:00:00Z")),
            event(
                "2026-11-30T09:00+01:00",
                "OFFER_ACCEPTED",
                Map.of("offerId", "o1", "repId", "zoe")));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-5", history, teams());

    // THEN working time is the wall time
    assertEquals(Optional.of(Duration.ofHours(65)), facts.workingTimeToAccept());
  }

  @Test
  void facts_carryOriginDeclineReasonsAndTheEarliestInstantOfEachOutcome() {
    // GIVEN a HOT lead from google's black-friday campaign, declined by ana as not in her
    // territory, accepted by ben, then reported won, SQL, and SQL again with an older instant
    List<HistoryEvent> history =
        List.of(
            event(
                "2026-11-23T10:00+01:00",
                "RECEIVED",
                Map.of("utmSource", "google", "utmCampaign", "black-friday")),
            event("2026-11-23T10:00+01:00", "SCORED", Map.of("tier", "HOT")),
            offered("2026-11-23T10:00+01:00", "o1", 1, "ana", "2026-11-23T10:30+01:00"),
            event(
                "2026-11-23T10:05+01:00",
                "OFFER_DECLINED",
                Map.of("offerId", "o1", "reason", "Not mine", "reasonCode", "NOT_MY_TERRITORY")),
            offered("2026-11-23T10:05+01:00", "o2", 2, "ben", "2026-11-23T10:35+01:00"),
            event(
                "2026-11-23T10:10+01:00",
                "OFFER_ACCEPTED",
                Map.of("offerId", "o2", "repId", "ben")),
            event("2026-12-10T10:00+01:00", "OUTCOME_RECORDED", Map.of("outcome", "WON")),
            event("2026-11-26T10:00+01:00", "OUTCOME_RECORDED", Map.of("outcome", "SQL")),
            event("2026-11-25T10:00+01:00", "OUTCOME_RECORDED", Map.of("outcome", "SQL")));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-6", history, teams());

    // THEN they carry source, campaign and tier, ana's reason, and the first instant of each
    assertEquals(
        new LeadOrigin(
            Optional.of("google"), Optional.of("black-friday"), Optional.of("HOT"), List.of()),
        facts.origin());
    assertEquals(Optional.of("NOT_MY_TERRITORY"), facts.offers().get(0).declineReason());
    assertEquals(Optional.empty(), facts.offers().get(1).declineReason());
    assertEquals(
        Map.of(
            com.leadhandoff.outcome.Outcome.SQL, at("2026-11-25T10:00+01:00"),
            com.leadhandoff.outcome.Outcome.WON, at("2026-12-10T10:00+01:00")),
        facts.outcomes());
  }

  @Test
  void facts_carryTheScoringRulesThatFired_alsoFromScoringsRecordedBeforeRuleIds() {
    // GIVEN two leads scored HOT by the same rules: one as Score Lead records it now (rule ids),
    // one recorded before rule ids existed (the readable rules text only)
    com.leadhandoff.scoring.Score score =
        new com.leadhandoff.scoring.Score(
            85,
            com.leadhandoff.scoring.Score.Tier.HOT,
            true,
            List.of(
                new com.leadhandoff.scoring.Score.Reason("demo-request", "Asked for a demo", 30),
                new com.leadhandoff.scoring.Score.Reason("free-email", "Free email", -20)));
    List<HistoryEvent> now =
        List.of(
            event("2026-11-23T10:00+01:00", "RECEIVED", Map.of()),
            com.leadhandoff.scoring.ScoreHistory.scored(score, 60, at("2026-11-23T10:00+01:00")),
            offered("2026-11-23T10:00+01:00", "o1", 1, "ana", "2026-11-23T10:30+01:00"));
    List<HistoryEvent> before =
        List.of(
            event("2026-11-23T10:00+01:00", "RECEIVED", Map.of()),
            event(
                "2026-11-23T10:00+01:00",
                "SCORED",
                Map.of("tier", "HOT", "rules", "demo-request +30, free-email -20")),
            offered("2026-11-23T10:00+01:00", "o1", 1, "ana", "2026-11-23T10:30+01:00"));

    // WHEN their facts are worked out
    // THEN both name the two rules, in model order
    assertEquals(
        List.of("demo-request", "free-email"),
        SlaFactsFromHistory.of("lead-7", now, teams()).origin().scoringRules());
    assertEquals(
        List.of("demo-request", "free-email"),
        SlaFactsFromHistory.of("lead-8", before, teams()).origin().scoringRules());
  }

  @Test
  void facts_ofAnAcceptReadBeforeItsOfferAtTheSameInstant_stillCountItAgainstTheOffersTeam() {
    // GIVEN history read back with the accept first: both stored at the same instant, which the
    // table orders by a random suffix
    List<HistoryEvent> history =
        List.of(
            event("2026-11-23T10:00+01:00", "RECEIVED", Map.of()),
            event(
                "2026-11-23T10:00+01:00",
                "OFFER_ACCEPTED",
                Map.of("offerId", "o1", "repId", "ana")),
            offered("2026-11-23T10:00+01:00", "o1", 1, "ana", "2026-11-23T10:15+01:00"));

    // WHEN the facts are worked out
    SlaFacts facts = SlaFactsFromHistory.of("lead-9", history, teams());

    // THEN the offer was accepted within its SLA by ana, on the team's calendar
    assertEquals(OfferFact.Outcome.ACCEPTED, facts.offers().get(0).outcome());
    assertTrue(facts.offers().get(0).met());
    assertEquals("emea", facts.offers().get(0).teamId());
    assertTrue(facts.acceptedWithinSla());
    assertEquals(Optional.of(Duration.ZERO), facts.workingTimeToAccept());
  }

  private static java.util.function.Function<String, Optional<BusinessCalendar>> teams() {
    return team -> team.equals("emea") ? Optional.of(EMEA) : Optional.empty();
  }

  private static HistoryEvent offered(
      String when, String offerId, int attempt, String repId, String deadline) {
    return new HistoryEvent(
        at(when),
        "OFFERED",
        "Offered to " + repId,
        Map.of(
            "offerId",
            offerId,
            "attempt",
            Integer.toString(attempt),
            "repId",
            repId,
            "teamId",
            "emea",
            "deadline",
            at(deadline).toString()));
  }

  private static HistoryEvent event(String when, String type, Map<String, String> details) {
    return new HistoryEvent(at(when), type, type, details);
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }
}
