package com.leadhandoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaFactsRecorderTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final InMemoryHistory history = new InMemoryHistory();
  private final List<SlaFacts> stored = new ArrayList<>();

  @Test
  void record_storesFreshFacts_onEachStepThatChangesThem() {
    // GIVEN a recorder over a lead's history
    LeadHistory recorder = new SlaFactsRecorder(history, store(), team -> Optional.empty());
    recorder.record("lead-1", new HistoryEvent(T0, "RECEIVED", "Received", Map.of()));

    // WHEN the lead is offered and the offer accepted
    recorder.record("lead-1", offered());
    recorder.record(
        "lead-1",
        new HistoryEvent(
            T0.plusSeconds(300),
            "OFFER_ACCEPTED",
            "Ana accepted",
            Map.of("offerId", "o1", "repId", "ana")));

    // THEN facts were stored after each of the two, the last one with the acceptance
    assertEquals(2, stored.size(), "not for RECEIVED, which changes no fact");
    SlaFacts last = stored.get(1);
    assertEquals("ana", last.owner().orElseThrow().id());
    assertEquals(300, last.wallTimeToAccept().orElseThrow().toSeconds());
  }

  @Test
  void record_addsTheOutcomeToTheFacts_whenTheOwnerReportsOne() {
    // GIVEN a lead accepted by ana
    LeadHistory recorder = new SlaFactsRecorder(history, store(), team -> Optional.empty());
    recorder.record("lead-1", offered());
    recorder.record(
        "lead-1",
        new HistoryEvent(
            T0.plusSeconds(300),
            "OFFER_ACCEPTED",
            "Ana accepted",
            Map.of("offerId", "o1", "repId", "ana")));

    // WHEN ana reports it qualified (SQL) two days later
    Instant sql = T0.plus(java.time.Duration.ofDays(2));
    recorder.record(
        "lead-1", new HistoryEvent(sql, "OUTCOME_RECORDED", "Qualified", Map.of("outcome", "SQL")));

    // THEN the stored facts say when the lead became SQL, for the funnel report
    assertEquals(3, stored.size());
    assertEquals(Map.of(com.leadhandoff.outcome.Outcome.SQL, sql), stored.get(2).outcomes());
  }

  @Test
  void record_keepsTheStepGoing_whenTheFactsCannotBeStored() {
    // GIVEN a facts table that fails
    SlaFactsStore broken =
        new SlaFactsStore() {
          @Override
          public void put(SlaFacts facts) {
            throw new IllegalStateException("throttled");
          }

          @Override
          public List<SlaFacts> receivedOn(LocalDate day) {
            return List.of();
          }
        };
    LeadHistory recorder = new SlaFactsRecorder(history, broken, team -> Optional.empty());

    // WHEN an offer is recorded
    recorder.record("lead-1", offered());

    // THEN the history has it and no error reached the step
    assertTrue(history.events.contains(offered()));
  }

  @Test
  void recordWithFacts_writesTheEntryWithTheFactsOfTheWholeHistory_inOneWrite() {
    // GIVEN a lead offered, and a store that writes an entry with its facts
    List<HistoryEvent> writtenWith = new ArrayList<>();
    SlaFactsStore together = together(writtenWith, true);
    LeadHistory recorder = new SlaFactsRecorder(history, together, team -> Optional.empty());
    recorder.record("lead-1", offered());

    // WHEN its rep is reminded
    recorder.recordWithFacts("lead-1", reminded());

    // THEN the entry went with the facts, which count the reminder as the whole history does
    assertEquals(List.of(reminded()), writtenWith);
    assertEquals(List.of(offered()), history.events, "not written a second time");
    SlaFacts last = stored.get(stored.size() - 1);
    assertEquals(1, last.remindersSent());
    assertEquals(
        SlaFactsFromHistory.of("lead-1", List.of(offered(), reminded()), team -> Optional.empty()),
        last);
  }

  @Test
  void recordWithFacts_whenTheWriteIsRefused_recordsTheEntryAsRecordDoes() {
    // GIVEN a store whose write of an entry with facts is refused (a conflict)
    List<HistoryEvent> writtenWith = new ArrayList<>();
    LeadHistory recorder =
        new SlaFactsRecorder(history, together(writtenWith, false), team -> Optional.empty());
    recorder.record("lead-1", offered());

    // WHEN its rep is reminded
    recorder.recordWithFacts("lead-1", reminded());

    // THEN the entry is in the history, and the facts were brought up to date after it
    assertEquals(List.of(offered(), reminded()), history.events);
    assertEquals(1, stored.get(stored.size() - 1).remindersSent());
  }

  /** A facts store that writes an entry with its facts into {@code history}, or refuses to. */
  private SlaFactsStore together(List<HistoryEvent> writtenWith, boolean accepts) {
    SlaFactsStore plain = store();
    return new SlaFactsStore() {
      @Override
      public void put(SlaFacts facts) {
        plain.put(facts);
      }

      @Override
      public boolean putWith(String leadId, HistoryEvent entry, SlaFacts facts) {
        if (!accepts) {
          return false;
        }
        writtenWith.add(entry);
        stored.add(facts);
        return true;
      }

      @Override
      public List<SlaFacts> receivedOn(LocalDate day) {
        return plain.receivedOn(day);
      }
    };
  }

  private static HistoryEvent reminded() {
    return new HistoryEvent(
        T0.plusSeconds(450),
        "OFFER_REMINDED",
        "Ana was reminded (reminder 1)",
        Map.of("offerId", "o1", "attempt", "1", "repId", "ana", "reminder", "1"));
  }

  private SlaFactsStore store() {
    return new SlaFactsStore() {
      @Override
      public void put(SlaFacts facts) {
        stored.add(facts);
      }

      @Override
      public List<SlaFacts> receivedOn(LocalDate day) {
        return List.copyOf(stored);
      }
    };
  }

  private static HistoryEvent offered() {
    return new HistoryEvent(
        T0,
        "OFFERED",
        "Offered to Ana",
        Map.of(
            "offerId", "o1",
            "attempt", "1",
            "repId", "ana",
            "teamId", "inbound",
            "deadline", T0.plusSeconds(900).toString()));
  }

  private static final class InMemoryHistory implements LeadHistory {
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
