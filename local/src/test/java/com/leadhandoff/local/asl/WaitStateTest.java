package com.leadhandoff.local.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wait states on the virtual clock: nothing happens until time is advanced past the deadline. */
class WaitStateTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static String waitThenSucceed(String waitField) {
    return "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
        + waitField
        + ",\"Next\":\"Done\"},\"Done\":{\"Type\":\"Succeed\"}}}";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"Seconds\":60",
        "\"Timestamp\":\"2025-03-03T09:01:00Z\"",
        "\"SecondsPath\":\"$.wait\"",
        "\"TimestampPath\":\"$.until\""
      })
  void wait_endsExactlyAtItsDeadline(String waitField) {
    // GIVEN an execution waiting 60 s in one of the four ways
    String arn =
        fixture.run(waitThenSucceed(waitField), "{\"wait\":60,\"until\":\"2025-03-03T09:01:00Z\"}");

    // WHEN 59 s pass, it still waits; one more second ends the wait
    fixture.clock.advance(Duration.ofSeconds(59));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));
    fixture.engine.awaitIdle();

    // THEN the state exits at the deadline and the execution succeeds
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    HistoryEvent exited =
        fixture.engine.getExecutionHistory(arn).stream()
            .filter(e -> e.type().equals("WaitStateExited"))
            .findFirst()
            .orElseThrow();
    assertEquals(Instant.parse("2025-03-03T09:01:00Z"), exited.timestamp());
  }

  @Test
  void timestampInThePast_continuesAtOnce() {
    String arn = fixture.run(waitThenSucceed("\"Timestamp\":\"2020-01-01T00:00:00Z\""), "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
  }

  @Test
  void secondsPathNotANumber_failsWithRuntimeError() {
    String arn = fixture.run(waitThenSucceed("\"SecondsPath\":\"$.wait\""), "{\"wait\":\"soon\"}");
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
  }

  @Test
  void executionTimeout_timesTheExecutionOut() {
    String definition =
        "{\"TimeoutSeconds\":30,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";
    String arn = fixture.run(definition, "{}");
    fixture.clock.advance(Duration.ofSeconds(30));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.TIMED_OUT, fixture.describe(arn).status());
    assertEquals(
        "ExecutionTimedOut", fixture.eventTypes(arn).get(fixture.eventTypes(arn).size() - 1));
    assertEquals(0, fixture.clock.pendingTimers());
  }
}
