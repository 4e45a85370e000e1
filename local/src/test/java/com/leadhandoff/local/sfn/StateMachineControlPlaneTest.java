package com.leadhandoff.local.sfn;

import static com.leadhandoff.local.sfn.LocalSfn.ROLE;
import static com.leadhandoff.local.sfn.LocalSfn.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDeletingException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * CreateStateMachine, UpdateStateMachine, DeleteStateMachine, DescribeStateMachine and
 * ListStateMachines through the real SDK client, as the Step Functions API reference describes
 * each.
 */
class StateMachineControlPlaneTest {
  private static final String PASS =
      """
      {"StartAt": "Say Hello", "States": {"Say Hello": {"Type": "Pass",
        "Result": "hello", "ResultPath": "$.greeting", "End": true}}}""";
  private static final String WAIT_THEN_PASS =
      """
      {"StartAt": "Wait A Minute", "States": {
        "Wait A Minute": {"Type": "Wait", "Seconds": 60, "Next": "Say Hello"},
        "Say Hello": {"Type": "Pass", "Result": "%s", "ResultPath": "$.greeting", "End": true}}}""";

  private final LocalSfn local = new LocalSfn();

  @AfterEach
  void close() {
    local.close();
  }

  // ---- CreateStateMachine ----

  @Test
  void createStateMachine_returnsArnAndCreationDate_andDescribeShowsEveryField() {
    var created =
        local.sfn.createStateMachine(
            r -> r.name("Greeter").definition(PASS).roleArn(ROLE).type(StateMachineType.STANDARD));

    assertEquals(
        "arn:aws:states:us-east-1:000000000000:stateMachine:Greeter", created.stateMachineArn());
    assertEquals(T0, created.creationDate());
    DescribeStateMachineResponse described =
        local.sfn.describeStateMachine(r -> r.stateMachineArn(created.stateMachineArn()));
    assertEquals("Greeter", described.name());
    assertEquals(StateMachineStatus.ACTIVE, described.status());
    assertEquals(StateMachineType.STANDARD, described.type());
    assertEquals(PASS, described.definition());
    assertEquals(ROLE, described.roleArn());
    assertEquals(T0, described.creationDate());
  }

  @Test
  void createStateMachine_sameNameAndDefinition_isIdempotentAndKeepsTheFirstRole() {
    String first = local.create("Greeter", PASS);

    String again =
        local
            .sfn
            .createStateMachine(
                r ->
                    r.name("Greeter")
                        .definition(PASS)
                        .roleArn("arn:aws:iam::000000000000:role/Other"))
            .stateMachineArn();

    assertEquals(first, again);
    assertEquals(ROLE, local.sfn.describeStateMachine(r -> r.stateMachineArn(first)).roleArn());
  }

  @Test
  void createStateMachine_sameNameOtherDefinition_isStateMachineAlreadyExists() {
    local.create("Greeter", PASS);

    assertThrows(
        StateMachineAlreadyExistsException.class,
        () -> local.create("Greeter", WAIT_THEN_PASS.formatted("hi")));
  }

  @Test
  void createStateMachine_invalidDefinition_isInvalidDefinitionNamingTheProblem() {
    InvalidDefinitionException e =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                local.create(
                    "Broken",
                    """
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}"""));

    assertTrue(
        e.awsErrorDetails().errorMessage().contains("Missing 'Next' target: B at /States/A/Next"),
        e.getMessage());
  }

  @Test
  void createStateMachine_badNameOrRole_isInvalidNameOrInvalidArn() {
    assertThrows(InvalidNameException.class, () -> local.create("has space", PASS));
    assertThrows(
        InvalidArnException.class,
        () ->
            local.sfn.createStateMachine(
                r -> r.name("Greeter").definition(PASS).roleArn("not-an-arn")));
  }

  @Test
  void createStateMachine_expressWithCallbackTask_isInvalidDefinition() {
    String callback =
        """
        {"StartAt": "Offer", "States": {"Offer": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "%sOffer", "Payload": {"token.$": "$$.Task.Token"}},
          "End": true}}}"""
            .formatted(LocalSfn.FN);

    InvalidDefinitionException e =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                local.sfn.createStateMachine(
                    r ->
                        r.name("Offers")
                            .definition(callback)
                            .roleArn(ROLE)
                            .type(StateMachineType.EXPRESS)));

    assertTrue(e.awsErrorDetails().errorMessage().contains("waitForTaskToken"), e.getMessage());
  }

  // ---- UpdateStateMachine ----

  @Test
  void updateStateMachine_newExecutionsUseTheNewDefinition_runningOnesKeepTheOld() {
    // GIVEN an execution waiting a minute in the first definition
    String machine = local.create("Greeter", WAIT_THEN_PASS.formatted("old"));
    String running =
        local.sfn.startExecution(r -> r.stateMachineArn(machine).name("first")).executionArn();
    local.engine.awaitIdle();

    // WHEN the definition is updated and a second execution starts
    var updated =
        local.sfn.updateStateMachine(
            r -> r.stateMachineArn(machine).definition(WAIT_THEN_PASS.formatted("new")));
    String second =
        local.sfn.startExecution(r -> r.stateMachineArn(machine).name("second")).executionArn();
    local.clock.advance(Duration.ofMinutes(1));
    local.engine.awaitIdle();

    // THEN each ran the definition it started with
    assertEquals(T0, updated.updateDate());
    assertTrue(output(running).contains("\"old\""), output(running));
    assertTrue(output(second).contains("\"new\""), output(second));
    assertTrue(
        local
            .sfn
            .describeStateMachine(r -> r.stateMachineArn(machine))
            .definition()
            .contains("new"));
  }

  @Test
  void updateStateMachine_withNothingToChange_isMissingRequiredParameter() {
    String machine = local.create("Greeter", PASS);

    assertThrows(
        MissingRequiredParameterException.class,
        () -> local.sfn.updateStateMachine(r -> r.stateMachineArn(machine)));
  }

  @Test
  void updateStateMachine_invalidDefinition_isInvalidDefinitionAndKeepsTheOld() {
    String machine = local.create("Greeter", PASS);

    assertThrows(
        InvalidDefinitionException.class,
        () ->
            local.sfn.updateStateMachine(
                r -> r.stateMachineArn(machine).definition("{\"StartAt\": \"X\"}")));

    assertEquals(
        PASS, local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)).definition());
  }

  // ---- DeleteStateMachine ----

  @Test
  void deleteStateMachine_withoutExecutionsRunning_isGoneAtOnce() {
    String machine = local.create("Greeter", PASS);

    local.sfn.deleteStateMachine(r -> r.stateMachineArn(machine));

    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)));
    assertTrue(local.sfn.listStateMachines(r -> {}).stateMachines().isEmpty());
  }

  @Test
  void deleteStateMachine_whileAnExecutionWaits_isDeletingUntilItsNextTransitionFailsIt() {
    // GIVEN an execution waiting in a Wait state
    String machine = local.create("Greeter", WAIT_THEN_PASS.formatted("hi"));
    String running =
        local.sfn.startExecution(r -> r.stateMachineArn(machine).name("waiting")).executionArn();
    local.engine.awaitIdle();

    // WHEN the machine is deleted
    local.sfn.deleteStateMachine(r -> r.stateMachineArn(machine));

    // THEN it is DELETING, takes no new execution, and the execution still runs
    assertEquals(
        StateMachineStatus.DELETING,
        local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)).status());
    assertThrows(
        StateMachineDeletingException.class,
        () -> local.sfn.startExecution(r -> r.stateMachineArn(machine).name("late")));
    assertEquals(ExecutionStatus.RUNNING, describe(running).status());

    // AND WHEN its wait ends, its next transition fails it and the machine is gone
    local.clock.advance(Duration.ofMinutes(1));
    local.engine.awaitIdle();
    DescribeExecutionResponse ended = describe(running);
    assertEquals(ExecutionStatus.FAILED, ended.status());
    assertEquals("States.Runtime", ended.error());
    assertEquals("State machine Greeter has been deleted.", ended.cause());
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> local.sfn.describeStateMachine(r -> r.stateMachineArn(machine)));
  }

  // ---- ListStateMachines ----

  @Test
  void listStateMachines_pagesWithMaxResultsAndNextToken() {
    for (int i = 1; i <= 5; i++) {
      local.create("Machine" + i, PASS);
    }

    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListStateMachinesResponse page =
          local.sfn.listStateMachines(r -> r.maxResults(2).nextToken(next));
      page.stateMachines().stream().map(StateMachineListItem::name).forEach(names::add);
      page.stateMachines()
          .forEach(
              m -> {
                assertEquals(StateMachineType.STANDARD, m.type());
                assertEquals(T0, m.creationDate());
              });
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertEquals(List.of("Machine1", "Machine2", "Machine3", "Machine4", "Machine5"), names);
    assertEquals(3, pages);
  }

  @Test
  void listStateMachines_withNone_isEmptyWithoutToken() {
    ListStateMachinesResponse page = local.sfn.listStateMachines(r -> {});

    assertTrue(page.stateMachines().isEmpty());
    assertNull(page.nextToken());
  }

  private DescribeExecutionResponse describe(String executionArn) {
    return local.sfn.describeExecution(r -> r.executionArn(executionArn));
  }

  private String output(String executionArn) {
    return describe(executionArn).output();
  }
}
