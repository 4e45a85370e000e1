package com.leadhandoff.local.asl.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state under test wrapped in a state machine the engine can run: the state itself, without its
 * Retry (TestState reports a retriable error rather than retrying), and for each state it can go to
 * a Pass state that ends at once, so the execution stops right after the tested state and its
 * output is the tested state's.
 */
final class SingleStateMachine {
  static final String DEFAULT_NAME = "TestState";

  final String stateName;
  final ObjectNode state;
  final Set<String> nextTargets = new LinkedHashSet<>();
  final Set<String> catchTargets = new LinkedHashSet<>();
  final String definition;

  private SingleStateMachine(ObjectNode state) {
    this.state = state;
    collectTargets();
    String name = DEFAULT_NAME;
    while (nextTargets.contains(name) || catchTargets.contains(name)) {
      name = name + "_";
    }
    this.stateName = name;
    ObjectNode root = Json.object().put("StartAt", name);
    ObjectNode states = root.putObject("States");
    ObjectNode tested = state.deepCopy();
    tested.remove("Retry");
    states.set(name, tested);
    for (String target : union()) {
      states.putObject(target).put("Type", "Pass").put("End", true);
    }
    this.definition = Json.write(root);
  }

  /** Wraps {@code definition}, the JSON of one state, refusing what TestState cannot run. */
  static SingleStateMachine of(String definition) {
    JsonNode node =
        Json.tryParse(definition == null ? "" : definition)
            .filter(JsonNode::isObject)
            .orElseThrow(
                () ->
                    new StepFunctionsException.InvalidDefinition(
                        "Invalid State Machine Definition: the definition of a state must be a"
                            + " JSON object"));
    String type = node.path("Type").asText("");
    // TestState runs one state at a time and not these (TestState API reference).
    if ("Map".equals(type) || "Parallel".equals(type)) {
      throw unsupported(type + " states");
    }
    String resource = node.path("Resource").asText("");
    if (resource.endsWith(".waitForTaskToken") || resource.endsWith(".sync")) {
      throw unsupported("the .sync and .waitForTaskToken integration patterns");
    }
    if (resource.startsWith("arn:aws:states:") && resource.contains(":activity:")) {
      throw unsupported("Activity tasks");
    }
    return new SingleStateMachine((ObjectNode) node);
  }

  /** Whether a retrier of the state matches {@code error} and has attempts to make. */
  boolean retries(String error) {
    for (JsonNode retrier : state.path("Retry")) {
      if (retrier.path("MaxAttempts").asInt(3) <= 0) {
        continue;
      }
      List<String> names = new ArrayList<>();
      retrier.path("ErrorEquals").forEach(n -> names.add(n.asText()));
      if (ErrorNames.matches(names, error, false)) {
        return true;
      }
    }
    return false;
  }

  /** A field of the state as an optional path: absent is {@code $}, JSON null is empty. */
  Optional<String> path(String field) {
    JsonNode value = state.get(field);
    if (value == null) {
      return Optional.of("$");
    }
    return value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private void collectTargets() {
    text(state.get("Next")).ifPresent(nextTargets::add);
    text(state.get("Default")).ifPresent(nextTargets::add);
    for (JsonNode choice : state.path("Choices")) {
      text(choice.get("Next")).ifPresent(nextTargets::add);
    }
    for (JsonNode catcher : state.path("Catch")) {
      text(catcher.get("Next")).ifPresent(catchTargets::add);
    }
  }

  private Set<String> union() {
    Set<String> all = new LinkedHashSet<>(nextTargets);
    all.addAll(catchTargets);
    return all;
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static StepFunctionsException unsupported(String what) {
    return new StepFunctionsException.InvalidDefinition(
        "Invalid State Machine Definition: TestState does not support " + what + ".");
  }
}
