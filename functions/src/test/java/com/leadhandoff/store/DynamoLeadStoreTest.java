package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoLeadStoreTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore store =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));

  private static Lead lead(String id) {
    Submission submission =
        new Submission(
            "ana@acme.io",
            "Ana",
            null,
            "Acme",
            null,
            null,
            "DE",
            250,
            null,
            null,
            "demo",
            null,
            null,
            null,
            List.of("/pricing"));
    return Lead.received(id, Instant.parse("2026-11-23T10:00:00Z"), submission);
  }

  @Test
  void createdLead_readsBackEqual_andCannotBeCreatedTwice() {
    assertTrue(store.create(lead("L1")));
    assertFalse(store.create(lead("L1")));
    assertEquals(lead("L1"), store.find("L1").orElseThrow());
  }

  @Test
  void score_isStoredWithItsReasons() {
    store.create(lead("L2"));
    Score score =
        new Score(
            72, Score.Tier.WARM, true, List.of(new Score.Reason("demo", "Asked for a demo", 40)));
    store.saveScore("L2", score, LeadStatus.ROUTING);
    Lead stored = store.find("L2").orElseThrow();
    assertEquals(score, stored.score().orElseThrow());
    assertEquals(LeadStatus.ROUTING, stored.status());
  }

  @Test
  void secondOwnerClaim_losesToTheFirst() {
    store.create(lead("L3"));
    Owner rep = new Owner("rep-1", "Ana Ruiz", "ana@sales.test", Owner.Role.REP);
    Owner manager = new Owner("m@sales.test", "Mo", "m@sales.test", Owner.Role.MANAGER);
    assertTrue(store.claimOwner("L3", rep, LeadStatus.ACCEPTED));
    assertFalse(store.claimOwner("L3", manager, LeadStatus.ESCALATED));
    assertEquals(rep, store.find("L3").orElseThrow().owner().orElseThrow());
  }

  @Test
  void history_readsBackInTimeOrder() {
    Instant t = Instant.parse("2026-11-23T10:00:00Z");
    history.record("L4", new HistoryEvent(t.plusMillis(1500), "B", "second", Map.of()));
    history.record("L4", new HistoryEvent(t, "A", "first", Map.of("k", "v")));
    assertEquals(List.of("A", "B"), history.of("L4").stream().map(HistoryEvent::type).toList());
  }
}
