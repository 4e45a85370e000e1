package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.TestDynamo;
import com.leadhandoff.unsubscribe.Unsubscribes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class DynamoLeadHistoryTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
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

  @Test
  void recordAll_writesTheEntriesInOneTransaction_inTheirOrderAtTheSameInstant() {
    // GIVEN a history whose requests are counted
    List<String> requests = new ArrayList<>();
    DynamoLeadHistory counted =
        new DynamoLeadHistory(CountedDynamo.of(tables, requests), tables.get("HistoryTable"));
    counted.record(leadId, event("2026-11-23T10:00:00Z", "SCORED"));

    // WHEN two entries of one instant are recorded together, many times over (a random suffix
    // alone would put the second first about half the time)
    for (int i = 0; i < 20; i++) {
      counted.recordAll(
          leadId,
          List.of(
              event("2026-11-23T10:01:00Z", "ACKNOWLEDGED"),
              event("2026-11-23T10:01:00Z", "ROUTED")));
    }

    // THEN one request each, and the history reads them in the order given, every time
    assertEquals("PutItem HistoryTable", requests.get(0));
    assertEquals(
        List.of("TransactWriteItems HistoryTable"), requests.stream().skip(1).distinct().toList());
    assertEquals(21, requests.size());
    List<String> types = counted.of(leadId).stream().map(HistoryEvent::type).toList();
    assertEquals(41, types.size());
    for (int i = 1; i < types.size(); i += 2) {
      assertEquals(List.of("ACKNOWLEDGED", "ROUTED"), types.subList(i, i + 2), types.toString());
    }
  }

  @Test
  void claimWith_takesTheClaimAndMakesTheChange_inOneTransaction_once() {
    // GIVEN a history whose requests are counted, and an unsubscribe link to store with a claim
    List<String> requests = new ArrayList<>();
    DynamoLeadHistory counted =
        new DynamoLeadHistory(CountedDynamo.of(tables, requests), tables.get("HistoryTable"));
    DynamoUnsubscribes links =
        new DynamoUnsubscribes(TestDynamo.client(), tables.get("UnsubscribesTable"));
    Instant at = Instant.parse("2026-11-23T10:00:00Z");

    // WHEN the claim is taken with the first link, then tried again with a second one
    boolean first =
        counted.claimWith(
            leadId,
            "email#acknowledgement",
            links.issuing("hash-1", new Unsubscribes.Link("p@x.example", leadId), at));
    boolean second =
        counted.claimWith(
            leadId,
            "email#acknowledgement",
            links.issuing("hash-2", new Unsubscribes.Link("p@x.example", leadId), at));

    // THEN the first took the claim and stored its link in one request; the second got neither
    assertTrue(first);
    assertFalse(second);
    assertEquals(
        List.of(
            "TransactWriteItems HistoryTable+UnsubscribesTable",
            "TransactWriteItems HistoryTable+UnsubscribesTable"),
        requests);
    assertEquals(Optional.of(new Unsubscribes.Link("p@x.example", leadId)), links.find("hash-1"));
    assertEquals(Optional.empty(), links.find("hash-2"));
    assertFalse(history.claim(leadId, "email#acknowledgement"));
  }

  @Test
  void claimWith_aRefusedChange_isThrown_andLeavesTheClaimFree() {
    // GIVEN a link already stored under the hash
    DynamoUnsubscribes links =
        new DynamoUnsubscribes(TestDynamo.client(), tables.get("UnsubscribesTable"));
    Instant at = Instant.parse("2026-11-23T10:00:00Z");
    links.issue("hash-1", new Unsubscribes.Link("p@x.example", leadId), at);

    // WHEN the claim is taken with a second link under the same hash
    assertThrows(
        TransactionCanceledException.class,
        () ->
            history.claimWith(
                leadId,
                "email#acknowledgement",
                links.issuing("hash-1", new Unsubscribes.Link("q@x.example", leadId), at)));

    // THEN neither was written: the claim is still free
    assertEquals(Optional.of(new Unsubscribes.Link("p@x.example", leadId)), links.find("hash-1"));
    assertTrue(history.claim(leadId, "email#acknowledgement"));
  }

  @Test
  void recordOnce_manyWritersAtOnce_leaveOneEntry_writtenWithItsClaimInOneRequest()
      throws Exception {
    // GIVEN eight writers that each found the acceptance unrecorded (an accept and the reminders
    // finishing it), with the same entry to write
    List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    DynamoLeadHistory counted =
        new DynamoLeadHistory(CountedDynamo.of(tables, requests), tables.get("HistoryTable"));
    HistoryEvent accepted = event("2026-11-23T10:05:00Z", "OFFER_ACCEPTED");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      writers.add(() -> counted.recordOnce(leadId, "accepted#offer-1", accepted));
    }

    // WHEN they all write it at once
    List<Boolean> wrote = new ArrayList<>();
    try {
      for (Future<Boolean> f : pool.invokeAll(writers)) {
        wrote.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    // THEN exactly one wrote it, each in one request, and the history has it once
    assertEquals(1, wrote.stream().filter(Boolean::booleanValue).count(), wrote.toString());
    assertEquals(8, requests.size(), requests.toString());
    assertTrue(
        requests.stream().allMatch("TransactWriteItems HistoryTable"::equals), requests.toString());
    assertEquals(
        List.of("OFFER_ACCEPTED"), history.of(leadId).stream().map(HistoryEvent::type).toList());
    // AND another acceptance (another offer) is its own claim
    assertTrue(
        history.recordOnce(
            leadId, "accepted#offer-2", event("2026-11-23T11:00:00Z", "OFFER_ACCEPTED")));
  }

  private static HistoryEvent event(String at, String type) {
    return new HistoryEvent(Instant.parse(at), type, type.toLowerCase(), Map.of());
  }
}
