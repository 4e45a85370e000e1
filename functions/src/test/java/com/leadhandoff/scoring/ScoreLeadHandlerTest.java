package com.leadhandoff.scoring;

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
import org.junit.jupiter.api.Test;

class ScoreLeadHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
  private static final String EVENT = Fixtures.event("score-lead.json");

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final String leadId = leadIdOf(EVENT);

  private static String leadIdOf(String event) {
    try {
      return Json.MAPPER.readTree(event).get("leadId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stored(Submission submission) {
    leads.create(Lead.received(leadId, NOW.minusSeconds(5), submission));
  }

  private final MutableClock clock = new MutableClock(NOW);

  private JsonNode run(ScoringModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ScoreLeadHandler(leads, history, model, clock)
        .handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toByteArray());
  }

  private List<HistoryEvent> scoredEvents() {
    return history.of(leadId).stream().filter(e -> e.type().equals("SCORED")).toList();
  }

  @Test
  void hotLead_isStoredWithItsScore_routed_andExplainedInHistory() throws IOException {
    // GIVEN a VP at a 500-person software company in Germany who asked for a demo
    stored(SubmissionBuilder.vpAskingForDemo().build());

    // WHEN Score Lead runs
    JsonNode result = run(ScoringModels.bundled());

    // THEN the result is what the Qualified? choice reads
    assertTrue(result.get("qualified").isBoolean());
    assertTrue(result.get("qualified").booleanValue());
    assertEquals(100, result.get("points").intValue());
    assertEquals("HOT", result.get("tier").asText());
    assertEquals("demo-request", result.get("reasons").get(4).get("rule").asText());
    assertEquals("Asked for a demo", result.get("reasons").get(4).get("description").asText());
    assertEquals(30, result.get("reasons").get(4).get("points").intValue());
    // AND the lead is stored with that score, on its way to a rep
    Lead lead = leads.find(leadId).orElseThrow();
    assertEquals(Json.MAPPER.treeToValue(result, Score.class), lead.score().orElseThrow());
    assertEquals(LeadStatus.ROUTING, lead.status());
    // AND the history says why
    HistoryEvent scored = scoredEvents().get(0);
    assertEquals(NOW, scored.at());
    assertEquals("Scored 100 (hot): qualified, at or above the MQL threshold 60", scored.summary());
    assertEquals("100", scored.details().get("points"));
    assertEquals(
        "target-industry +15, mid-market-company +15, executive +20, core-market +10,"
            + " demo-request +30, viewed-pricing +15",
        scored.details().get("rules"));
    // AND names the rules that fired, for the reports' score calibration
    assertEquals(
        List.of(
            "target-industry",
            "mid-market-company",
            "executive",
            "core-market",
            "demo-request",
            "viewed-pricing"),
        ScoreHistory.ruleIds(scored.details()));
  }

  @Test
  void weakLead_isScoredColdAndLeftForNurture() throws IOException {
    stored(SubmissionBuilder.studentOnNewsletter().build());

    JsonNode result = run(ScoringModels.bundled());

    assertFalse(result.get("qualified").booleanValue());
    assertEquals("COLD", result.get("tier").asText());
    assertEquals(LeadStatus.NURTURE, leads.find(leadId).orElseThrow().status());
    assertEquals(
        "Scored 0 (cold): not qualified, below the MQL threshold 60",
        scoredEvents().get(0).summary());
    assertEquals(
        "core-market +10, free-email -20, student-title -30",
        scoredEvents().get(0).details().get("rules"));
  }

  @Test
  void retry_returnsTheStoredScore_andRecordsItOnce() throws IOException {
    // GIVEN a lead that was scored, after which the step was retried under a changed model
    stored(SubmissionBuilder.vpAskingForDemo().build());
    JsonNode first = run(ScoringModels.bundled());
    ScoringModel stricter =
        ScoringModels.parse("stricter.yaml", "mqlThreshold: 100\ntiers: {hot: 100, warm: 100}\n");

    // WHEN the step runs again
    JsonNode second = run(stricter);

    // THEN the first decision stands, once
    assertEquals(first, second);
    assertEquals(1, scoredEvents().size());
    assertEquals(LeadStatus.ROUTING, leads.find(leadId).orElseThrow().status());
  }

  @Test
  void sameInvocationTwice_returnsTheSameScore_andRecordsItOnce() throws IOException {
    // GIVEN a stored lead, just before Score Lead
    stored(SubmissionBuilder.vpAskingForDemo().build());

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = run(ScoringModels.bundled());
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = run(ScoringModels.bundled());

    // THEN the second returns the same score, so Qualified? takes the same branch
    assertEquals(first, second);
    // AND changes no item: one SCORED entry, the same score and status
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(1, scoredEvents().size());
    assertEquals(NOW, scoredEvents().get(0).at());
    assertEquals(LeadStatus.ROUTING, leads.find(leadId).orElseThrow().status());
  }

  @Test
  void unknownLead_failsNamingTheLead_andWritesNothing() {
    UnknownLeadException e =
        assertThrows(UnknownLeadException.class, () -> run(ScoringModels.bundled()));

    assertTrue(e.getMessage().contains("'" + leadId + "'"), e::getMessage);
    assertEquals(List.of(), history.of(leadId));
    assertTrue(leads.find(leadId).isEmpty());
  }
}
