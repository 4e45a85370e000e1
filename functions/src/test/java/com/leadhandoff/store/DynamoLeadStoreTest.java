package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadParkedException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  void parkedLead_isNotMovedBackIntoTheFlow_byAStepStillRunning() {
    // GIVEN a lead the watchdog parked while its workflow was still running
    String id = "L-parked-" + System.nanoTime();
    store.create(lead(id));
    assertTrue(store.setStatusIf(id, LeadStatus.RECEIVED, LeadStatus.NEEDS_ATTENTION));
    Score score = new Score(80, Score.Tier.HOT, true, List.of());

    // WHEN the workflow's next steps try to score, route or own it
    LeadParkedException scored =
        assertThrows(
            LeadParkedException.class, () -> store.saveScore(id, score, LeadStatus.ROUTING));
    assertThrows(LeadParkedException.class, () -> store.setStatus(id, LeadStatus.ACCEPTED));
    boolean owned =
        store.claimOwner(
            id,
            new Owner("m@x.example", "M", "m@x.example", Owner.Role.MANAGER),
            LeadStatus.ESCALATED);

    // THEN it stays parked, without an owner, and the refusal says why
    assertFalse(owned);
    Lead after = store.find(id).orElseThrow();
    assertEquals(LeadStatus.NEEDS_ATTENTION, after.status());
    assertTrue(after.owner().isEmpty());
    assertTrue(after.score().isEmpty());
    assertTrue(scored.getMessage().contains("parked as NEEDS_ATTENTION"), scored.getMessage());
    // AND a status it no longer has is refused by the conditional move, as the watchdog relies on
    assertFalse(store.setStatusIf(id, LeadStatus.RECEIVED, LeadStatus.NEEDS_ATTENTION));
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

  private static Lead from(String id, String email, String receivedAt) {
    Lead template = lead(id);
    Submission s = template.submission();
    return Lead.received(
        id,
        Instant.parse(receivedAt),
        new Submission(
            email,
            s.firstName(),
            s.lastName(),
            s.company(),
            s.jobTitle(),
            s.phone(),
            s.country(),
            s.companySize(),
            s.industry(),
            s.message(),
            s.formId(),
            s.utmSource(),
            s.utmMedium(),
            s.utmCampaign(),
            s.pagesViewed()));
  }

  @Test
  void leadsOfAnAddress_areFoundInAnyLetterCase_newestFirst_fromTheGivenInstant() {
    store.create(from("E1", "Ana@Acme.io", "2026-08-01T10:00:00Z"));
    store.create(from("E2", "ana@acme.io", "2026-11-20T10:00:00Z"));
    store.create(from("E3", "ana@ACME.IO", "2026-11-23T10:00:00Z"));
    store.create(from("E4", "ben@acme.io", "2026-11-23T11:00:00Z"));

    List<Lead> found = store.withEmail("ANA@acme.io", Instant.parse("2026-09-01T00:00:00Z"));

    assertEquals(List.of("E3", "E2"), found.stream().map(Lead::leadId).toList());
  }

  @Test
  void leadsOfADomain_areFilteredByStatus_newestFirst_upToTheLimit() {
    store.create(from("D1", "ana@acme.io", "2026-11-20T10:00:00Z"));
    store.create(from("D2", "ben@ACME.io", "2026-11-21T10:00:00Z"));
    store.create(from("D3", "cy@acme.io", "2026-11-22T10:00:00Z"));
    store.create(from("D4", "dee@other.io", "2026-11-22T10:00:00Z"));
    store.setStatus("D2", LeadStatus.NURTURE);
    Instant since = Instant.parse("2026-11-01T00:00:00Z");

    assertEquals(
        List.of("D3", "D1"),
        store.fromDomain("acme.io", since, Set.of(LeadStatus.RECEIVED), 10).stream()
            .map(Lead::leadId)
            .toList());
    assertEquals(
        List.of("D3"),
        store.fromDomain("acme.io", since, Set.of(LeadStatus.RECEIVED), 1).stream()
            .map(Lead::leadId)
            .toList());
    assertEquals(
        List.of("D2"),
        store.fromDomain("ACME.io", since, Set.of(LeadStatus.NURTURE), 10).stream()
            .map(Lead::leadId)
            .toList());
  }

  @Test
  void mergedLead_pointsAtTheOpenLead_onceAndForAll() {
    store.create(lead("M1"));

    assertTrue(store.markMerged("M1", "OPEN-1"));
    assertTrue(store.markMerged("M1", "OPEN-1"), "again with the same target: harmless");
    assertFalse(store.markMerged("M1", "OPEN-2"), "never into a second lead");
    Lead merged = store.find("M1").orElseThrow();
    assertEquals(LeadStatus.MERGED, merged.status());
    assertEquals(java.util.Optional.of("OPEN-1"), merged.mergedInto());

    store.create(lead("M2"));
    store.claimOwner(
        "M2", new Owner("ana", "Ana", "ana@s.io", Owner.Role.REP), LeadStatus.ACCEPTED);
    assertFalse(store.markMerged("M2", "OPEN-1"), "an owned lead is never merged away");
  }
}
