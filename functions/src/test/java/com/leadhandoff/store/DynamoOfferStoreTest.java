package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.offer.OfferStore.Placement;
import com.leadhandoff.offer.OfferStore.Reminded;
import com.leadhandoff.offer.OfferStore.Reminding;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsFromHistory;
import com.leadhandoff.testing.TestDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoOfferStoreTest {
  private static final Instant OFFERED = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant DEADLINE = OFFERED.plus(Duration.ofMinutes(15));

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoOfferStore offers =
      DynamoOfferStore.withEmailClaims(
          TestDynamo.client(), tables.get("OffersTable"), tables.get("HistoryTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));

  private static Offer offer(String offerId, String tokenHash) {
    return new Offer(
        "L1",
        offerId,
        1,
        "team",
        "rep-1",
        "Ana",
        "ana@sales.test",
        tokenHash,
        "task-token",
        OFFERED,
        DEADLINE,
        OfferStatus.OPEN,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void placeNew_storesTheOfferAndTakesTheClaim_together() {
    Placement placed = offers.placeNew(offer("001", "h"), "email#offer#001#abc");

    assertEquals(new Placement(true, Optional.empty()), placed);
    assertEquals(offer("001", "h"), offers.find("L1", "001").orElseThrow());
    assertFalse(history.claim("L1", "email#offer#001#abc"), "the claim is held");
  }

  @Test
  void placeNew_overAnEarlierOffer_returnsIt_andWritesNothing() {
    // GIVEN an offer stored (its claim given up: the email was refused)
    offers.placeNew(offer("001", "first"), "email#offer#001#abc");
    history.release("L1", "email#offer#001#abc");

    // WHEN another try places an offer under the same id
    Placement again = offers.placeNew(offer("001", "second"), "email#offer#001#abc");

    // THEN it gets the earlier offer back, which stays, and the claim stays free
    assertEquals(new Placement(false, Optional.of(offer("001", "first"))), again);
    assertEquals("first", offers.find("L1", "001").orElseThrow().tokenHash());
    assertTrue(history.claim("L1", "email#offer#001#abc"), "the claim was not taken");
  }

  @Test
  void placeNew_whenTheClaimIsHeld_storesNoOffer() {
    assertTrue(history.claim("L1", "email#offer#001#abc"));

    Placement placed = offers.placeNew(offer("001", "h"), "email#offer#001#abc");

    assertEquals(new Placement(false, Optional.empty()), placed);
    assertTrue(offers.find("L1", "001").isEmpty());
  }

  @Test
  void placeRecorded_thenUnsent_withdrawsTheEntryAndTheFirstFacts_andGivesTheClaimUp() {
    // GIVEN an offer placed with its entry and the lead's first facts
    DynamoOfferStore recording = recordingStore();
    HistoryEvent entry = entry();
    SlaFacts first = SlaFactsFromHistory.of("L1", List.of(entry), team -> Optional.empty());
    Placement placed =
        recording.placeRecorded(
            offer("001", "h"), "email#offer#001#abc", entry, Optional.of(first));
    assertEquals(new Placement(true, Optional.empty(), true), placed);
    assertEquals(List.of(entry), history.of("L1"));
    assertEquals(List.of(first), facts().receivedOn(day()));

    // WHEN its email is refused
    recording.unsent(offer("001", "h"), "email#offer#001#abc", Optional.of(first));

    // THEN the entry and the facts are gone from what readers see, and the claim is free
    assertEquals(List.of(), history.of("L1"));
    assertEquals(List.of(), facts().receivedOn(day()));
    assertTrue(history.claim("L1", "email#offer#001#abc"));
    // AND the offer stays for the retry, and nothing can note the withdrawn entry
    assertTrue(offers.find("L1", "001").isPresent());
    assertFalse(recording.noteUnconfirmed(offer("001", "h"), "noted"));
  }

  @Test
  void unsent_afterTheFactsChanged_leavesThemAsTheyAre() {
    // GIVEN an offer placed with the first facts, which a refresh from the whole history replaced
    DynamoOfferStore recording = recordingStore();
    HistoryEvent entry = entry();
    SlaFacts first = SlaFactsFromHistory.of("L1", List.of(entry), team -> Optional.empty());
    recording.placeRecorded(offer("001", "h"), "email#offer#001#abc", entry, Optional.of(first));
    HistoryEvent outcome =
        new HistoryEvent(
            OFFERED.plusMillis(5), "OUTCOME_RECORDED", "SQL", Map.of("outcome", "SQL"));
    SlaFacts refreshed =
        SlaFactsFromHistory.of("L1", List.of(entry, outcome), team -> Optional.empty());
    facts().put(refreshed);

    // WHEN the offer's email is refused
    recording.unsent(offer("001", "h"), "email#offer#001#abc", Optional.of(first));

    // THEN the entry is withdrawn and the claim free, but the newer facts are not overwritten
    assertEquals(List.of(), history.of("L1"));
    assertTrue(history.claim("L1", "email#offer#001#abc"));
    assertEquals(List.of(refreshed), facts().receivedOn(day()));
  }

  @Test
  void placeRecorded_forALeadWithFacts_placesTheOfferAndEntry_withoutThem() {
    DynamoOfferStore recording = recordingStore();
    HistoryEvent outcome =
        new HistoryEvent(
            OFFERED.minusSeconds(5), "OUTCOME_RECORDED", "SQL", Map.of("outcome", "SQL"));
    SlaFacts existing = SlaFactsFromHistory.of("L1", List.of(outcome), team -> Optional.empty());
    facts().put(existing);

    Placement placed =
        recording.placeRecorded(
            offer("001", "h"),
            "email#offer#001#abc",
            entry(),
            Optional.of(SlaFactsFromHistory.of("L1", List.of(entry()), team -> Optional.empty())));

    assertEquals(new Placement(true, Optional.empty(), false), placed);
    assertEquals(List.of(existing), facts().receivedOn(day()));
    assertEquals(List.of(entry()), history.of("L1"));
    assertFalse(history.claim("L1", "email#offer#001#abc"), "the claim is held");
  }

  @Test
  void noteUnconfirmed_changesTheEntrysSummary_inPlace() {
    DynamoOfferStore recording = recordingStore();
    recording.placeRecorded(offer("001", "h"), "email#offer#001#abc", entry(), Optional.empty());

    assertTrue(recording.noteUnconfirmed(offer("001", "h"), "Offered; may not have arrived"));
    assertTrue(recording.noteUnconfirmed(offer("001", "h"), "Offered; may not have arrived"));

    List<HistoryEvent> events = history.of("L1");
    assertEquals(1, events.size());
    assertEquals("Offered; may not have arrived", events.get(0).summary());
    assertEquals(entry().details(), events.get(0).details());
  }

  private DynamoOfferStore recordingStore() {
    return DynamoOfferStore.withRecords(
        TestDynamo.client(),
        tables.get("OffersTable"),
        tables.get("HistoryTable"),
        Optional.of(tables.get("SlaFactsTable")));
  }

  private DynamoSlaFactsStore facts() {
    return new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"));
  }

  private static java.time.LocalDate day() {
    return OFFERED.atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  private static HistoryEvent entry() {
    return new HistoryEvent(
        OFFERED,
        "OFFERED",
        "Offered to Ana (attempt 1)",
        Map.of(
            "offerId", "001",
            "attempt", "1",
            "teamId", "team",
            "repId", "rep-1",
            "deadline", DEADLINE.toString()));
  }

  @Test
  void placeNew_needsTheHistoryTable_forTheClaim() {
    DynamoOfferStore withoutClaims =
        new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable"));

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> withoutClaims.placeNew(offer("001", "h"), "email#offer#001#abc"));
    assertTrue(e.getMessage().contains("withEmailClaims"), e.getMessage());
    assertTrue(offers.find("L1", "001").isEmpty());
  }

  @Test
  void remindReading_givesTheOfferFromTheWriteItself_openOrClosed() {
    // GIVEN an open offer
    offers.put(offer("001", "h"));

    // WHEN it is reminded, it comes back as it was before the reminder's write
    Reminding first = offers.remindReading("L1", "001", 1, "reminder-token");
    assertEquals(new Reminding(Reminded.FIRST, Optional.of(offer("001", "h"))), first);

    // AND once accepted, a reminder changes nothing and gives the accepted offer
    offers.accept("L1", "001", DEADLINE.minusSeconds(1));
    Reminding closed = offers.remindReading("L1", "001", 2, "late-token");
    assertEquals(Reminded.CLOSED, closed.reminded());
    assertEquals(OfferStatus.ACCEPTED, closed.before().orElseThrow().status());
    assertEquals("reminder-token", closed.before().orElseThrow().taskToken());
    assertEquals(
        new Reminding(Reminded.CLOSED, Optional.empty()),
        offers.remindReading("L1", "404", 1, "t"));
  }

  @Test
  void offer_isFoundByItsTokenHash() {
    offers.put(offer("001", "hash-a"));
    assertEquals(offer("001", "hash-a"), offers.findByTokenHash("hash-a").orElseThrow());
    assertTrue(offers.findByTokenHash("hash-b").isEmpty());
  }

  @Test
  void acceptBeforeDeadline_closesOnce() {
    offers.put(offer("001", "h"));
    assertTrue(offers.accept("L1", "001", DEADLINE.minusSeconds(1)));
    assertFalse(offers.accept("L1", "001", DEADLINE.minusSeconds(1)));
    assertFalse(offers.expire("L1", "001", DEADLINE));
    assertEquals(OfferStatus.ACCEPTED, offers.find("L1", "001").orElseThrow().status());
  }

  @Test
  void acceptAtOrAfterDeadline_changesNothing() {
    offers.put(offer("001", "h"));
    assertFalse(offers.accept("L1", "001", DEADLINE));
    assertEquals(OfferStatus.OPEN, offers.find("L1", "001").orElseThrow().status());
  }

  @Test
  void decline_keepsTheReason_andBlocksALaterExpiry() {
    offers.put(offer("001", "h"));
    assertTrue(offers.decline("L1", "001", "not my territory", OFFERED.plusSeconds(60)));
    assertFalse(offers.expire("L1", "001", DEADLINE));
    Offer declined = offers.find("L1", "001").orElseThrow();
    assertEquals(Optional.of("not my territory"), declined.declineReason());
    assertEquals(Optional.of(OFFERED.plusSeconds(60)), declined.answeredAt());
  }

  @Test
  void answeredOffer_cannotBeReplaced_andOffersListInAttemptOrder() {
    offers.put(offer("002", "h2"));
    offers.put(offer("001", "h1"));
    offers.expire("L1", "001", DEADLINE);
    assertThrows(IllegalStateException.class, () -> offers.put(offer("001", "h3")));
    assertEquals(
        java.util.List.of("001", "002"),
        offers.forLead("L1").stream().map(Offer::offerId).toList());
  }

  @Test
  void remind_movesTheTaskTokenOfAnOpenOffer_andTellsARetryFromAFirstReminder() {
    offers.put(offer("001", "h"));

    assertEquals(Reminded.FIRST, offers.remind("L1", "001", 1, "token-r1"));
    assertEquals(Reminded.REPEATED, offers.remind("L1", "001", 1, "token-r1-retry"));
    assertEquals(Reminded.FIRST, offers.remind("L1", "001", 2, "token-r2"));

    Offer offer = offers.find("L1", "001").orElseThrow();
    assertEquals("token-r2", offer.taskToken());
    assertEquals(OfferStatus.OPEN, offer.status());
    assertEquals("h", offer.tokenHash(), "the rep's link stays the same");
  }

  @Test
  void remind_leavesAnAnsweredOrMissingOfferAlone() {
    offers.put(offer("001", "h"));
    offers.accept("L1", "001", OFFERED.plusSeconds(60));

    assertEquals(Reminded.CLOSED, offers.remind("L1", "001", 1, "token-r1"));
    assertEquals(Reminded.CLOSED, offers.remind("L1", "999", 1, "token-r1"));
    assertEquals("task-token", offers.find("L1", "001").orElseThrow().taskToken());
    assertTrue(offers.find("L1", "999").isEmpty());
  }
}
