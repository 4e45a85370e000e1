package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DynamoLeadHistoryTest {
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), TestDynamo.tables().get("HistoryTable"));
  private final String leadId = "lead-" + System.nanoTime();

  @Test
  void claim_isGrantedOnce_andNeverShowsInTheHistory() {
    history.record(leadId, event("2026-11-23T10:00:00Z", "RECEIVED"));

    assertTrue(history.claim(leadId, "email#intro"));
    assertFalse(history.claim(leadId, "email#intro"));
    assertTrue(history.claim(leadId, "email#accepted"));
    history.record(leadId, event("2026-11-23T10:05:00Z", "FOLLOWED_UP"));

    assertEquals(
        List.of("RECEIVED", "FOLLOWED_UP"),
        history.of(leadId).stream().map(HistoryEvent::type).toList());
  }

  @Test
  void releasedClaim_canBeTakenAgain_once() {
    assertTrue(history.claim(leadId, "email#offer#001#ab"));
    history.release(leadId, "email#offer#001#ab");

    assertTrue(history.claim(leadId, "email#offer#001#ab"));
    assertFalse(history.claim(leadId, "email#offer#001#ab"));
  }

  @Test
  void claimsOfOneLead_doNotTouchAnother() {
    assertTrue(history.claim(leadId, "email#intro"));
    assertTrue(history.claim(leadId + "-other", "email#intro"));
  }

  @Test
  void twentyTriesAtOnce_oneClaimWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        tries.add(() -> history.claim(leadId, "email#escalation"));
      }
      int won = 0;
      for (Future<Boolean> f : pool.invokeAll(tries)) {
        won += f.get() ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  private static HistoryEvent event(String at, String type) {
    return new HistoryEvent(Instant.parse(at), type, type.toLowerCase(), Map.of());
  }
}
