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
import com.leadhandoff.ownership.AddressRelease;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecycleLeadHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:31:00Z");
  private static final String EVENT = Fixtures.event("recycle-lead.json");

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoAddressClaims claims =
      new DynamoAddressClaims(TestDynamo.client(), tables.get("AddressClaimsTable"));
  private final MutableClock clock = new MutableClock(NOW);
  private final RecycleLeadHandler handler =
      new RecycleLeadHandler(leads, history, clock, new AddressRelease(leads, claims));
  private final String leadId = field(EVENT, "leadId");

  private static String field(String json, String name) {
    try {
      return Json.MAPPER.readTree(json).get(name).asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void routing() {
    var submission = SubmissionBuilder.vpAskingForDemo().build();
    leads.create(Lead.received(leadId, NOW.minusSeconds(600), submission));
    leads.saveScore(leadId, ScoringModels.bundled().score(submission), LeadStatus.ROUTING);
  }

  private JsonNode run(String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toByteArray());
  }

  private List<HistoryEvent> recycled() {
    return history.of(leadId).stream()
        .filter(e -> e.type().equals(RecycleLeadHandler.RECYCLED))
        .toList();
  }

  @Test
  void declinedAsSpam_leadGoesBackToMarketing_withTheRepsReason() throws IOException {
    // GIVEN a lead being offered to reps
    routing();

    // WHEN Recycle Lead runs with the rep's reason
    JsonNode result = run(EVENT);

    // THEN marketing has it back, and its history says why
    assertEquals(LeadStatus.RECYCLED, leads.find(leadId).orElseThrow().status());
    HistoryEvent event = recycled().get(0);
    assertEquals(NOW, event.at());
    assertEquals(field(EVENT, "reason"), event.details().get("reason"));
    assertTrue(event.summary().startsWith("Handed back to marketing: Spam:"), event.summary());
    assertTrue(result.get("recycled").booleanValue());
  }

  @Test
  void retry_recordsNothingTwice() throws IOException {
    routing();
    run(EVENT);

    JsonNode retry = run(EVENT);

    assertEquals(1, recycled().size());
    assertFalse(retry.get("recycled").booleanValue());
  }

  @Test
  void sameInvocationTwice_handsTheLeadBackOnce_andChangesNothingMore() throws IOException {
    // GIVEN a lead being offered that holds the claim on its address, just before Recycle Lead
    routing();
    String email = leads.find(leadId).orElseThrow().submission().email();
    claims.claim(email, leadId, NOW.plus(Duration.ofDays(90)));

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = run(EVENT);
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = run(EVENT);

    // THEN the second changes no item: one RECYCLED entry, the same status, the address free
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(1, recycled().size());
    assertEquals(NOW, recycled().get(0).at());
    assertEquals(LeadStatus.RECYCLED, leads.find(leadId).orElseThrow().status());
    assertEquals(Optional.empty(), claims.find(email));
    // AND it answers for the same lead, saying an earlier attempt did the work
    assertEquals(first.get("leadId"), second.get("leadId"));
    assertTrue(first.get("recycled").booleanValue());
    assertFalse(second.get("recycled").booleanValue());
  }

  @Test
  void recycledLead_releasesItsAddress() throws IOException {
    // GIVEN a lead being offered that holds the claim on its address
    routing();
    String email = leads.find(leadId).orElseThrow().submission().email();
    claims.claim(email, leadId, NOW.plus(Duration.ofDays(90)));

    // WHEN a rep declines it as spam and it is recycled
    run(EVENT);

    // THEN the address is free: a new submission from it is a new chance for sales
    assertEquals(Optional.empty(), claims.find(email));
  }

  @Test
  void unknownLead_failsAndStoresNothing() {
    assertThrows(UnknownLeadException.class, () -> run(EVENT));
    assertTrue(history.of(leadId).isEmpty());
  }
}
