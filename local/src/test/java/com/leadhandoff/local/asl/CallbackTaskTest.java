package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lambda:invoke.waitForTaskToken with TimeoutSeconds / HeartbeatSeconds and SendTask* calls. */
class CallbackTaskTest {
  private final EngineFixture fixture = new EngineFixture();

  @BeforeEach
  void offerFunction() {
    fixture.function("Offer", p -> json("{\"emailed\":true}"));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private String start(String timing, String catchers) {
    String definition =
        "{\"StartAt\":\"Offer\",\"States\":{\"Offer\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
            + "\"Parameters\":{\"FunctionName\":\""
            + FN
            + "Offer\",\"Payload\":{\"lead.$\":\"$.lead\",\"token.$\":\"$$.Task.Token\"}},"
            + timing
            + ",\"ResultPath\":\"$.answer\",\"Catch\":["
            + catchers
            + "],\"End\":true}"
            + (catchers.isEmpty() ? "" : ",\"Missed\":{\"Type\":\"Pass\",\"End\":true}")
            + "}}";
    return fixture.run(definition, "{\"lead\":\"L1\"}");
  }

  private String token() {
    return fixture.lastToken(FN + "Offer", "token");
  }

  @Test
  void sendTaskSuccess_completesTheTaskWithItsOutput() {
    String arn = start("\"TimeoutSeconds\":600", "");
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());

    fixture.engine.sendTaskSuccess(token(), "{\"outcome\":\"ACCEPTED\"}");
    fixture.engine.awaitIdle();

    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(
        json("{\"lead\":\"L1\",\"answer\":{\"outcome\":\"ACCEPTED\"}}"), fixture.output(arn));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        fixture.eventTypes(arn));
    HistoryEvent scheduled = fixture.engine.getExecutionHistory(arn).get(2);
    assertEquals("lambda", scheduled.detail("resourceType").orElseThrow());
    assertEquals("invoke.waitForTaskToken", scheduled.detail("resource").orElseThrow());
    assertEquals("600", scheduled.detail("timeoutInSeconds").orElseThrow());
    HistoryEvent submitted = fixture.engine.getExecutionHistory(arn).get(4);
    assertEquals(
        json("{\"emailed\":true}"), json(submitted.detail("output").orElseThrow()).get("Payload"));
  }

  @Test
  void sendTaskFailure_failsTheTaskWithErrorAndCause() {
    String arn = start("\"TimeoutSeconds\":600", "");
    fixture.engine.sendTaskFailure(token(), Optional.of("OfferDeclined"), Optional.of("busy"));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("OfferDeclined", fixture.describe(arn).error().orElseThrow());
    assertEquals("busy", fixture.describe(arn).cause().orElseThrow());
    assertTrue(fixture.eventTypes(arn).contains("TaskFailed"));
  }

  @Test
  void timeout_failsWithStatesTimeoutCaughtByTimeoutCatcher() {
    // GIVEN a waiting task with a 300 s timeout; TaskFailed would not catch a timeout
    String arn =
        start(
            "\"TimeoutSeconds\":300",
            "{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Missed\"},"
                + "{\"ErrorEquals\":[\"States.Timeout\"],\"ResultPath\":\"$.failure\",\"Next\":\"Missed\"}");
    String token = token();

    // WHEN the deadline passes
    fixture.clock.advance(Duration.ofSeconds(300));

    // THEN the timeout catcher placed States.Timeout, and the token no longer works
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals("States.Timeout", fixture.output(arn).at("/failure/Error").asText());
    assertTrue(fixture.eventTypes(arn).contains("TaskTimedOut"));
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{}"));
  }

  @Test
  void timeoutSecondsPath_readsTheDeadlineFromInput() {
    String definition =
        "{\"StartAt\":\"Offer\",\"States\":{\"Offer\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
            + "\"Parameters\":{\"FunctionName\":\""
            + FN
            + "Offer\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},"
            + "\"TimeoutSecondsPath\":\"$.route.timeoutSeconds\",\"End\":true}}}";
    String arn = fixture.run(definition, "{\"route\":{\"timeoutSeconds\":45}}");
    fixture.clock.advance(Duration.ofSeconds(44));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("States.Timeout", fixture.describe(arn).error().orElseThrow());
  }

  @Test
  void heartbeats_keepTheTaskAliveUntilTheyStop() {
    // GIVEN a task that must beat every 60 s
    String arn = start("\"TimeoutSeconds\":3600,\"HeartbeatSeconds\":60", "");
    String token = token();

    // WHEN heartbeats arrive at 50 s and 100 s, then stop
    fixture.clock.advance(Duration.ofSeconds(50));
    fixture.engine.sendTaskHeartbeat(token);
    fixture.clock.advance(Duration.ofSeconds(50));
    fixture.engine.sendTaskHeartbeat(token);
    fixture.clock.advance(Duration.ofSeconds(59));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));

    // THEN it times out 60 s after the last heartbeat with States.HeartbeatTimeout
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("States.HeartbeatTimeout", fixture.describe(arn).error().orElseThrow());
    assertThrows(
        StepFunctionsException.TaskTimedOut.class, () -> fixture.engine.sendTaskHeartbeat(token));
  }

  @Test
  void sendTaskErrors_mapToTheAwsErrorCodes() {
    start("\"TimeoutSeconds\":600", "");
    String token = token();
    String unknown = "A".repeat(43);

    assertEquals(
        "InvalidToken",
        assertThrows(
                StepFunctionsException.InvalidToken.class,
                () -> fixture.engine.sendTaskSuccess("not a token", "{}"))
            .errorCode());
    assertThrows(
        StepFunctionsException.TaskDoesNotExist.class,
        () -> fixture.engine.sendTaskSuccess(unknown, "{}"));
    assertThrows(
        StepFunctionsException.InvalidOutput.class,
        () -> fixture.engine.sendTaskSuccess(token, "{not json"));

    fixture.engine.sendTaskSuccess(token, "{}");
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{}"));
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskFailure(token, Optional.empty(), Optional.empty()));
  }

  @Test
  void stopExecution_abortsAndInvalidatesTheToken() {
    String arn = start("\"TimeoutSeconds\":600", "");
    String token = token();

    fixture.engine.stopExecution(arn, Optional.of("Stopped"), Optional.of("by test"));
    fixture.engine.awaitIdle();

    assertEquals(ExecutionStatus.ABORTED, fixture.describe(arn).status());
    assertEquals(
        "ExecutionAborted", fixture.eventTypes(arn).get(fixture.eventTypes(arn).size() - 1));
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{}"));
    assertEquals(0, fixture.clock.pendingTimers());
  }

  @Test
  void invokeFailure_failsTheTaskAndIsRetriedWithANewToken() {
    // GIVEN an offer function that fails once with a transient error
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    fixture.function(
        "Offer",
        p -> {
          if (calls.incrementAndGet() == 1) {
            throw LambdaFailure.functionError("Transient", "ses down", List.of());
          }
          return json("{}");
        });
    String definition =
        "{\"StartAt\":\"Offer\",\"States\":{\"Offer\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
            + "\"Parameters\":{\"FunctionName\":\""
            + FN
            + "Offer\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"TimeoutSeconds\":60,"
            + "\"Retry\":[{\"ErrorEquals\":[\"Transient\"]}],\"End\":true}}}";
    String arn = fixture.run(definition, "{}");
    String firstToken = fixture.invocations.get(0).payload().get("token").asText();

    // WHEN the retry runs after 1 s
    fixture.clock.advance(Duration.ofSeconds(1));
    String secondToken = token();

    // THEN the retry got a fresh token, and only that one completes the task
    assertTrue(!firstToken.equals(secondToken));
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(firstToken, "{}"));
    fixture.engine.sendTaskSuccess(secondToken, "{\"ok\":1}");
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertTrue(fixture.eventTypes(arn).contains("TaskFailed"));
  }

  @Test
  void lambdaInvoke_wrapsTheFunctionOutputLikeAws() {
    String definition =
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
            + "\"Parameters\":{\"FunctionName\":\""
            + FN
            + "Offer\",\"Payload.$\":\"$\"},\"End\":true}}}";
    String arn = fixture.run(definition, "{\"a\":1}");
    var output = fixture.output(arn);
    assertEquals(json("{\"emailed\":true}"), output.get("Payload"));
    assertEquals(200, output.get("StatusCode").asInt());
    assertEquals("$LATEST", output.get("ExecutedVersion").asText());
    assertEquals(json("{\"a\":1}"), fixture.invocations.get(0).payload());
  }
}
