package com.leadhandoff.local.asl.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaInvoker;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.asl.engine.VirtualRuns;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.clock.VirtualClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * TestState: runs one state's definition in a private engine on a virtual clock (so a Wait state
 * does not hold the caller), calling Lambda tasks through the given invoker, and reads the result
 * from the execution's history.
 */
public final class StateTester {
  private final LambdaInvoker lambda;
  private final Supplier<Instant> now;

  /**
   * A tester whose Task states call {@code lambda}.
   *
   * @param now the time the tested state starts at (the runtime's clock)
   */
  public StateTester(LambdaInvoker lambda, Supplier<Instant> now) {
    this.lambda = lambda;
    this.now = now;
  }

  /**
   * Runs {@code definition} (one state's JSON) on {@code input} (JSON text; null is {@code {}}).
   *
   * @throws StepFunctionsException.InvalidDefinition for a state the interpreter refuses
   * @throws StepFunctionsException.InvalidExecutionInput for input that is not JSON
   */
  public TestStateResult test(String definition, String input, InspectionLevel level) {
    SingleStateMachine machine = SingleStateMachine.of(definition);
    String inputText = input == null ? "{}" : input;
    JsonNode inputJson =
        Json.tryParse(inputText)
            .orElseThrow(
                () ->
                    new StepFunctionsException.InvalidExecutionInput(
                        "Invalid input: not a JSON text"));
    VirtualClock clock = new VirtualClock(now.get());
    try (ExecutionEngine engine = ExecutionEngine.builder(clock, lambda).workers(1).build()) {
      String arn = engine.createStateMachine(SingleStateMachine.DEFAULT_NAME, machine.definition);
      String execution =
          engine.startExecution(arn, Optional.of("test"), Json.write(inputJson)).executionArn();
      ExecutionDescription ended = VirtualRuns.toEnd(engine, clock, execution);
      List<HistoryEvent> history = engine.getExecutionHistory(execution);
      TestStateResult result = outcome(machine, ended, history);
      if (level == InspectionLevel.INFO) {
        return result;
      }
      InspectionData data = Inspection.of(machine, inputJson, history, result);
      return new TestStateResult(
          result.status(),
          result.output(),
          result.error(),
          result.cause(),
          result.nextState(),
          Optional.of(data));
    }
  }

  private static TestStateResult outcome(
      SingleStateMachine machine, ExecutionDescription ended, List<HistoryEvent> history) {
    Optional<String> next =
        history.stream()
            .filter(e -> e.type().endsWith("StateEntered"))
            .map(e -> e.detail("name").orElse(""))
            .filter(name -> !name.equals(machine.stateName))
            .findFirst();
    Optional<HistoryEvent> failure =
        history.stream()
            .filter(e -> e.details().has("error") && !e.type().startsWith("Execution"))
            .findFirst();
    if (next.isPresent()) {
      boolean caught =
          failure.isPresent()
              || (machine.catchTargets.contains(next.get())
                  && !machine.nextTargets.contains(next.get()));
      if (!caught) {
        return result(TestStateResult.Status.SUCCEEDED, ended.output(), none(), none(), next);
      }
      JsonNode errorOutput = ended.output().flatMap(Json::tryParse).orElseGet(Json::object);
      Optional<String> error =
          failure.flatMap(f -> f.detail("error")).or(() -> text(errorOutput, "Error"));
      Optional<String> cause =
          failure.flatMap(f -> f.detail("cause")).or(() -> text(errorOutput, "Cause"));
      if (machine.retries(error.orElse(""))) {
        return result(TestStateResult.Status.RETRIABLE, none(), error, cause, none());
      }
      return result(TestStateResult.Status.CAUGHT_ERROR, ended.output(), error, cause, next);
    }
    if (ended.status() == ExecutionStatus.SUCCEEDED) {
      return result(TestStateResult.Status.SUCCEEDED, ended.output(), none(), none(), none());
    }
    if (ended.status() == ExecutionStatus.RUNNING) {
      return result(
          TestStateResult.Status.FAILED,
          none(),
          Optional.of("States.Runtime"),
          Optional.of("The state is still waiting; TestState runs states that end on their own."),
          none());
    }
    TestStateResult.Status status =
        machine.retries(ended.error().orElse(""))
            ? TestStateResult.Status.RETRIABLE
            : TestStateResult.Status.FAILED;
    return result(status, none(), ended.error(), ended.cause(), none());
  }

  private static TestStateResult result(
      TestStateResult.Status status,
      Optional<String> output,
      Optional<String> error,
      Optional<String> cause,
      Optional<String> next) {
    return new TestStateResult(status, output, error, cause, next, Optional.empty());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static Optional<String> none() {
    return Optional.empty();
  }
}
