package com.leadhandoff.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.eval.Json;
import java.util.List;
import java.util.Optional;

/**
 * Runs one expression in the Parameters of a Pass state named "A" ({@code "value.$": expression})
 * and reports what came out. Definitions are built with Jackson so that expressions are written
 * here exactly as they read inside the definition's JSON strings.
 */
final class IntrinsicProbe {
  private final EngineFixture fixture;
  String arn;
  private int runs;

  IntrinsicProbe(EngineFixture fixture) {
    this.fixture = fixture;
  }

  /** The definition of a single Pass state computing {@code value.$}. */
  static String definition(String expression) {
    ObjectNode definition = Json.object();
    definition.put("StartAt", "A");
    ObjectNode state = definition.putObject("States").putObject("A");
    state.put("Type", "Pass");
    state.putObject("Parameters").put("value.$", expression);
    state.put("End", true);
    return Json.write(definition);
  }

  /** Runs {@code expression} on {@code input} (JSON text); the first execution is "exec-1". */
  IntrinsicProbe run(String expression, String input) {
    runs++;
    String machine = fixture.engine.createStateMachine("Probe" + runs, definition(expression));
    arn = fixture.engine.startExecution(machine, Optional.of("exec-" + runs), input).executionArn();
    fixture.engine.awaitIdle();
    return this;
  }

  /** The value computed; fails the test if the execution failed. */
  JsonNode value() {
    ExecutionDescription description = fixture.describe(arn);
    if (description.error().isPresent()) {
      throw new AssertionError(description.error().get() + ": " + description.cause().orElse(""));
    }
    return fixture.output(arn).get("value");
  }

  String error() {
    return fixture.describe(arn).error().orElseThrow(() -> new AssertionError("did not fail"));
  }

  String cause() {
    return fixture.describe(arn).cause().orElseThrow(() -> new AssertionError("no cause"));
  }

  List<String> eventTypes() {
    return fixture.eventTypes(arn);
  }

  /** The cause Step Functions gives a failing call in state A. */
  static String functionFailure(String call, String error) {
    return "An error occurred while executing the state 'A' (entered at the event id #2). The"
        + " function '"
        + call
        + "' had the following error: "
        + error;
  }
}
