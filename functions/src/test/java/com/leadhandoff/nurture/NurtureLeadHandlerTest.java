package com.leadhandoff.nurture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.ownership.AddressRelease;
import com.leadhandoff.scoring.ScoringModel;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.scoring.SubmissionBuilder;
import com.leadhandoff.scoring.UnknownLeadException;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NurtureLeadHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:16:00Z");
  private static final String EVENT = Fixtures.event("nurture-lead.json");
  private static final ScoringModel MODEL = ScoringModels.bundled();

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoAddressClaims claims =
      new DynamoAddressClaims(TestDynamo.client(), tables.get("AddressClaimsTable"));
  private final MutableClock clock = new MutableClock(NOW);
  private final NurtureLeadHandler handler =
      new NurtureLeadHandler(leads, history, MODEL, clock, new AddressRelease(leads, claims));
  private final String leadId = leadIdOf(EVENT);

  private static String leadIdOf(String event) {
    try {
      return Json.MAPPER.readTree(event).get("leadId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scored lead whose status was not moved on yet, so the test sees the handler set it. */
  private void scored(Submission submission) {
    leads.create(Lead.received(leadId, NOW.minusSeconds(60), submission));
    leads.saveScore(leadId, MODEL.score(submission), LeadStatus.RECEIVED);
  }

  private JsonNode run() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toByteArray());
  }

  private List<HistoryEvent> nurtured() {
    return history.of(leadId).stream().filter(e -> e.type().equals("NURTURED")).toList();
  }

  @Test
  void unqualifiedLead_isHandedToMarketingWithTheReason() throws IOException {
    // GIVEN a Gmail student who signed up for the newsletter, scored 0 (and already acknowledged)
    scored(SubmissionBuilder.studentOnNewsletter().build());

    // WHEN Nurture Lead runs
    JsonNode result = run();

    // THEN the lead is marketing's, with the reason on record
    assertEquals(LeadStatus.NURTURE, leads.find(leadId).orElseThrow().status());
    HistoryEvent event = nurtured().get(0);
    assertEquals(NOW, event.at());
    assertEquals(
        "scored 0, below the MQL threshold 60; rules: core-market +10, free-email -20,"
            + " student-title -30",
        event.details().get("reason"));
    assertTrue(result.get("nurtured").booleanValue());
  }

  @Test
  void retry_afterTheLeadWasNurtured_recordsNothingAgain() throws IOException {
    // GIVEN a lead that was nurtured once
    scored(SubmissionBuilder.studentOnNewsletter().build());
    run();

    // WHEN the step is retried
    JsonNode retry = run();

    // THEN the history has one entry
    assertEquals(1, nurtured().size());
    assertFalse(retry.get("nurtured").booleanValue());
  }

  @Test
  void sameInvocationTwice_handsTheLeadBackOnce_andChangesNothingMore() throws IOException {
    // GIVEN an unqualified lead holding the claim on its address, just before Nurture Lead
    Submission student = SubmissionBuilder.studentOnNewsletter().build();
    scored(student);
    claims.claim(student.email(), leadId, NOW.plus(Duration.ofDays(90)));

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = run();
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = run();

    // THEN the second changes no item: one NURTURED entry, the same status, the address free
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(1, nurtured().size());
    assertEquals(NOW, nurtured().get(0).at());
    assertEquals(LeadStatus.NURTURE, leads.find(leadId).orElseThrow().status());
    assertEquals(Optional.empty(), claims.find(student.email()));
    // AND it answers for the same lead, saying an earlier attempt did the work (the state machine
    // discards this result: Nurture Lead's ResultPath is null)
    assertEquals(first.get("leadId"), second.get("leadId"));
    assertTrue(first.get("nurtured").booleanValue());
    assertFalse(second.get("nurtured").booleanValue());
  }

  @Test
  void nurturedLead_releasesItsAddress_soTheNextSubmissionStartsAfresh() throws IOException {
    // GIVEN an unqualified lead holding the claim on its address
    Submission student = SubmissionBuilder.studentOnNewsletter().build();
    scored(student);
    claims.claim(student.email(), leadId, NOW.plus(Duration.ofDays(90)));

    // WHEN Nurture Lead runs, and is retried
    run();
    run();

    // THEN nobody holds the address any more
    assertEquals(Optional.empty(), claims.find(student.email()));
  }

  @Test
  void nurturedLead_leavesAClaimALaterLeadTookOver() throws IOException {
    // GIVEN a later lead that took the address over while this one was bound for nurture
    Submission student = SubmissionBuilder.studentOnNewsletter().build();
    scored(student);
    claims.claim(student.email(), "lead-later", NOW.plus(Duration.ofDays(90)));

    // WHEN this one is nurtured
    run();

    // THEN the later lead still holds the address
    assertEquals("lead-later", claims.find(student.email()).orElseThrow().holderLeadId());
  }

  @Test
  void qualifiedLead_isRefused_andNotHandedBack() {
    scored(SubmissionBuilder.vpAskingForDemo().build());

    IllegalStateException e = assertThrows(IllegalStateException.class, this::run);

    assertTrue(e.getMessage().contains(leadId), e::getMessage);
    assertEquals(LeadStatus.RECEIVED, leads.find(leadId).orElseThrow().status());
  }

  @Test
  void unknownLead_failsNamingTheLead_andRecordsNothing() {
    UnknownLeadException e = assertThrows(UnknownLeadException.class, this::run);

    assertTrue(e.getMessage().contains(leadId), e::getMessage);
    assertEquals(List.of(), history.of(leadId));
  }
}
