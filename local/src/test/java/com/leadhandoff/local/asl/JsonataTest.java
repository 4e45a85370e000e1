package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JSONata states as the developer guide's "Transforming data with JSONata in Step Functions"
 * describes them: QueryLanguage at the top level and per state, {@code {% %}} expressions in
 * Arguments, Output, Assign, Condition, Wait, TimeoutSeconds and Fail; the reserved {@code $states}
 * variable; the functions Step Functions adds; and States.QueryEvaluationError with the cause Step
 * Functions gives.
 */
class JsonataTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private HistoryEvent event(String arn, String type) {
    return fixture.engine.getExecutionHistory(arn).stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + fixture.eventTypes(arn)));
  }

  private static List<String> problems(String definition) {
    return assertThrows(InvalidDefinitionException.class, () -> DefinitionParser.parse(definition))
        .problems();
  }

  @Test
  void passOutput_evaluatesExpressionsAtAnyDepth_withStatesAndVariables() {
    // GIVEN a JSONata machine: a Pass assigns, the next builds its Output from $states and $vars
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Keep","States":{
          "Keep":{"Type":"Pass","Assign":{"total":"{% $sum($states.input.prices) %}"},
            "Next":"Shape"},
          "Shape":{"Type":"Pass","Output":{
            "total":"{% $total %}",
            "items":["{% $count($states.input.prices) %}","fixed"],
            "who":"{% $states.context.Execution.Name %}",
            "up":"{% $uppercase($states.input.name) %}"},
            "End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"prices\":[1,2.5,3],\"name\":\"ann\"}");

    // THEN every expression was replaced by its value; integral numbers stay integers
    assertEquals(
        json("{\"total\":6.5,\"items\":[3,\"fixed\"],\"who\":\"exec-1\",\"up\":\"ANN\"}"),
        fixture.output(arn));
  }

  @Test
  void lambdaInvokeTask_takesArguments_andItsOutputDefaultsToTheResult() {
    // GIVEN a JSONata lambda:invoke task without Output, then one selecting the payload
    fixture.function("Score", p -> json("{\"score\":" + (p.path("id").asInt() * 10) + "}"));
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Raw","States":{
          "Raw":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Arguments":{"FunctionName":"@FN@Score","Payload":{"id":"{% $states.input.id %}"}},
            "Next":"Selected"},
          "Selected":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Arguments":{"FunctionName":"@FN@Score","Payload":{"id":2}},
            "Output":"{% {'first': $states.input.Payload.score, 'second': $states.result.Payload.score} %}",
            "End":true}}}
        """
            .replace("@FN@", FN);

    // WHEN it runs
    String arn = fixture.run(definition, "{\"id\":4}");

    // THEN the first state's output was the whole Invoke response, the second picked from both
    assertEquals(json("{\"first\":40,\"second\":20}"), fixture.output(arn));
    assertEquals(
        "{\"FunctionName\":\"" + FN + "Score\",\"Payload\":{\"id\":4}}",
        event(arn, "TaskScheduled").detail("parameters").orElseThrow());
    assertEquals(json("{\"id\":4}"), fixture.invocations.get(0).payload());
  }

  @Test
  void choiceConditions_pickTheFirstTrueRule_withStateAndRuleAssign() {
    // GIVEN the developer guide's JSONata choice rules, with Assign on the state and on a rule
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Check","States":{
          "Check":{"Type":"Choice","Assign":{"checked":true},"Choices":[
              {"Condition":"{% $states.input.n > 10 %}","Next":"Big"},
              {"Condition":"{% $states.input.n > 1 %}","Assign":{"size":"medium"},"Next":"Medium"}],
            "Default":"Small"},
          "Big":{"Type":"Succeed"},
          "Medium":{"Type":"Pass","Output":{"size":"{% $size %}","checked":"{% $checked %}"},
            "End":true},
          "Small":{"Type":"Succeed"}}}
        """;

    // WHEN it runs on n = 5
    String arn = fixture.run(definition, "{\"n\":5}");

    // THEN the second rule matched and both Assign blocks applied
    assertEquals(List.of("Check", "Medium"), fixture.statesEntered(arn));
    assertEquals(json("{\"size\":\"medium\",\"checked\":true}"), fixture.output(arn));
  }

  @Test
  void conditionThatIsNotBoolean_failsWithAnUnexpectedResultType() {
    // GIVEN a Condition that yields a string
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[
            {"Condition":"{% $states.input.flag %}","Next":"Done"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"flag\":\"yes\"}");

    // THEN the state fails with the expected and actual types
    assertEquals(
        Optional.of(
            "An error occurred while executing the state 'Check' (entered at the event id #2)."
                + " The JSONata expression '$states.input.flag' specified for the field"
                + " 'Choices/0/Condition' returned an unexpected result type. Expected 'boolean',"
                + " but was 'string' for value: \"yes\""),
        fixture.describe(arn).cause());
  }

  @Test
  void waitSeconds_asAnExpression_waitsThatLong() {
    // GIVEN a JSONata Wait whose Seconds come from the input
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Pause","States":{
          "Pause":{"Type":"Wait","Seconds":"{% $states.input.delay * 2 %}","End":true}}}
        """;
    String arn = fixture.run(definition, "{\"delay\":15}");

    // WHEN 29 seconds, then 30, pass
    fixture.clock.advance(Duration.ofSeconds(29));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));

    // THEN it ended after 30 seconds, with its input as output
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(json("{\"delay\":15}"), fixture.output(arn));
  }

  @Test
  void waitAssign_takesEffectWhenTheWaitEnds_andSucceedOutputEndsTheExecution() {
    // GIVEN a JSONata Wait with Assign and Output, then a Succeed shaping the final output
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Pause","States":{
          "Pause":{"Type":"Wait","Timestamp":"{% $states.input.until %}",
            "Assign":{"resumedFor":"{% $states.input.lead %}"},"Output":{"ok":true},
            "Next":"Done"},
          "Done":{"Type":"Succeed","Output":{"lead":"{% $resumedFor %}","ok":"{% $states.input.ok %}"}}}}
        """;
    String arn = fixture.run(definition, "{\"until\":\"2025-03-03T09:05:00Z\",\"lead\":\"L-9\"}");

    // WHEN the clock reaches the timestamp
    fixture.clock.advance(Duration.ofMinutes(5));

    // THEN the Wait assigned on exit and the Succeed's Output is the execution's output
    assertEquals(json("{\"lead\":\"L-9\",\"ok\":true}"), fixture.output(arn));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "WaitStateEntered",
            "WaitStateExited",
            "SucceedStateEntered",
            "SucceedStateExited",
            "ExecutionSucceeded"),
        fixture.eventTypes(arn));
  }

  @Test
  void callbackTask_timeoutSecondsExpression_timesOutAfterThatLong() {
    // GIVEN a JSONata callback task whose TimeoutSeconds comes from the input
    fixture.function("Offer", p -> json("{}"));
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Offer","States":{
          "Offer":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Arguments":{"FunctionName":"@FN@Offer",
              "Payload":{"token":"{% $states.context.Task.Token %}"}},
            "TimeoutSeconds":"{% $states.input.sla %}","End":true}}}
        """
            .replace("@FN@", FN);
    String arn = fixture.run(definition, "{\"sla\":120}");

    // WHEN the deadline passes with no answer
    fixture.clock.advance(Duration.ofSeconds(120));

    // THEN the task timed out after the computed seconds
    assertEquals(Optional.of("States.Timeout"), fixture.describe(arn).error());
    assertEquals("120", event(arn, "TaskScheduled").detail("timeoutInSeconds").orElseThrow());
    assertTrue(fixture.lastToken(FN + "Offer", "token").length() > 10);
  }

  @Test
  void failErrorAndCause_areExpressions() {
    // GIVEN a JSONata Fail state
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Stop","States":{
          "Stop":{"Type":"Fail","Error":"{% 'Lead.' & $states.input.kind %}",
            "Cause":"{% 'lead ' & $states.input.id & ' refused' %}"}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"kind\":\"Spam\",\"id\":\"L-1\"}");

    // THEN the execution fails with the computed error and cause
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(Optional.of("Lead.Spam"), description.error());
    assertEquals(Optional.of("lead L-1 refused"), description.cause());
  }

  @Test
  void undefinedValue_failsWithQueryEvaluationError_andAwsCause() {
    // GIVEN an Output field whose expression finds nothing
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Transform","States":{
          "Transform":{"Type":"Pass","Output":{"v":"{% $states.input.missing %}"},"End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN it fails as Step Functions words it, with an EvaluationFailed event
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(Optional.of("States.QueryEvaluationError"), description.error());
    assertEquals(
        Optional.of(
            "An error occurred while executing the state 'Transform' (entered at the event id"
                + " #2). The JSONata expression '$states.input.missing' specified for the field"
                + " 'Output/v' returned nothing (undefined)."),
        description.cause());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "EvaluationFailed", "ExecutionFailed"),
        fixture.eventTypes(arn));
    assertEquals("Transform", event(arn, "EvaluationFailed").detail("state").orElseThrow());
  }

  @Test
  void queryEvaluationError_isCaught_andTheCatcherOutputSeesTheErrorOutput() {
    // GIVEN a task whose Arguments fail, caught with an Output and an Assign from errorOutput
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Call","States":{
          "Call":{"Type":"Task","Resource":"@FN@None","Arguments":"{% $number('x') + 1 %}",
            "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],
              "Assign":{"why":"{% $states.errorOutput.Error %}"},
              "Output":{"caught":"{% $states.errorOutput.Error %}","input":"{% $states.input %}"},
              "Next":"Handled"}],
            "End":true},
          "Handled":{"Type":"Pass","Output":{"why":"{% $why %}","was":"{% $states.input %}"},
            "End":true}}}
        """
            .replace("@FN@", FN);

    // WHEN it runs
    String arn = fixture.run(definition, "{\"a\":1}");

    // THEN the catcher's Output became the next state's input
    assertEquals(
        json(
            "{\"why\":\"States.QueryEvaluationError\",\"was\":{\"caught\":"
                + "\"States.QueryEvaluationError\",\"input\":{\"a\":1}}}"),
        fixture.output(arn));
  }

  @Test
  void functionsStepFunctionsAdds_giveTheirDocumentedResults() {
    // GIVEN every function the developer guide lists under "JSONata functions"
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Pass","Output":{
          "partition":"{% $partition([1,2,3,4,5], 2) %}",
          "range":"{% $range(0, 10, 5) %}",
          "hash":"{% $hash('abc', 'SHA-256') %}",
          "parse":"{% $parse($states.input.text) %}",
          "uuid":"{% $uuid() %}",
          "random":"{% $random() %}",
          "seeded":"{% $random(7) = $random(7) %}"},
          "End":true}}}
        """;

    // WHEN it runs
    JsonNode output = fixture.output(fixture.run(definition, "{\"text\":\"{\\\"a\\\":[1]}\"}"));

    // THEN each has the documented result
    assertEquals(json("[[1,2],[3,4],[5]]"), output.get("partition"));
    assertEquals(json("[0,5,10]"), output.get("range"));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        output.get("hash").asText());
    assertEquals(json("{\"a\":[1]}"), output.get("parse"));
    assertTrue(
        output
            .get("uuid")
            .asText()
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        output.get("uuid").asText());
    double random = output.get("random").asDouble();
    assertTrue(random >= 0 && random < 1, "random " + random);
    assertTrue(output.get("seeded").asBoolean());
  }

  @Test
  void nowAndMillis_followTheRuntimeClock() {
    // GIVEN an Output reading the time, on a virtual clock standing at T0
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Pass","Output":{"now":"{% $now() %}","millis":"{% $millis() %}"},
            "End":true}}}
        """;

    // WHEN it runs
    JsonNode output = fixture.output(fixture.run(definition, "{}"));

    // THEN both give the runtime's time, not the machine's
    assertEquals("2025-03-03T09:00:00.000Z", output.get("now").asText());
    assertEquals(EngineFixture.T0.toEpochMilli(), output.get("millis").asLong());
  }

  @Test
  void taskAssign_readsStatesResult_andTheVariablesFromBefore() {
    // GIVEN n = 1, then a task whose Assign sets n from its result and old from the previous n
    fixture.function("Inc", p -> json("{\"n\":" + (p.path("n").asInt() + 1) + "}"));
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Start","States":{
          "Start":{"Type":"Pass","Assign":{"n":1},"Next":"Inc"},
          "Inc":{"Type":"Task","Resource":"@FN@Inc","Arguments":{"n":"{% $n %}"},
            "Assign":{"n":"{% $states.result.n %}","old":"{% $n %}"},
            "Output":"{% $states.input %}","Next":"Show"},
          "Show":{"Type":"Pass","Output":{"n":"{% $n %}","old":"{% $old %}"},"End":true}}}
        """
            .replace("@FN@", FN);

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN n came from the result and old from the value before the state
    assertEquals(json("{\"n\":2,\"old\":1}"), fixture.output(arn));
    assertEquals(
        json("{\"n\":\"2\",\"old\":\"1\"}"),
        fixture.engine.getExecutionHistory(arn).stream()
            .filter(e -> e.type().equals("TaskStateExited"))
            .findFirst()
            .orElseThrow()
            .details()
            .get("assignedVariables"));
  }

  @Test
  void eval_isNotAvailable_likeOnStepFunctions() {
    // GIVEN an expression calling $eval, which Step Functions removes in favour of $parse
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"E","States":{
          "E":{"Type":"Pass","Output":"{% $eval('1 + 1') %}","End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN it fails, saying to use $parse
    assertEquals(Optional.of("States.QueryEvaluationError"), fixture.describe(arn).error());
    assertTrue(
        fixture.describe(arn).cause().orElseThrow().contains("use $parse"),
        fixture.describe(arn).cause().orElseThrow());
  }

  @Test
  void queryLanguagePerState_mixesJsonPathAndJsonata() {
    // GIVEN a JSONPath machine whose middle state is JSONata, sharing a variable
    String definition =
        """
        {"StartAt":"Path","States":{
          "Path":{"Type":"Pass","Assign":{"name.$":"$.name"},"Next":"Ata"},
          "Ata":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"hello":"{% $name %}"},
            "Next":"PathAgain"},
          "PathAgain":{"Type":"Pass","ResultPath":"$.again","Result":1,"End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"name\":\"Bo\"}");

    // THEN each state used its own language
    assertEquals(json("{\"hello\":\"Bo\",\"again\":1}"), fixture.output(arn));
  }

  @Test
  void parallelInJsonata_takesArguments_andItsResultIsTheBranchOutputs() {
    // GIVEN a JSONata Parallel whose branches read its Arguments
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Fork","States":{
          "Fork":{"Type":"Parallel","Arguments":{"x":"{% $states.input.x %}"},
            "Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.x + 1 %}","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% $states.input.x * 10 %}","End":true}}}],
            "Assign":{"sum":"{% $sum($states.result) %}"},
            "Output":{"results":"{% $states.result %}"},
            "Next":"Show"},
          "Show":{"Type":"Pass","Output":{"sum":"{% $sum %}","results":"{% $states.input.results %}"},
            "End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"x\":2}");

    // THEN the result is the array of branch outputs
    assertEquals(json("{\"sum\":23,\"results\":[3,20]}"), fixture.output(arn));
  }

  @Test
  void jsonataAndJsonPathFields_areRefusedInTheOtherLanguage() {
    // GIVEN a JSONata state with JSONPath fields and a JSONPath state with JSONata fields
    String definition =
        """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","QueryLanguage":"JSONata","InputPath":"$.x","Parameters":{},
            "Next":"B"},
          "B":{"Type":"Pass","Output":{"a":1},"Next":"C"},
          "C":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input. %}","End":true}}}
        """;

    // WHEN it is parsed
    List<String> problems = problems(definition);

    // THEN each misplaced field and the bad expression are reported
    assertTrue(
        problems.contains("State 'A': the field 'InputPath' is not supported in a JSONata state"),
        problems.toString());
    assertTrue(
        problems.contains("State 'A': the field 'Parameters' is not supported in a JSONata state"));
    assertTrue(
        problems.contains("State 'B': the field 'Output' is only supported in a JSONata state"));
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("State 'C': the JSONata expression '$states.input.'")),
        problems.toString());
  }
}
