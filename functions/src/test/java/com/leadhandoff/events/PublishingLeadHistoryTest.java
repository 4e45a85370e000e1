package com.leadhandoff.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishingLeadHistoryTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:05:00Z");

  private final RecordedHistory history = new RecordedHistory();
  private final List<LeadEvent> published = new ArrayList<>();

  @Test
  void record_publishesTheStep_afterTheHistoryHasIt() {
    // GIVEN a history that publishes
    LeadHistory publishing =
        new PublishingLeadHistory(
            history,
            events -> {
              assertEquals(1, history.events.size(), "recorded before it is published");
              published.addAll(events);
            });

    // WHEN an acceptance is recorded
    publishing.record("lead-1", accepted());

    // THEN one Lead Accepted event goes out, typed and versioned
    assertEquals(1, published.size());
    LeadEvent event = published.get(0);
    assertEquals("Lead Accepted", event.detailType());
    assertEquals("lead-1", event.leadId());
    assertEquals("1", event.detail().path("version").asText());
    assertEquals(2, event.detail().path("attempt").asInt(), "a number, not text");
    assertEquals("2026-11-23T09:05:00Z", event.detail().path("occurredAt").asText());
  }

  @Test
  void record_carriesOn_whenPublishingFails() {
    // GIVEN a bus that cannot be reached
    LeadHistory publishing =
        new PublishingLeadHistory(
            history,
            events -> {
              throw new IllegalStateException("bus unreachable");
            });

    // WHEN a step is recorded
    publishing.record("lead-1", accepted());

    // THEN the step's history is kept and no error reaches the step
    assertEquals(List.of(accepted()), history.events);
  }

  @Test
  void record_publishesNothing_forAStepNoSubscriberNeeds() {
    // GIVEN a history that publishes
    LeadHistory publishing = new PublishingLeadHistory(history, published::addAll);

    // WHEN a claim-like bookkeeping step is recorded
    publishing.record(
        "lead-1", new HistoryEvent(AT, "ESCALATION_SKIPPED", "Not escalated", Map.of()));

    // THEN nothing is published
    assertTrue(published.isEmpty());
  }

  @Test
  void catalog_makesTimeoutAndBreach_fromOneExpiry() {
    // GIVEN an expiry as CloseOffer records it
    HistoryEvent expired =
        new HistoryEvent(
            AT,
            "OFFER_EXPIRED",
            "Ana did not answer within 15 minutes",
            Map.of("offerId", "o1", "attempt", "1", "repId", "ana", "deadline", AT.toString()));

    // WHEN it is turned into events
    List<LeadEvent> events = LeadEventCatalog.of("lead-1", expired);

    // THEN the offer timed out and the SLA was breached by that rep
    assertEquals(
        List.of("Offer Timed Out", "SLA Breached"),
        events.stream().map(LeadEvent::detailType).toList());
    assertEquals("ana", events.get(1).detail().path("repId").asText());
  }

  @Test
  void catalog_refusesAnEventMissingARequiredField() {
    // GIVEN an acceptance without its offer id
    HistoryEvent broken =
        new HistoryEvent(AT, "OFFER_ACCEPTED", "Ana accepted", Map.of("repId", "ana"));

    // WHEN / THEN it is not turned into an event that breaks its schema
    assertThrows(IllegalArgumentException.class, () -> LeadEventCatalog.of("lead-1", broken));
  }

  private static HistoryEvent accepted() {
    return new HistoryEvent(
        AT,
        "OFFER_ACCEPTED",
        "Ana Ruiz accepted",
        Map.of("offerId", "o2", "attempt", "2", "repId", "ana", "extra", "not published"));
  }

  /** A history in memory. */
  private static final class RecordedHistory implements LeadHistory {
    final List<HistoryEvent> events = new ArrayList<>();

    @Override
    public void record(String leadId, HistoryEvent event) {
      events.add(event);
    }

    @Override
    public List<HistoryEvent> of(String leadId) {
      return List.copyOf(events);
    }

    @Override
    public boolean claim(String leadId, String action) {
      return true;
    }

    @Override
    public void release(String leadId, String action) {}
  }
}
