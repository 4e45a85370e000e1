package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.T0;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.eval.ErrorNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryAndCatchTest {
  /** A function that throws {@code failures} times, then returns {"ok":true}. */
  private static EngineFixture.Function failing(int failures, String errorType) {
    AtomicInteger calls = new AtomicInteger();
    return p -> {
      if (calls.incrementAndGet() <= failures) {
        throw LambdaFailure.functionError(errorType, "try again", List.of());
      }
      return json("{\"ok\":true}");
    };
  }

  private static String task(String retry, String catchers) {
    return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
        + FN
        + "Flaky\",\"Retry\":["
        + retry
        + "],\"Catch\":["
        + catchers
        + "],\"End\":true}"
        + (catchers.isEmpty() ? "" : ",\"Caught\":{\"Type\":\"Pass\",\"End\":true}")
        + "}}";
  }

  private static List<Long> secondsSinceStart(List<Instant> times) {
    List<Long> offsets = new ArrayList<>();
    times.forEach(t -> offsets.add(Duration.between(T0, t).toMillis()));
    return offsets;
  }

  @Test
  void retry_backsOffExponentiallyThenGivesUp() {
    try (EngineFixture fixture = new EngineFixture()) {
      // GIVEN a task that always fails, with IntervalSeconds 2, BackoffRate 3, MaxAttempts 3
      fixture.function("Flaky", failing(100, "Boom"));
      String arn =
          fixture.run(
              task(
                  "{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":2,\"BackoffRate\":3,\"MaxAttempts\":3}",
                  "{\"ErrorEquals\":[\"Other\"],\"Next\":\"Caught\"}"),
              "{}");

      // WHEN an hour passes
      fixture.clock.advance(Duration.ofHours(1));

      // THEN it ran 1 + 3 times at 0, 2, 8 and 26 s, then failed with the function's error
      assertEquals(
          List.of(0L, 2_000L, 8_000L, 26_000L),
          secondsSinceStart(fixture.invocationTimes(FN + "Flaky")));
      assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
      assertEquals("Boom", fixture.describe(arn).error().orElseThrow());
      assertEquals(
          "{\"errorMessage\":\"try again\",\"errorType\":\"Boom\"}",
          fixture.describe(arn).cause().orElseThrow());
    }
  }

  @Test
  void retryDefaults_areOneSecondThreeAttemptsRateTwo() {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.function("Flaky", failing(100, "Boom"));
      fixture.run(task("{\"ErrorEquals\":[\"States.ALL\"]}", ""), "{}");
      fixture.clock.advance(Duration.ofHours(1));
      assertEquals(
          List.of(0L, 1_000L, 3_000L, 7_000L),
          secondsSinceStart(fixture.invocationTimes(FN + "Flaky")));
    }
  }

  @Test
  void maxDelaySeconds_capsTheBackoff() {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.function("Flaky", failing(100, "Boom"));
      fixture.run(
          task(
              "{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":2,\"MaxAttempts\":4,\"MaxDelaySeconds\":5}",
              ""),
          "{}");
      fixture.clock.advance(Duration.ofHours(1));
      assertEquals(
          List.of(0L, 2_000L, 6_000L, 11_000L, 16_000L),
          secondsSinceStart(fixture.invocationTimes(FN + "Flaky")));
    }
  }

  @Test
  void fullJitter_drawsEachDelayFromTheInjectedRandom() {
    // GIVEN the engine's random and an identical one to predict the delays
    try (EngineFixture fixture = new EngineFixture(new Random(7))) {
      Random expected = new Random(7);
      fixture.function("Flaky", failing(2, "Boom"));
      String arn =
          fixture.run(
              task(
                  "{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":10,\"JitterStrategy\":\"FULL\"}",
                  ""),
              "{}");

      fixture.clock.advance(Duration.ofMinutes(5));

      long first = Math.round(10.0 * expected.nextDouble() * 1000);
      long second = first + Math.round(20.0 * expected.nextDouble() * 1000);
      assertEquals(
          List.of(0L, first, second), secondsSinceStart(fixture.invocationTimes(FN + "Flaky")));
      assertTrue(first < 10_000 && second - first < 20_000);
      assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    }
  }

  @Test
  void retrySucceeding_exposesRetryCountInContext() {
    try (EngineFixture fixture = new EngineFixture()) {
      List<Integer> seen = new ArrayList<>();
      AtomicInteger calls = new AtomicInteger();
      fixture.function(
          "Flaky",
          p -> {
            seen.add(p.get("retry").asInt());
            if (calls.incrementAndGet() < 3) {
              throw LambdaFailure.functionError("Boom", "x", List.of());
            }
            return json("{}");
          });
      String definition =
          "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
              + FN
              + "Flaky\",\"Parameters\":{\"retry.$\":\"$$.State.RetryCount\"},"
              + "\"Retry\":[{\"ErrorEquals\":[\"Boom\"]}],\"End\":true}}}";
      fixture.run(definition, "{}");
      fixture.clock.advance(Duration.ofMinutes(1));
      assertEquals(List.of(0, 1, 2), seen);
    }
  }

  @Test
  void catch_placesErrorOutputAtResultPathAndGoesNext() {
    try (EngineFixture fixture = new EngineFixture()) {
      // GIVEN a task whose function throws, caught into $.error
      fixture.function(
          "Flaky",
          p -> {
            throw LambdaFailure.fromException(new IllegalStateException("no rep"));
          });
      String arn =
          fixture.run(
              task(
                  "",
                  "{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"Caught\"}"),
              "{\"leadId\":\"L1\"}");

      // THEN the original input is kept and the error is placed beside it
      assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
      var output = fixture.output(arn);
      assertEquals("L1", output.get("leadId").asText());
      assertEquals("java.lang.IllegalStateException", output.at("/error/Error").asText());
      var cause = json(output.at("/error/Cause").asText());
      assertEquals("no rep", cause.get("errorMessage").asText());
      assertEquals("java.lang.IllegalStateException", cause.get("errorType").asText());
      assertEquals(List.of("T", "Caught"), fixture.statesEntered(arn));
      assertTrue(fixture.eventTypes(arn).contains("TaskStateExited"));
    }
  }

  @Test
  void retryThenCatch_catchesOnlyAfterRetriesAreExhausted() {
    try (EngineFixture fixture = new EngineFixture()) {
      fixture.function("Flaky", failing(100, "Boom"));
      String arn =
          fixture.run(
              task(
                  "{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":2}",
                  "{\"ErrorEquals\":[\"Boom\"],\"Next\":\"Caught\"}"),
              "{}");
      assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
      fixture.clock.advance(Duration.ofSeconds(3));
      assertEquals(3, fixture.invocationTimes(FN + "Flaky").size());
      assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
      assertEquals(
          json(
              "{\"Error\":\"Boom\",\"Cause\":\"{\\\"errorMessage\\\":\\\"try again\\\",\\\"errorType\\\":\\\"Boom\\\"}\"}"),
          fixture.output(arn));
    }
  }

  @Test
  void taskFailedMatchesEverythingButTimeouts() {
    assertTrue(ErrorNames.matches(List.of("States.TaskFailed"), "Boom", false));
    assertTrue(ErrorNames.matches(List.of("States.TaskFailed"), "States.Permissions", false));
    assertFalse(ErrorNames.matches(List.of("States.TaskFailed"), "States.Timeout", false));
    assertFalse(ErrorNames.matches(List.of("States.TaskFailed"), "States.HeartbeatTimeout", false));
    assertTrue(ErrorNames.matches(List.of("States.Timeout"), "States.Timeout", false));
    assertTrue(ErrorNames.matches(List.of("States.Timeout"), "States.HeartbeatTimeout", false));
    assertTrue(ErrorNames.matches(List.of("States.ALL"), "States.Timeout", false));
    assertFalse(ErrorNames.matches(List.of("States.ALL"), "States.Runtime", false));
  }

  @Test
  void unknownFunction_failsWithTheServiceError() {
    try (EngineFixture fixture = new EngineFixture()) {
      String arn =
          fixture.run(
              "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
                  + FN
                  + "Missing\",\"End\":true}}}",
              "{}");
      assertEquals("Lambda.ResourceNotFoundException", fixture.describe(arn).error().orElseThrow());
      assertTrue(fixture.eventTypes(arn).contains("LambdaFunctionFailed"));
    }
  }

  @Test
  void handlerThrowingUncheckedException_failsWithItsClassNameAndIsRetried() {
    try (EngineFixture fixture = new EngineFixture()) {
      // GIVEN a handler that throws an unchecked exception instead of a LambdaFailure
      fixture.function(
          "Flaky",
          p -> {
            throw new IllegalArgumentException("bad lead");
          });
      String arn =
          fixture.run(
              task(
                  "{\"ErrorEquals\":[\"java.lang.IllegalArgumentException\"],\"MaxAttempts\":1}",
                  ""),
              "{}");

      // WHEN the retry has run
      fixture.clock.advance(Duration.ofSeconds(1));

      // THEN the error is the exception's class name and the message is in the cause
      assertEquals(2, fixture.invocationTimes(FN + "Flaky").size());
      assertEquals(
          "java.lang.IllegalArgumentException", fixture.describe(arn).error().orElseThrow());
      assertEquals(
          "bad lead",
          json(fixture.describe(arn).cause().orElseThrow()).get("errorMessage").asText());
    }
  }
}
