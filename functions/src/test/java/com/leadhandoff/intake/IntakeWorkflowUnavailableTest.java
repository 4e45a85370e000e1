package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.FlakyStepFunctions;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Intake never acknowledges a lead it cannot hand off: when Step Functions does not take the start
 * after the retries, the answer is 503 with Retry-After, the lead stays for the watchdog, and a
 * retry of the same request completes the same lead.
 */
class IntakeWorkflowUnavailableTest {
  private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:Leads";

  private final Map<String, String> tables = TestDynamo.tables();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final FlakyStepFunctions sfn = new FlakyStepFunctions(clock);
  private final IntakeHandler handler =
      new IntakeHandler(
          leads,
          history,
          new DynamoIntakeKeys(TestDynamo.client(), tables.get("IntakeKeysTable")),
          new StepFunctionsWorkflow(sfn, MACHINE, Duration.ZERO, clock),
          clock,
          Duration.ofMinutes(60),
          RedirectOrigins.parse("https://www.example.com"));

  @Test
  void startFailingEveryRetry_answers503WithRetryAfter_andLeavesTheLeadForTheWatchdog() {
    // GIVEN Step Functions refuses every start
    sfn.failNext(3);

    // WHEN a lead is posted
    APIGatewayV2HTTPResponse response = post(event("intake-json.json"));

    // THEN it is not acknowledged: 503, when to retry, and the lead a retry completes
    assertEquals(503, response.getStatusCode());
    assertEquals("30", response.getHeaders().get("Retry-After"));
    JsonNode body = body(response);
    assertTrue(
        body.get("message").asText().contains("send the same request again"), body.toString());
    String leadId = body.get("leadId").asText();
    // The lead is kept, RECEIVED, in the watchdog's index, with a history entry saying why
    Lead lead = leads.find(leadId).orElseThrow();
    assertEquals(LeadStatus.RECEIVED, lead.status());
    assertEquals(
        List.of(leadId),
        leads.inStatus(LeadStatus.RECEIVED, clock.instant().plusSeconds(1)).stream()
            .map(Lead::leadId)
            .toList());
    // (Both at the same instant, so in either order.)
    assertEquals(
        java.util.Set.of("RECEIVED", IntakeService.START_FAILED),
        java.util.Set.copyOf(history.of(leadId).stream().map(HistoryEvent::type).toList()));
    assertEquals(2, history.of(leadId).size());
    assertEquals(3, sfn.calls());
    assertEquals(List.of(), sfn.started());
  }

  @Test
  void aStartFailingTwice_isRetriedInside_andAnswered202() {
    sfn.failNext(2);

    APIGatewayV2HTTPResponse response = post(event("intake-json.json"));

    assertEquals(202, response.getStatusCode());
    assertEquals(List.of(body(response).get("leadId").asText()), sfn.started());
  }

  @Test
  void retryWithTheSameIdempotencyKey_completesTheSameLead() {
    // GIVEN a post with an Idempotency-Key answered 503
    sfn.failNext(3);
    APIGatewayV2HTTPEvent first = event("intake-json.json");
    first.getHeaders().put("idempotency-key", "form-7f3a9c");
    String leadId = body(post(first)).get("leadId").asText();

    // WHEN the form retries with the same key once Step Functions is back
    APIGatewayV2HTTPEvent retry = event("intake-json.json");
    retry.getHeaders().put("idempotency-key", "form-7f3a9c");
    APIGatewayV2HTTPResponse response = post(retry);

    // THEN the same lead is acknowledged and started, once; no second lead exists
    assertEquals(202, response.getStatusCode());
    assertEquals(leadId, body(response).get("leadId").asText());
    assertEquals(List.of(leadId), sfn.started());
    assertEquals(1, leadCount());
    // AND a third post (the retry of a lost 202) replays the answer without another start
    APIGatewayV2HTTPEvent again = event("intake-json.json");
    again.getHeaders().put("idempotency-key", "form-7f3a9c");
    assertEquals(leadId, body(post(again)).get("leadId").asText());
    assertEquals(List.of(leadId), sfn.started());
  }

  @Test
  void retryOfTheSameFormPost_completesTheSameLead() {
    // GIVEN a plain HTML form post answered 503
    sfn.failNext(3);
    APIGatewayV2HTTPResponse failed = post(event("intake-form.json"));
    assertEquals(503, failed.getStatusCode());
    String leadId = body(failed).get("leadId").asText();

    // WHEN the prospect posts the form again
    APIGatewayV2HTTPResponse response = post(event("intake-form.json"));

    // THEN it is the same lead, now started, and the browser goes to the thank-you page
    assertEquals(303, response.getStatusCode());
    assertEquals(List.of(leadId), sfn.started());
    assertEquals(1, leadCount());
  }

  @Test
  void repeatDuringAnOutage_ofALeadItsWorkflowMovedOn_isAnswered202WithoutAskingStepFunctions() {
    // GIVEN a lead accepted and scored by its workflow
    assertEquals(303, post(event("intake-form.json")).getStatusCode());
    String leadId = sfn.started().get(0);
    leads.setStatus(leadId, LeadStatus.ROUTING);
    int calls = sfn.calls();

    // WHEN Step Functions is down and the prospect posts the form again
    sfn.failNext(3);
    APIGatewayV2HTTPResponse response = post(event("intake-form.json"));

    // THEN the lead underway is the answer, and no start was asked for nor START_FAILED written
    assertEquals(303, response.getStatusCode());
    assertEquals(calls, sfn.calls());
    assertEquals(List.of("RECEIVED"), history.of(leadId).stream().map(HistoryEvent::type).toList());
  }

  @Test
  void repeatOfALeadWhoseExecutionEnded_isAnswered202() {
    // GIVEN a lead whose execution already ended while it was still RECEIVED (as a merged
    // duplicate's does before its status is read back here)
    assertEquals(303, post(event("intake-form.json")).getStatusCode());
    String leadId = sfn.started().get(0);
    sfn.close(leadId);

    // WHEN the form is posted again, THEN the start is refused as ExecutionAlreadyExists, which
    // is no failure: the same lead is the answer, with no second execution
    assertEquals(303, post(event("intake-form.json")).getStatusCode());
    assertEquals(List.of(leadId), sfn.started());
    assertEquals(1, leadCount());
  }

  private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private int leadCount() {
    return TestDynamo.client().scan(r -> r.tableName(tables.get("LeadsTable"))).count();
  }

  private static APIGatewayV2HTTPEvent event(String fixture) {
    try {
      APIGatewayV2HTTPEvent event =
          Json.MAPPER.readValue(Fixtures.event(fixture), APIGatewayV2HTTPEvent.class);
      event.setHeaders(new HashMap<>(event.getHeaders()));
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
