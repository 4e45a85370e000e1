package com.leadhandoff.local.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.json.Json;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * TestState through the real SDK client: one state's definition and an input in; output, error,
 * cause, nextState and status (SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR) out, and the data flow
 * at DEBUG (TestState API reference; "Using TestState API to test a state", developer guide).
 */
class TestStateTest {
  private static final String SCORE =
      """
      {"Type": "Task", "Resource": "%sScore", "InputPath": "$.lead",
       "Parameters": {"email.$": "$.email"}, "ResultSelector": {"points.$": "$.score"},
       "ResultPath": "$.score", "Next": "Qualified?"}"""
          .formatted(LocalSfn.FN);

  private final LocalSfn local = new LocalSfn();

  @AfterEach
  void close() {
    local.close();
  }

  private TestStateResponse test(String definition, String input) {
    return local.sfn.testState(r -> r.definition(definition).input(input).roleArn(LocalSfn.ROLE));
  }

  @Test
  void passState_succeedsWithItsOutputAndNextState() {
    TestStateResponse response =
        test(
            """
            {"Type": "Pass", "Result": {"ok": true}, "ResultPath": "$.check",
             "Next": "Route Lead"}""",
            "{\"leadId\": \"L1\"}");

    assertEquals(TestExecutionStatus.SUCCEEDED, response.status());
    assertEquals(
        Json.MAPPER.createObjectNode().put("leadId", "L1").set("check", okTrue()),
        json(response.output()));
    assertEquals("Route Lead", response.nextState());
    assertNull(response.inspectionData());
  }

  @Test
  void lambdaTask_callsTheLocalFunctionAndShowsEachStepAtDebug() {
    // GIVEN a function that scores the payload it gets
    local.function(
        "Score",
        payload ->
            Json.MAPPER.createObjectNode().put("score", payload.get("email").asText().length()));

    // WHEN the task is tested at DEBUG
    TestStateResponse response =
        local.sfn.testState(
            r ->
                r.definition(SCORE)
                    .input("{\"lead\": {\"email\": \"a@b.co\"}}")
                    .inspectionLevel(InspectionLevel.DEBUG));

    // THEN it succeeded into its Next, with every step of the data flow
    assertEquals(TestExecutionStatus.SUCCEEDED, response.status());
    assertEquals("Qualified?", response.nextState());
    assertEquals(
        json("{\"lead\": {\"email\": \"a@b.co\"}, \"score\": {\"points\": 6}}"),
        json(response.output()));
    var data = response.inspectionData();
    assertEquals(json("{\"lead\": {\"email\": \"a@b.co\"}}"), json(data.input()));
    assertEquals(json("{\"email\": \"a@b.co\"}"), json(data.afterInputPath()));
    assertEquals(json("{\"email\": \"a@b.co\"}"), json(data.afterParameters()));
    assertEquals(json("{\"score\": 6}"), json(data.result()));
    assertEquals(json("{\"points\": 6}"), json(data.afterResultSelector()));
    assertEquals(json(response.output()), json(data.afterResultPath()));
  }

  @Test
  void failingTaskWithMatchingCatch_isCaughtErrorGoingToTheCatcher() {
    local.function(
        "Score",
        payload -> {
          throw LambdaFailure.functionError("ScoringDown", "model offline", java.util.List.of());
        });
    String caught =
        SCORE.replace(
            "\"Next\": \"Qualified?\"",
            "\"Next\": \"Qualified?\", \"Catch\": [{\"ErrorEquals\": [\"ScoringDown\"],"
                + " \"ResultPath\": \"$.error\", \"Next\": \"Park Lead\"}]");

    TestStateResponse response = test(caught, "{\"lead\": {\"email\": \"a@b.co\"}}");

    assertEquals(TestExecutionStatus.CAUGHT_ERROR, response.status());
    assertEquals("Park Lead", response.nextState());
    assertEquals("ScoringDown", response.error());
    assertTrue(response.cause().contains("model offline"), response.cause());
    assertEquals("ScoringDown", json(response.output()).path("error").path("Error").asText());
  }

  @Test
  void failingTaskWithMatchingRetry_isRetriableWithoutRetrying() {
    int[] calls = {0};
    local.function(
        "Score",
        payload -> {
          calls[0]++;
          throw LambdaFailure.functionError("ScoringDown", "model offline", java.util.List.of());
        });
    String retried =
        SCORE.replace(
            "\"Next\": \"Qualified?\"",
            "\"Next\": \"Qualified?\", \"Retry\": [{\"ErrorEquals\": [\"States.ALL\"]}],"
                + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Park Lead\"}]");

    TestStateResponse response = test(retried, "{\"lead\": {\"email\": \"a@b.co\"}}");

    assertEquals(TestExecutionStatus.RETRIABLE, response.status());
    assertEquals("ScoringDown", response.error());
    assertNull(response.nextState());
    assertEquals(1, calls[0]);
  }

  @Test
  void failState_failsWithItsErrorAndCause() {
    TestStateResponse response =
        test("{\"Type\": \"Fail\", \"Error\": \"NotAFit\", \"Cause\": \"spam\"}", "{}");

    assertEquals(TestExecutionStatus.FAILED, response.status());
    assertEquals("NotAFit", response.error());
    assertEquals("spam", response.cause());
    assertNull(response.output());
  }

  @Test
  void choiceState_namesTheChoiceTaken() {
    String choice =
        """
        {"Type": "Choice", "Choices": [
          {"Variable": "$.score", "NumericGreaterThanEquals": 50, "Next": "Route Lead"}],
         "Default": "Nurture Lead"}""";

    assertEquals("Route Lead", test(choice, "{\"score\": 70}").nextState());
    assertEquals("Nurture Lead", test(choice, "{\"score\": 10}").nextState());
  }

  @Test
  void waitState_answersAtOnceWithItsNextState() {
    TestStateResponse response =
        test("{\"Type\": \"Wait\", \"Seconds\": 86400, \"Next\": \"Remind Rep\"}", "{\"a\": 1}");

    assertEquals(TestExecutionStatus.SUCCEEDED, response.status());
    assertEquals("Remind Rep", response.nextState());
    assertEquals(json("{\"a\": 1}"), json(response.output()));
  }

  @Test
  void parallelState_isRefusedAsTestStateDoes() {
    InvalidDefinitionException e =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                test(
                    """
                    {"Type": "Parallel", "Branches": [{"StartAt": "A",
                      "States": {"A": {"Type": "Pass", "End": true}}}], "End": true}""",
                    "{}"));

    assertTrue(e.awsErrorDetails().errorMessage().contains("Parallel"), e.getMessage());
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode okTrue() {
    return Json.MAPPER.createObjectNode().put("ok", true);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    return TinyEngine.json(text);
  }
}
