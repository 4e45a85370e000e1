package com.leadhandoff.local.sfn;

import static com.leadhandoff.local.sfn.LocalSfn.ROLE;
import static com.leadhandoff.local.sfn.LocalSfn.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * State machines created through the API are kept in the data folder: a runtime started again on it
 * has them, as they were, and their executions carry on (with the definition each started with, as
 * UpdateStateMachine's reference says running executions do).
 */
class ApiStateMachinesSurviveRestartTest {
  private static final String WAIT_THEN_PASS =
      """
      {"StartAt": "Wait A Minute", "States": {
        "Wait A Minute": {"Type": "Wait", "Seconds": 60, "Next": "Say Hello"},
        "Say Hello": {"Type": "Pass", "Result": "%s", "ResultPath": "$.greeting", "End": true}}}""";
  private static final String FIRST = WAIT_THEN_PASS.formatted("first");
  private static final String SECOND = WAIT_THEN_PASS.formatted("second");
  private static final String ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:Greeter";

  @TempDir Path data;
  private final List<LocalSfn> runtimes = new ArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(LocalSfn::close);
  }

  private LocalSfn start(Instant at) {
    LocalSfn local = LocalSfn.restartedOn(data, at);
    runtimes.add(local);
    return local;
  }

  private static String startExecution(LocalSfn local, String name) {
    String arn =
        local.sfn.startExecution(r -> r.stateMachineArn(ARN).name(name).input("{}")).executionArn();
    local.engine.awaitIdle();
    return arn;
  }

  private static DescribeExecutionResponse describe(LocalSfn local, String executionArn) {
    return local.sfn.describeExecution(r -> r.executionArn(executionArn));
  }

  @Test
  void restart_keepsTheMachineCreatedThroughTheApi_andItsWaitingExecutionFinishes() {
    // GIVEN a machine created through the SDK and an execution waiting 60 s in it
    LocalSfn first = start(T0);
    first.sfn.createStateMachine(
        r -> r.name("Greeter").definition(FIRST).roleArn(ROLE).type(StateMachineType.STANDARD));
    String execution = startExecution(first, "lead-1");
    first.close();

    // WHEN the runtime starts again on the same data folder, 10 s later
    LocalSfn second = start(T0.plusSeconds(10));

    // THEN the machine is there as it was, and the execution finishes when its wait ends
    assertEquals(List.of(), second.machineNotes);
    DescribeStateMachineResponse machine =
        second.sfn.describeStateMachine(r -> r.stateMachineArn(ARN));
    assertEquals("Greeter", machine.name());
    assertEquals(FIRST, machine.definition());
    assertEquals(ROLE, machine.roleArn());
    assertEquals(StateMachineType.STANDARD, machine.type());
    assertEquals(StateMachineStatus.ACTIVE, machine.status());
    assertEquals(T0, machine.creationDate());
    List<StateMachineListItem> listed = second.sfn.listStateMachines(r -> {}).stateMachines();
    assertEquals(List.of(ARN), listed.stream().map(StateMachineListItem::stateMachineArn).toList());
    assertEquals(ExecutionStatus.RUNNING, describe(second, execution).status());
    second.clock.advance(Duration.ofSeconds(50));
    second.engine.awaitIdle();
    DescribeExecutionResponse done = describe(second, execution);
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals("{\"greeting\":\"first\"}", done.output());
  }

  @Test
  void restart_aRunningExecutionKeepsTheDefinitionItStartedWith_newOnesTakeTheUpdate() {
    // GIVEN an execution started before UpdateStateMachine changed the greeting
    LocalSfn first = start(T0);
    first.create("Greeter", FIRST);
    String before = startExecution(first, "before");
    first.sfn.updateStateMachine(r -> r.stateMachineArn(ARN).definition(SECOND));
    first.close();

    // WHEN the runtime restarts and a new execution starts
    LocalSfn second = start(T0.plusSeconds(10));
    String after = startExecution(second, "after");
    second.clock.advance(Duration.ofSeconds(60));
    second.engine.awaitIdle();

    // THEN the first ends with the definition it started with, the new one with the update
    assertEquals(SECOND, second.sfn.describeStateMachine(r -> r.stateMachineArn(ARN)).definition());
    assertEquals("{\"greeting\":\"first\"}", describe(second, before).output());
    assertEquals("{\"greeting\":\"second\"}", describe(second, after).output());
  }

  @Test
  void restart_aDeletedMachineStaysDeleted() {
    // GIVEN a machine deleted through the API with no execution running
    LocalSfn first = start(T0);
    first.create("Greeter", FIRST);
    first.sfn.deleteStateMachine(r -> r.stateMachineArn(ARN));
    first.close();

    // WHEN the runtime restarts
    LocalSfn second = start(T0.plusSeconds(10));

    // THEN it is not there, nor its file
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> second.sfn.describeStateMachine(r -> r.stateMachineArn(ARN)));
    assertEquals(List.of(), second.sfn.listStateMachines(r -> {}).stateMachines());
    assertFalse(Files.exists(data.resolve("state-machines/Greeter.json")));
  }

  @Test
  void restart_aMachineDeletingWithARunningExecution_isDeletingUntilThatExecutionIsTerminated() {
    // GIVEN a machine deleted while an execution of it waits
    LocalSfn first = start(T0);
    first.create("Greeter", FIRST);
    String execution = startExecution(first, "lead-1");
    first.sfn.deleteStateMachine(r -> r.stateMachineArn(ARN));
    assertEquals(
        StateMachineStatus.DELETING,
        first.sfn.describeStateMachine(r -> r.stateMachineArn(ARN)).status());
    first.close();

    // WHEN the runtime restarts
    LocalSfn second = start(T0.plusSeconds(10));

    // THEN the execution is terminated as the machine is deleted (DeletedMachineGuard: its next
    // transition, here its resumption), and the machine is gone with it
    DescribeExecutionResponse ended = describe(second, execution);
    assertEquals(ExecutionStatus.FAILED, ended.status());
    assertEquals("States.Runtime", ended.error());
    assertEquals("State machine Greeter has been deleted.", ended.cause());
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> second.sfn.describeStateMachine(r -> r.stateMachineArn(ARN)));
    assertFalse(Files.exists(data.resolve("state-machines/Greeter.json")));
  }

  @Test
  void restart_anUnreadableSavedMachineIsMovedAsideAndNamed_andTheOthersLoad() throws IOException {
    // GIVEN a kept machine, and a second file cut short
    LocalSfn first = start(T0);
    first.create("Greeter", FIRST);
    first.close();
    Path broken = data.resolve("state-machines/Broken.json");
    Files.writeString(broken, "{\"stateMachineArn\": \"arn:aws:states:us-east-1:0000");
    Path incomplete = data.resolve("state-machines/NoDefinition.json");
    Files.writeString(
        incomplete,
        "{\"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:NoDefinition\","
            + " \"name\": \"NoDefinition\", \"type\": \"STANDARD\"}");

    // WHEN the runtime restarts
    LocalSfn second = start(T0.plusSeconds(10));

    // THEN both are named and moved aside, and the good one is there
    assertEquals(2, second.machineNotes.size(), second.machineNotes.toString());
    assertTrue(second.machineNotes.get(0).contains("Broken.json could not be read"));
    assertTrue(
        second.machineNotes.get(1).contains("no text member \"definition\""),
        second.machineNotes.get(1));
    assertTrue(Files.exists(data.resolve("state-machines/Broken.json.unreadable")));
    assertTrue(Files.exists(data.resolve("state-machines/NoDefinition.json.unreadable")));
    assertFalse(Files.exists(broken));
    assertEquals("Greeter", second.sfn.describeStateMachine(r -> r.stateMachineArn(ARN)).name());
  }

  @Test
  void restart_aTemplateMachineOfTheSameNameWins_andTheSavedOneIsNamedAndKept() {
    // GIVEN a machine created through the API
    LocalSfn first = start(T0);
    first.create("Greeter", FIRST);
    first.close();

    // WHEN the runtime restarts with a template that now declares a machine of that name
    LocalSfn second =
        LocalSfn.restartedOn(
            data, T0.plusSeconds(10), engine -> engine.createStateMachine("Greeter", SECOND));
    runtimes.add(second);

    // THEN the template's definition runs, and the saved one is named and left where it was
    assertEquals(SECOND, second.sfn.describeStateMachine(r -> r.stateMachineArn(ARN)).definition());
    assertEquals(
        List.of(
            ARN
                + ": a state machine of that name is declared in template.yaml, which is used;"
                + " the saved one is left in the data folder"),
        second.machineNotes);
    assertTrue(Files.exists(data.resolve("state-machines/Greeter.json")));
  }
}
