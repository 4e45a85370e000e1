package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The context object ({@code $$}), per the developer guide's "Accessing execution data from the
 * Context object in Step Functions": readable in Parameters, InputPath, OutputPath and a Choice
 * Variable; {@code $$.State.RetryCount} only on states that can retry.
 */
class ContextObjectTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void inputPath_canSelectTheExecutionInput() {
    // GIVEN a second state whose InputPath is the execution's input, not its own input
    String definition =
        q(
            "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'other':1},'Next':'B'},"
                + "'B':{'Type':'Pass','InputPath':'$$.Execution.Input','End':true}}}");

    // WHEN it runs
    String arn = fixture.run(definition, "{\"lead\":\"L1\"}");

    // THEN B's output is the execution input
    assertEquals(json("{\"lead\":\"L1\"}"), fixture.output(arn));
  }

  @Test
  void outputPath_canSelectTheStateName() {
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Say Name','States':{'Say Name':{'Type':'Pass','OutputPath':'$$.State.Name','End':true}}}"),
            "{}");
    assertEquals(json("\"Say Name\""), fixture.output(arn));
  }

  @Test
  void choiceVariable_canTestTheExecutionInput() {
    // GIVEN a Choice that tests $$.Execution.Input.kind after a Pass replaced the input
    String definition =
        q(
            "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{},'Next':'Hot?'},"
                + "'Hot?':{'Type':'Choice','Choices':[{'Variable':'$$.Execution.Input.kind',"
                + "'StringEquals':'hot','Next':'Hot'}],'Default':'Cold'},"
                + "'Hot':{'Type':'Succeed'},'Cold':{'Type':'Fail','Error':'Cold'}}}");

    // WHEN the execution input says hot
    String arn = fixture.run(definition, "{\"kind\":\"hot\"}");

    // THEN the Choice went to Hot
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(List.of("A", "Hot?", "Hot"), fixture.statesEntered(arn));
  }

  @Test
  void passState_contextHasNameAndEnteredTimeButNoRetryCount() {
    String arn =
        fixture.run(
            q(
                "{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'state.$':'$$.State','exec.$':'$$.Execution'},'End':true}}}"),
            "{\"x\":1}");
    JsonNode out = fixture.output(arn);
    assertEquals("A", out.get("state").get("Name").asText());
    assertEquals("2025-03-03T09:00:00Z", out.get("state").get("EnteredTime").asText());
    assertFalse(out.get("state").has("RetryCount"), out.toString());
    assertEquals(json("{\"x\":1}"), out.get("exec").get("Input"));
    assertEquals("exec-1", out.get("exec").get("Name").asText());
  }

  @Test
  void taskState_contextCountsRetries() {
    // GIVEN a task that fails once and passes $$.State to its function
    List<JsonNode> seen = new CopyOnWriteArrayList<>();
    fixture.function(
        "Probe",
        p -> {
          seen.add(p);
          if (seen.size() == 1) {
            throw com.leadhandoff.local.asl.engine.LambdaFailure.functionError(
                "Boom", "once", List.of());
          }
          return json("{}");
        });
    String definition =
        q(
            "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                + FN
                + "Probe','Parameters':{'state.$':'$$.State'},"
                + "'Retry':[{'ErrorEquals':['Boom'],'IntervalSeconds':1}],'End':true}}}");

    // WHEN it runs and the retry interval passes
    String arn = fixture.run(definition, "{}");
    fixture.clock.advance(java.time.Duration.ofSeconds(1));
    fixture.engine.awaitIdle();

    // THEN the first attempt saw RetryCount 0 and the retry 1
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(0, seen.get(0).get("state").get("RetryCount").asInt());
    assertEquals(1, seen.get(1).get("state").get("RetryCount").asInt());
  }

  @Test
  void missingContextPath_failsNamingTheContextPath() {
    String arn =
        fixture.run(
            q(
                "{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'t.$':'$$.Task.Token'},'End':true}}}"),
            "{}");
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    assertTrue(
        fixture
            .describe(arn)
            .cause()
            .orElseThrow()
            .contains(
                "The JSONPath '$$.Task.Token' specified for the field 't.$' could not be found"),
        fixture.describe(arn).cause().orElseThrow());
  }

  @Test
  void resultPath_cannotWriteIntoTheContextObject() {
    InvalidDefinitionException refused =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                DefinitionParser.parse(
                    q(
                        "{'StartAt':'A','States':{'A':{'Type':'Pass','ResultPath':'$$.x','End':true}}}")));
    assertTrue(refused.problems().get(0).contains("ResultPath"), refused.problems().toString());
  }
}
