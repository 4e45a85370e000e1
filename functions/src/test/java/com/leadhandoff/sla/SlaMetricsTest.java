package com.leadhandoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.metrics.EmfLeadMetrics;
import com.leadhandoff.metrics.EmfLines;
import com.leadhandoff.metrics.LeadMetrics;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metrics each SLA fact emits, read back from the EMF lines the recorder prints. */
class SlaMetricsTest {
  // Friday 27 November 2026, 16:30 in Berlin: half an hour before the team's weekend.
  private static final Instant FRIDAY_1630 = Instant.parse("2026-11-27T15:30:00Z");
  // Monday 30 November 2026, 09:30 in Berlin: half an hour into the next working day.
  private static final Instant MONDAY_0930 = Instant.parse("2026-11-30T08:30:00Z");

  private static final BusinessCalendar BERLIN_OFFICE_HOURS =
      new BusinessCalendar(
          ZoneId.of("Europe/Berlin"),
          Map.of(
              DayOfWeek.MONDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.TUESDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.WEDNESDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.THURSDAY, List.of(new WorkingInterval(540, 1020)),
              DayOfWeek.FRIDAY, List.of(new WorkingInterval(540, 1020))),
          java.util.Set.of());

  private final InMemoryHistory history = new InMemoryHistory();
  private final LeadHistory recorder =
      new SlaFactsRecorder(
          history,
          new NoFacts(),
          team -> team.equals("inbound") ? Optional.of(BERLIN_OFFICE_HOURS) : Optional.empty(),
          new EmfLeadMetrics("LeadHandoff"));

  @Test
  void acceptOnMonday_emitsTimeToAcceptInWorkingSeconds_notTheWeekend() {
    // GIVEN a hot lead received and offered to the inbound team late on Friday, due Monday 09:30
    receivedAndOffered("o1", "ana", "inbound", FRIDAY_1630, MONDAY_0930);

    // WHEN Ana accepts at 09:30 on Monday, 65 wall-clock hours later
    List<JsonNode> printed =
        EmfLines.printedBy(() -> recorder.record("lead-1", accepted("o1", "ana", MONDAY_0930)));

    // THEN the SLA is met and the time to accept is one working hour (Friday 16:30-17:00 and
    // Monday 09:00-09:30), not the 234,000 seconds the weekend would add
    assertEquals(1, printed.size());
    JsonNode doc = printed.get(0);
    assertEquals(3600.0, doc.path("TimeToAccept").asDouble());
    assertEquals("Seconds", EmfLines.unitOf(doc, "TimeToAccept"));
    assertEquals(1.0, doc.path("SlaMet").asDouble());
    assertEquals("Count", EmfLines.unitOf(doc, "SlaMet"));
    assertFalse(doc.has("SlaBreached"));
    assertEquals("inbound", doc.path("team").asText());
    assertEquals("hot", doc.path("tier").asText());
    assertEquals(List.of(List.of("team"), List.of("tier"), List.of()), EmfLines.dimensionSets(doc));
  }

  @Test
  void acceptAcrossTheClockChange_emitsTheWorkingTime_notTheExtraWallHour() {
    // GIVEN a lead offered at 16:30 on Friday 23 October 2026 (summer time in Berlin); clocks go
    // back an hour early on Sunday, so the weekend is 66 wall-clock hours long, not 65
    Instant friday = Instant.parse("2026-10-23T14:30:00Z");
    Instant monday = Instant.parse("2026-10-26T08:30:00Z"); // 09:30 winter time
    receivedAndOffered("o1", "ana", "inbound", friday, monday);

    // WHEN Ana accepts at 09:30 on Monday
    List<JsonNode> printed =
        EmfLines.printedBy(() -> recorder.record("lead-1", accepted("o1", "ana", monday)));

    // THEN the time to accept is still one working hour, and the SLA met
    JsonNode doc = printed.get(0);
    assertEquals(3600.0, doc.path("TimeToAccept").asDouble());
    assertEquals(1.0, doc.path("SlaMet").asDouble());
  }

  @Test
  void offerExpiry_emitsSlaBreached_forTheOfferTeam() {
    // GIVEN a lead offered to Ana of the inbound team
    receivedAndOffered("o1", "ana", "inbound", FRIDAY_1630, MONDAY_0930);

    // WHEN the offer expires unanswered
    List<JsonNode> printed =
        EmfLines.printedBy(
            () ->
                recorder.record(
                    "lead-1",
                    new HistoryEvent(
                        MONDAY_0930,
                        "OFFER_EXPIRED",
                        "Ana did not answer",
                        Map.of("offerId", "o1", "attempt", "1", "repId", "ana"))));

    // THEN one breach is counted for the inbound team, and no time to accept
    JsonNode doc = printed.get(0);
    assertEquals(1.0, doc.path("SlaBreached").asDouble());
    assertEquals("Count", EmfLines.unitOf(doc, "SlaBreached"));
    assertEquals("inbound", doc.path("team").asText());
    assertFalse(doc.has("TimeToAccept"));
    assertFalse(doc.has("SlaMet"));
  }

  @Test
  void acceptOfTheSecondOffer_emitsTheTeamOfThatOffer() {
    // GIVEN a first offer in the inbound team that expired, then one to Bo of the enterprise team
    receivedAndOffered("o1", "ana", "inbound", FRIDAY_1630, MONDAY_0930);
    recorder.record(
        "lead-1",
        new HistoryEvent(
            MONDAY_0930,
            "OFFER_EXPIRED",
            "Ana did not answer",
            Map.of("offerId", "o1", "attempt", "1", "repId", "ana")));
    recorder.record(
        "lead-1", offered("o2", 2, "bo", "enterprise", MONDAY_0930, MONDAY_0930.plusSeconds(900)));

    // WHEN Bo accepts ten minutes later
    List<JsonNode> printed =
        EmfLines.printedBy(
            () -> recorder.record("lead-1", accepted("o2", "bo", MONDAY_0930.plusSeconds(600))));

    // THEN the met SLA and the time to accept count for enterprise, whose team has no calendar:
    // the time is wall time from receipt
    JsonNode doc = printed.get(0);
    assertEquals("enterprise", doc.path("team").asText());
    assertEquals(1.0, doc.path("SlaMet").asDouble());
    assertEquals(234_600.0, doc.path("TimeToAccept").asDouble());
  }

  @Test
  void escalationAndQueueing_emitOneCountEach() {
    // GIVEN a lead whose only offer expired, and another that routing could offer to nobody
    receivedAndOffered("o1", "ana", "inbound", FRIDAY_1630, MONDAY_0930);
    history.recordFor(
        "lead-2",
        new HistoryEvent(
            FRIDAY_1630,
            "NO_REP",
            "Nobody available",
            Map.of("teamId", "partners", "reason", "all paused")));

    // WHEN the first is escalated and the second queued
    List<JsonNode> printed =
        EmfLines.printedBy(
            () -> {
              recorder.record(
                  "lead-1",
                  new HistoryEvent(
                      MONDAY_0930,
                      "ESCALATED",
                      "Escalated to Mia",
                      Map.of("managerEmail", "mia@example.com", "team", "Inbound")));
              recorder.record(
                  "lead-2",
                  new HistoryEvent(
                      FRIDAY_1630, "QUEUED", "Queued", Map.of("queue", "Sales queue")));
            });

    // THEN Escalated counts for the team last offered the lead, Queued for the team routing chose
    assertEquals(2, printed.size());
    assertEquals(1.0, printed.get(0).path("Escalated").asDouble());
    assertEquals("inbound", printed.get(0).path("team").asText());
    assertEquals("Count", EmfLines.unitOf(printed.get(0), "Escalated"));
    assertEquals(1.0, printed.get(1).path("Queued").asDouble());
    assertEquals("partners", printed.get(1).path("team").asText());
    assertFalse(printed.get(1).has("tier"), "lead-2 was never scored");
    assertEquals(List.of(List.of("team"), List.of()), EmfLines.dimensionSets(printed.get(1)));
  }

  @Test
  void reminder_emitsNoMetric() {
    // GIVEN an open offer
    receivedAndOffered("o1", "ana", "inbound", FRIDAY_1630, MONDAY_0930);

    // WHEN a reminder goes out
    List<JsonNode> printed =
        EmfLines.printedBy(
            () ->
                recorder.record(
                    "lead-1",
                    new HistoryEvent(
                        FRIDAY_1630.plusSeconds(600),
                        "OFFER_REMINDED",
                        "Reminded Ana",
                        Map.of("offerId", "o1"))));

    // THEN nothing is measured
    assertEquals(List.of(), printed);
  }

  @Test
  void failingMetrics_doNotFailTheStep() {
    // GIVEN metrics that throw
    LeadMetrics broken =
        m -> {
          throw new IllegalStateException("metrics down");
        };
    LeadHistory failing =
        new SlaFactsRecorder(history, new NoFacts(), t -> Optional.empty(), broken);
    receivedAndOffered("o1", "ana", "inbound", FRIDAY_1630, MONDAY_0930);

    // WHEN an acceptance is recorded
    HistoryEvent accept = accepted("o1", "ana", MONDAY_0930);
    failing.record("lead-1", accept);

    // THEN the history has it and no error reached the step
    assertTrue(history.of("lead-1").contains(accept));
  }

  private void receivedAndOffered(
      String offerId, String repId, String teamId, Instant at, Instant deadline) {
    history.recordFor("lead-1", new HistoryEvent(at, "RECEIVED", "Received", Map.of()));
    history.recordFor(
        "lead-1",
        new HistoryEvent(at, "SCORED", "Scored 80 (hot)", Map.of("tier", "HOT", "points", "80")));
    recorder.record("lead-1", offered(offerId, 1, repId, teamId, at, deadline));
  }

  private static HistoryEvent offered(
      String offerId, int attempt, String repId, String teamId, Instant at, Instant deadline) {
    return new HistoryEvent(
        at,
        "OFFERED",
        "Offered to " + repId,
        Map.of(
            "offerId", offerId,
            "attempt", Integer.toString(attempt),
            "repId", repId,
            "teamId", teamId,
            "deadline", deadline.toString()));
  }

  private static HistoryEvent accepted(String offerId, String repId, Instant at) {
    return new HistoryEvent(
        at, "OFFER_ACCEPTED", repId + " accepted", Map.of("offerId", offerId, "repId", repId));
  }

  private static final class NoFacts implements SlaFactsStore {
    @Override
    public void put(SlaFacts facts) {}

    @Override
    public List<SlaFacts> receivedOn(LocalDate day) {
      return List.of();
    }
  }

  private static final class InMemoryHistory implements LeadHistory {
    final Map<String, List<HistoryEvent>> events = new java.util.HashMap<>();

    void recordFor(String leadId, HistoryEvent event) {
      events.computeIfAbsent(leadId, id -> new ArrayList<>()).add(event);
    }

    @Override
    public void record(String leadId, HistoryEvent event) {
      recordFor(leadId, event);
    }

    @Override
    public List<HistoryEvent> of(String leadId) {
      return List.copyOf(events.getOrDefault(leadId, List.of()));
    }

    @Override
    public boolean claim(String leadId, String action) {
      return true;
    }

    @Override
    public void release(String leadId, String action) {}
  }
}
