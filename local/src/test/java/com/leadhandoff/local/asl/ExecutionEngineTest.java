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
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionEngineTest {
  private static final String WAIT_FOR_CALLBACK =
      "{\"StartAt\":\"Offer\",\"States\":{\"Offer\":{\"Type\":\"Task\","
          + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
          + "\"Parameters\":{\"FunctionName\":\""
          + FN
          + "Offer\",\"Payload\":{\"id.$\":\"$.id\",\"token.$\":\"$$.Task.Token\"}},"
          + "\"TimeoutSeconds\":600,\"End\":true}}}";

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void sameNameAndInputWhileRunning_returnsTheSameExecution() {
    fixture.function("Offer", p -> json("{}"));
    String machine = fixture.engine.createStateMachine("M", WAIT_FOR_CALLBACK);
    var first = fixture.engine.startExecution(machine, Optional.of("lead-1"), "{\"id\":1}");
    var again = fixture.engine.startExecution(machine, Optional.of("lead-1"), "{ \"id\" : 1 }");
    fixture.engine.awaitIdle();

    assertEquals(first, again);
    assertEquals(1, fixture.invocations.size());
  }

  @Test
  void sameNameWithDifferentInputOrAfterClose_isExecutionAlreadyExists() {
    fixture.function("Offer", p -> json("{}"));
    String machine = fixture.engine.createStateMachine("M", WAIT_FOR_CALLBACK);
    String arn =
        fixture.engine.startExecution(machine, Optional.of("lead-1"), "{\"id\":1}").executionArn();
    fixture.engine.awaitIdle();

    assertThrows(
        StepFunctionsException.ExecutionAlreadyExists.class,
        () -> fixture.engine.startExecution(machine, Optional.of("lead-1"), "{\"id\":2}"));

    fixture.engine.stopExecution(arn, Optional.empty(), Optional.empty());
    assertThrows(
        StepFunctionsException.ExecutionAlreadyExists.class,
        () -> fixture.engine.startExecution(machine, Optional.of("lead-1"), "{\"id\":1}"));
  }

  @Test
  void apiErrors_haveTheirAwsCodes() {
    String machine =
        fixture.engine.createStateMachine(
            "M", "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}");
    assertEquals(
        "InvalidExecutionInput",
        assertThrows(
                StepFunctionsException.class,
                () -> fixture.engine.startExecution(machine, Optional.empty(), "not json"))
            .errorCode());
    assertEquals(
        "StateMachineDoesNotExist",
        assertThrows(
                StepFunctionsException.class,
                () -> fixture.engine.startExecution(machine + "x", Optional.empty(), "{}"))
            .errorCode());
    assertEquals(
        "InvalidName",
        assertThrows(
                StepFunctionsException.class,
                () -> fixture.engine.startExecution(machine, Optional.of("a b"), "{}"))
            .errorCode());
    assertEquals(
        "InvalidDefinition",
        assertThrows(
                StepFunctionsException.class,
                () -> fixture.engine.createStateMachine("Bad", "{\"StartAt\":\"X\"}"))
            .errorCode());
    assertEquals(
        "StateMachineAlreadyExists",
        assertThrows(
                StepFunctionsException.class,
                () ->
                    fixture.engine.createStateMachine(
                        "M", "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Succeed\"}}}"))
            .errorCode());
  }

  @Test
  void history_namesEventsAndDetailsAsAws() {
    fixture.function("Score", p -> json("{\"score\":9}"));
    String definition =
        "{\"StartAt\":\"Score Lead\",\"States\":{"
            + "\"Score Lead\":{\"Type\":\"Task\",\"Resource\":\""
            + FN
            + "Score\",\"ResultPath\":\"$.score\",\"Next\":\"Qualified?\"},"
            + "\"Qualified?\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.score.score\","
            + "\"NumericGreaterThan\":5,\"Next\":\"Note\"}],\"Default\":\"No\"},"
            + "\"Note\":{\"Type\":\"Pass\",\"Next\":\"Pause\"},"
            + "\"Pause\":{\"Type\":\"Wait\",\"Seconds\":0,\"Next\":\"Done\"},"
            + "\"Done\":{\"Type\":\"Succeed\"},"
            + "\"No\":{\"Type\":\"Fail\",\"Error\":\"NotQualified\"}}}";
    String arn = fixture.run(definition, "{\"leadId\":\"L\"}");

    List<HistoryEvent> history = fixture.engine.getExecutionHistory(arn);
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "PassStateEntered",
            "PassStateExited",
            "WaitStateEntered",
            "WaitStateExited",
            "SucceedStateEntered",
            "SucceedStateExited",
            "ExecutionSucceeded"),
        history.stream().map(HistoryEvent::type).toList());
    for (int i = 0; i < history.size(); i++) {
      assertEquals(i + 1, history.get(i).id());
      assertEquals(i, history.get(i).previousEventId());
    }
    HistoryEvent scheduled = history.get(2);
    assertEquals(FN + "Score", scheduled.detail("resource").orElseThrow());
    assertEquals("{\"leadId\":\"L\"}", scheduled.detail("input").orElseThrow());
    JsonNode aws = history.get(1).toAwsJson();
    assertEquals("Score Lead", aws.at("/stateEnteredEventDetails/name").asText());
    assertEquals("TaskStateEntered", aws.get("type").asText());
    assertTrue(
        history.get(3).toAwsJson().path("lambdaFunctionStartedEventDetails").isMissingNode());
    assertEquals(
        "{\"leadId\":\"L\",\"score\":{\"score\":9}}",
        history.get(5).toAwsJson().at("/stateExitedEventDetails/output").asText());
  }

  @Test
  void failState_failsTheExecutionWithFailStateEntered() {
    String arn =
        fixture.run(
            "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.e\",\"CausePath\":\"States.Format('lead {}', $.id)\"}}}",
            "{\"e\":\"Bad\",\"id\":7}");
    ExecutionDescription d = fixture.describe(arn);
    assertEquals(ExecutionStatus.FAILED, d.status());
    assertEquals("Bad", d.error().orElseThrow());
    assertEquals("lead 7", d.cause().orElseThrow());
    assertEquals(
        List.of("ExecutionStarted", "FailStateEntered", "ExecutionFailed"),
        fixture.eventTypes(arn));
  }

  @Test
  void listExecutions_filtersByStatus() {
    fixture.function("Offer", p -> json("{}"));
    String machine = fixture.engine.createStateMachine("M", WAIT_FOR_CALLBACK);
    String a =
        fixture.engine.startExecution(machine, Optional.of("a"), "{\"id\":1}").executionArn();
    fixture.engine.startExecution(machine, Optional.of("b"), "{\"id\":2}");
    fixture.engine.awaitIdle();
    fixture.engine.stopExecution(a, Optional.empty(), Optional.empty());

    assertEquals(
        List.of("b"),
        fixture.engine.listExecutions(machine, Optional.of(ExecutionStatus.RUNNING)).stream()
            .map(ExecutionDescription::name)
            .toList());
    assertEquals(
        List.of("a"),
        fixture.engine.listExecutions(machine, Optional.of(ExecutionStatus.ABORTED)).stream()
            .map(ExecutionDescription::name)
            .toList());
    assertEquals(2, fixture.engine.listExecutions(machine, Optional.empty()).size());
  }

  @Test
  void manyExecutions_answeredFromOtherThreads_allSucceed() throws Exception {
    // GIVEN 300 executions waiting on callbacks
    fixture.function("Offer", p -> json("{}"));
    String machine = fixture.engine.createStateMachine("M", WAIT_FOR_CALLBACK);
    List<String> arns = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      arns.add(
          fixture
              .engine
              .startExecution(machine, Optional.of("lead-" + i), "{\"id\":" + i + "}")
              .executionArn());
    }
    fixture.engine.awaitIdle();

    // WHEN every task is answered concurrently from eight threads
    ExecutorService http = Executors.newFixedThreadPool(8);
    List<String> tokens;
    synchronized (fixture.invocations) {
      tokens = fixture.invocations.stream().map(i -> i.payload().get("token").asText()).toList();
    }
    for (String token : tokens) {
      http.execute(() -> fixture.engine.sendTaskSuccess(token, "{\"ok\":true}"));
    }
    http.shutdown();
    assertTrue(http.awaitTermination(30, TimeUnit.SECONDS));
    fixture.engine.awaitIdle();

    // THEN all of them succeeded
    assertEquals(300, tokens.size());
    for (String arn : arns) {
      assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status(), arn);
    }
  }
}
