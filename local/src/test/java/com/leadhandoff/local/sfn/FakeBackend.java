package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the engine: remembers executions and task tokens, checks what the engine checks.
 */
public final class FakeBackend implements StepFunctionsBackend {
  public static final String MACHINE =
      "arn:aws:states:us-east-1:123456789012:stateMachine:LeadHandoff";

  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final Map<String, List<ExecutionEvent>> history = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private Instant now = Instant.parse("2025-03-04T09:00:00Z");
  final List<String> calls = new ArrayList<>();

  /** A waiting task the test can answer; {@code state} is "waiting" or "timedOut". */
  public void task(String token, String state) {
    tokens.put(token, state);
  }

  @Override
  public Started startExecution(String stateMachineArn, String name, String input) {
    if (!stateMachineArn.equals(MACHINE)) {
      throw new StepFunctionsError("StateMachineDoesNotExist", "No " + stateMachineArn);
    }
    if (name.contains(" ") || name.length() > 80) {
      throw new StepFunctionsError("InvalidName", "Bad name " + name);
    }
    String arn = MACHINE.replace(":stateMachine:", ":execution:") + ":" + name;
    if (executions.containsKey(arn)) {
      throw new StepFunctionsError("ExecutionAlreadyExists", "Exists " + arn);
    }
    now = now.plusSeconds(1);
    executions.put(
        arn,
        new Execution(
            arn,
            MACHINE,
            name,
            "RUNNING",
            now,
            Optional.empty(),
            input,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    List<ExecutionEvent> events = new ArrayList<>();
    events.add(event(1, 0, "ExecutionStarted", Json.MAPPER.createObjectNode().put("input", input)));
    events.add(
        event(
            2,
            1,
            "TaskStateEntered",
            Json.MAPPER.createObjectNode().put("name", "Score Lead").put("input", input)));
    events.add(
        event(
            3,
            2,
            "LambdaFunctionScheduled",
            Json.MAPPER.createObjectNode().put("resource", "arn:fn")));
    history.put(arn, events);
    return new Started(arn, now);
  }

  private ExecutionEvent event(long id, long previous, String type, ObjectNode details) {
    return new ExecutionEvent(id, previous, now, type, details);
  }

  @Override
  public Execution describeExecution(String executionArn) {
    return Optional.ofNullable(executions.get(executionArn))
        .orElseThrow(() -> new StepFunctionsError("ExecutionDoesNotExist", "No " + executionArn));
  }

  @Override
  public List<ExecutionEvent> getExecutionHistory(String executionArn) {
    describeExecution(executionArn);
    return history.get(executionArn);
  }

  @Override
  public List<Execution> listExecutions(String stateMachineArn) {
    if (!stateMachineArn.equals(MACHINE)) {
      throw new StepFunctionsError("StateMachineDoesNotExist", "No " + stateMachineArn);
    }
    return List.copyOf(executions.values());
  }

  @Override
  public List<String> stateMachineArns() {
    return List.of(MACHINE);
  }

  @Override
  public Instant stopExecution(
      String executionArn, Optional<String> error, Optional<String> cause) {
    Execution e = describeExecution(executionArn);
    now = now.plusSeconds(1);
    executions.put(
        executionArn,
        new Execution(
            e.executionArn(),
            e.stateMachineArn(),
            e.name(),
            "ABORTED",
            e.startDate(),
            Optional.of(now),
            e.input(),
            Optional.empty(),
            error,
            cause));
    return now;
  }

  @Override
  public void sendTaskSuccess(String taskToken, String output) {
    checkToken(taskToken);
    if (!output.strip().startsWith("{")) {
      throw new StepFunctionsError("InvalidOutput", "Output is not JSON");
    }
    calls.add("success " + taskToken + " " + output);
  }

  @Override
  public void sendTaskFailure(String taskToken, Optional<String> error, Optional<String> cause) {
    checkToken(taskToken);
    calls.add("failure " + taskToken + " " + error.orElse("") + " " + cause.orElse(""));
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    checkToken(taskToken);
    calls.add("heartbeat " + taskToken);
  }

  private void checkToken(String token) {
    if (token.startsWith("garbage")) {
      throw new StepFunctionsError("InvalidToken", "Invalid token");
    }
    String state = tokens.get(token);
    if (state == null) {
      throw new StepFunctionsError("TaskDoesNotExist", "Task does not exist anymore");
    }
    if (state.equals("timedOut")) {
      throw new StepFunctionsError("TaskTimedOut", "Task timed out");
    }
  }
}
