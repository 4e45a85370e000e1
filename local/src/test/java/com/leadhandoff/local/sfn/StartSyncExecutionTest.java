package com.leadhandoff.local.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * StartSyncExecution of EXPRESS machines through the real SDK client (API reference: it answers 200
 * with the execution's status even when the execution fails, and is not available for STANDARD).
 * The client disables the SDK's {@code sync-} host prefix ({@link LocalSfn}).
 */
class StartSyncExecutionTest {
  private static final String DOUBLE =
      """
      {"StartAt": "Double It", "States": {"Double It": {"Type": "Task",
        "Resource": "%sDouble", "End": true}}}"""
          .formatted(LocalSfn.FN);

  private final LocalSfn local =
      new LocalSfn()
          .function(
              "Double",
              payload -> Json.MAPPER.createObjectNode().put("n", payload.get("n").asInt() * 2));

  @AfterEach
  void close() {
    local.close();
  }

  private String express(String name, String definition) {
    return local
        .sfn
        .createStateMachine(
            r ->
                r.name(name)
                    .definition(definition)
                    .roleArn(LocalSfn.ROLE)
                    .type(StateMachineType.EXPRESS))
        .stateMachineArn();
  }

  @Test
  void expressMachine_runsToItsEndAndAnswersWithOutputAndBilling() {
    String machine = express("Doubler", DOUBLE);

    StartSyncExecutionResponse response =
        local.sfn.startSyncExecution(
            r -> r.stateMachineArn(machine).name("d1").input("{\"n\":21}"));

    assertEquals(SyncExecutionStatus.SUCCEEDED, response.status());
    assertEquals(TinyEngine.json("{\"n\":42}"), TinyEngine.json(response.output()));
    assertEquals(machine, response.stateMachineArn());
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:express:Doubler:d1", response.executionArn());
    assertEquals(LocalSfn.T0, response.startDate());
    assertEquals(LocalSfn.T0, response.stopDate());
    assertEquals(64, response.billingDetails().billedMemoryUsedInMB());
    assertEquals(100, response.billingDetails().billedDurationInMilliseconds());
  }

  @Test
  void failingExecution_isStatusFailedWithErrorAndCause() {
    String machine =
        express(
            "Refuser",
            """
            {"StartAt": "Refuse", "States": {"Refuse": {"Type": "Fail",
              "Error": "NotAFit", "Cause": "spam"}}}""");

    StartSyncExecutionResponse response =
        local.sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{}"));

    assertEquals(SyncExecutionStatus.FAILED, response.status());
    assertEquals("NotAFit", response.error());
    assertEquals("spam", response.cause());
    assertNull(response.output());
  }

  @Test
  void executionStillRunningAtTheLimit_isTimedOut() {
    // GIVEN an Express execution that waits longer than it may run (the engine's limit is given
    // here as 200 ms instead of the five minutes of Express workflows)
    String machine =
        express(
            "Waiter",
            """
            {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 3600,
              "End": true}}}""");

    // WHEN it runs synchronously
    var ended =
        local.engine.startSyncExecution(
            machine, java.util.Optional.of("w1"), "{}", java.time.Duration.ofMillis(200));

    // THEN it is TIMED_OUT with States.Timeout, and the API says so too
    assertEquals(com.leadhandoff.local.asl.engine.ExecutionStatus.TIMED_OUT, ended.status());
    assertEquals("States.Timeout", ended.error().orElseThrow());
    assertEquals(
        ExecutionStatus.TIMED_OUT,
        local.sfn.describeExecution(r -> r.executionArn(ended.executionArn())).status());
  }

  @Test
  void standardMachine_isStateMachineTypeNotSupported() {
    String machine = local.create("Standard", DOUBLE);

    assertThrows(
        StateMachineTypeNotSupportedException.class,
        () -> local.sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{\"n\":1}")));
  }

  @Test
  void startExecutionOfAnExpressMachine_runsIt() {
    String machine = express("Doubler", DOUBLE);

    String arn =
        local.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":2}")).executionArn();
    local.engine.awaitIdle();

    var described = local.sfn.describeExecution(r -> r.executionArn(arn));
    assertTrue(arn.contains(":express:Doubler:"), arn);
    assertEquals(ExecutionStatus.SUCCEEDED, described.status());
    assertEquals(TinyEngine.json("{\"n\":4}"), TinyEngine.json(described.output()));
  }
}
