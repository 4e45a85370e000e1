package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsFromHistory;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoSlaFactsStoreTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-11-23");

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoSlaFactsStore facts =
      new DynamoSlaFactsStore(
          TestDynamo.client(), tables.get("SlaFactsTable"), tables.get("HistoryTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));

  @Test
  void putFirstWith_writesTheEntryAndTheFacts_whenTheLeadHasNone() {
    assertTrue(facts.putFirstWith("L1", offered(), factsOf(offered())));

    assertEquals(List.of(offered()), history.of("L1"));
    assertEquals(List.of(factsOf(offered())), facts.receivedOn(DAY));
  }

  @Test
  void putFirstWith_writesNeither_whenTheLeadHasFactsAlready() {
    // GIVEN facts stored for the lead
    HistoryEvent outcome =
        new HistoryEvent(
            RECEIVED.plusSeconds(5), "OUTCOME_RECORDED", "SQL", Map.of("outcome", "SQL"));
    facts.put(factsOf(outcome));

    // WHEN first facts are put with an entry
    boolean written = facts.putFirstWith("L1", offered(), factsOf(offered()));

    // THEN nothing changed: the caller records the entry as any other
    assertFalse(written);
    assertTrue(history.of("L1").isEmpty());
    assertEquals(List.of(factsOf(outcome)), facts.receivedOn(DAY));
  }

  @Test
  void putFirstWith_withoutTheHistoryTable_writesNothing() {
    DynamoSlaFactsStore factsOnly =
        new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"));

    assertFalse(factsOnly.putFirstWith("L1", offered(), factsOf(offered())));
    assertTrue(facts.receivedOn(DAY).isEmpty());
  }

  private static HistoryEvent offered() {
    return new HistoryEvent(
        RECEIVED.plusSeconds(60),
        "OFFERED",
        "Offered to Ana",
        Map.of(
            "offerId", "001",
            "attempt", "1",
            "repId", "ana",
            "teamId", "t",
            "deadline", RECEIVED.plusSeconds(960).toString()));
  }

  private static SlaFacts factsOf(HistoryEvent event) {
    return SlaFactsFromHistory.of(
        "L1",
        List.of(new HistoryEvent(RECEIVED, "RECEIVED", "Received", Map.of()), event),
        team -> Optional.empty());
  }
}
