package com.leadhandoff.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.admin.LeadOutcomeAdminHandler;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadOutcomeAdminHandlerTest {
  private final OutcomeScenario scenario = new OutcomeScenario();
  private final LeadOutcomeAdminHandler handler =
      new LeadOutcomeAdminHandler(scenario.outcomes, scenario.clock);

  @Test
  void fixture_recordsTheCrmsOutcome_asTheCallerAtTheGivenTime() throws Exception {
    // GIVEN Ana's accepted lead, on the day of the fixture's call
    scenario.acceptedLead();
    scenario.clock.advance(
        java.time.Duration.between(
            scenario.clock.instant(), Instant.parse("2026-12-10T15:30:00Z")));

    // WHEN the CRM reports it disqualified for no budget, the day before
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(OutcomeScenario.event("admin-lead-outcome.json"), null);

    // THEN it answers 200 with the lead's stage
    assertEquals(200, response.getStatusCode(), response.getBody());
    JsonNode body = Json.MAPPER.readTree(response.getBody());
    assertTrue(body.get("recorded").asBoolean());
    assertEquals("DISQUALIFIED", body.at("/stage/outcome").asText());
    assertEquals("NO_BUDGET", body.at("/stage/reason").asText());
    assertEquals("2026-12-09T16:00:00Z", body.at("/stage/at").asText());
    // AND the history keeps it at the time it happened, by the IAM caller, with the note
    HistoryEvent recorded = scenario.outcomesRecorded().get(0);
    assertEquals(Instant.parse("2026-12-09T16:00:00Z"), recorded.at());
    assertEquals("arn:aws:iam::123456789012:role/crm-sync", recorded.details().get("by"));
    assertEquals("API", recorded.details().get("source"));
    assertEquals("Budget frozen until Q3.", recorded.details().get("note"));
    assertEquals("2026-12-09T16:00:00Z", scenario.leadItem().get("disqualifiedAt").s());
  }

  @Test
  void sameOutcomeAgain_isNotRecordedTwice() throws Exception {
    // GIVEN the CRM reported WON
    scenario.acceptedLead();
    post(Map.of("outcome", "WON"));

    // WHEN it retries the same report
    APIGatewayV2HTTPResponse again = post(Map.of("outcome", "won"));

    // THEN the answer says it was already recorded, and the history has it once
    assertEquals(200, again.getStatusCode());
    assertFalse(Json.MAPPER.readTree(again.getBody()).get("recorded").asBoolean());
    assertEquals(1, scenario.outcomesRecorded().size());
  }

  @Test
  void olderOutcomeReportedLate_isKeptInHistory_butTheLaterStageStands() throws Exception {
    // GIVEN the lead was won yesterday
    scenario.acceptedLead();
    Instant now = scenario.clock.instant();
    post(Map.of("outcome", "WON", "at", now.minusSeconds(86_400).toString()));

    // WHEN the CRM reports, late, the meeting of three days ago
    APIGatewayV2HTTPResponse late =
        post(Map.of("outcome", "MEETING", "at", now.minusSeconds(3 * 86_400).toString()));

    // THEN it is recorded but WON stays the stage, and the meeting's time is kept
    JsonNode body = Json.MAPPER.readTree(late.getBody());
    assertTrue(body.get("recorded").asBoolean());
    assertFalse(body.get("isStage").asBoolean());
    assertEquals("WON", body.at("/stage/outcome").asText());
    assertEquals(2, scenario.outcomesRecorded().size());
    assertEquals(now.minusSeconds(3 * 86_400).toString(), scenario.leadItem().get("meetingAt").s());
  }

  @Test
  void escalatedAndQueuedLeads_takeOutcomes() {
    for (Owner.Role role : List.of(Owner.Role.MANAGER, Owner.Role.QUEUE)) {
      // GIVEN a lead owned by a manager or the fallback queue
      OutcomeScenario owned = new OutcomeScenario();
      owned.lead("Dana", "Acme");
      owned.leads.claimOwner(
          OutcomeScenario.LEAD_ID,
          new Owner("mo@sales.test", "Mo", "mo@sales.test", role),
          role == Owner.Role.MANAGER ? LeadStatus.ESCALATED : LeadStatus.QUEUED);

      // WHEN the CRM reports SQL
      APIGatewayV2HTTPResponse response =
          new LeadOutcomeAdminHandler(owned.outcomes, owned.clock)
              .handleRequest(event(OutcomeScenario.LEAD_ID, "{\"outcome\": \"SQL\"}"), null);

      // THEN it is recorded
      assertEquals(200, response.getStatusCode(), response.getBody());
      assertEquals(1, owned.outcomesRecorded().size());
    }
  }

  @Test
  void leadWithoutAnOwner_isAConflict() {
    // GIVEN a lead still being offered
    scenario.lead("Dana", "Acme");

    // WHEN the CRM reports an outcome
    APIGatewayV2HTTPResponse response = post(Map.of("outcome", "SQL"));

    // THEN 409 names the status, and nothing is recorded
    assertEquals(409, response.getStatusCode());
    assertTrue(response.getBody().contains("ROUTING"), response.getBody());
    assertTrue(scenario.outcomesRecorded().isEmpty());
    assertTrue(scenario.leads.stage(OutcomeScenario.LEAD_ID).isEmpty());
  }

  @Test
  void unknownLead_isNotFound() {
    // GIVEN no lead at all
    // WHEN an outcome is reported for one
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("01JNOSUCHLEAD0000000000000", "{\"outcome\": \"SQL\"}"), null);

    // THEN 404
    assertEquals(404, response.getStatusCode());
    assertTrue(response.getBody().contains("No lead 01JNOSUCHLEAD0000000000000"));
  }

  @Test
  void invalidBodies_areRefusedWithTheFieldAndWhy_andChangeNothing() {
    // GIVEN Ana's accepted lead
    scenario.acceptedLead();
    var before = scenario.everything();
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry("", "The request has no JSON body"),
            Map.entry("{\"outcome\": ", "The body is not valid JSON"),
            Map.entry("[\"WON\"]", "must be a JSON object"),
            Map.entry("{}", "\"field\":\"outcome\",\"problem\":\"is required"),
            Map.entry("{\"outcome\": null}", "\"field\":\"outcome\",\"problem\":\"is required"),
            Map.entry("{\"outcome\": \"CLOSED\"}", "must be one of SQL, MEETING, DISQUALIFIED"),
            Map.entry("{\"outcome\": 3}", "must be a non-empty string"),
            Map.entry("{\"outcome\": \"DISQUALIFIED\"}", "is required for DISQUALIFIED: one of"),
            Map.entry(
                "{\"outcome\": \"DISQUALIFIED\", \"reason\": \"too pushy\"}",
                "\"field\":\"reason\",\"problem\":\"must be one of NO_BUDGET"),
            Map.entry(
                "{\"outcome\": \"WON\", \"reason\": \"NO_BUDGET\"}", "is only for DISQUALIFIED"),
            Map.entry("{\"outcome\": \"WON\", \"at\": \"yesterday\"}", "ISO-8601 instant"),
            Map.entry(
                "{\"outcome\": \"WON\", \"at\": \"2027-01-01T00:00:00Z\"}", "is in the future"),
            Map.entry(
                "{\"outcome\": \"WON\", \"note\": \"" + "x".repeat(1001) + "\"}",
                "is at most 1000 characters"),
            Map.entry("{\"outcome\": \"WON\", \"reasn\": \"x\"}", "is not a field of an outcome"));

    cases.forEach(
        (body, expected) -> {
          // WHEN the body is posted
          APIGatewayV2HTTPResponse response = handler.handleRequest(event(body), null);

          // THEN 400 says what is wrong
          assertEquals(400, response.getStatusCode(), body);
          assertTrue(response.getBody().contains(expected), body + " -> " + response.getBody());
        });
    // AND nothing was written
    assertEquals(before, scenario.everything());
  }

  @Test
  void hostileNote_isKeptAsData_andTheJsonAnswerEscapesIt() throws Exception {
    // GIVEN Ana's accepted lead
    scenario.acceptedLead();
    String note = "<script>alert(\"x\")</script>";

    // WHEN the CRM sends markup in the note
    APIGatewayV2HTTPResponse response = post(Map.of("outcome", "LOST", "note", note));

    // THEN it is recorded verbatim, and the answer is JSON, not HTML
    assertEquals(200, response.getStatusCode());
    assertTrue(response.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals(note, scenario.outcomesRecorded().get(0).details().get("note"));
  }

  private APIGatewayV2HTTPResponse post(Map<String, String> fields) {
    try {
      return handler.handleRequest(event(Json.MAPPER.writeValueAsString(fields)), null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static APIGatewayV2HTTPEvent event(String body) {
    return event(OutcomeScenario.LEAD_ID, body);
  }

  private static APIGatewayV2HTTPEvent event(String leadId, String body) {
    APIGatewayV2HTTPEvent event = OutcomeScenario.event("admin-lead-outcome.json");
    event.setPathParameters(Map.of("leadId", leadId));
    event.setBody(body);
    return event;
  }
}
