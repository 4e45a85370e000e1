package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.JsonataScope;
import com.leadhandoff.local.asl.eval.JsonataTemplates;
import com.leadhandoff.local.asl.eval.Scope;
import com.leadhandoff.local.asl.eval.Templates;
import com.leadhandoff.local.asl.model.Assign;
import com.leadhandoff.local.asl.model.DataFlow;
import com.leadhandoff.local.asl.model.Io;
import com.leadhandoff.local.asl.model.ResultHandling;
import com.leadhandoff.local.asl.model.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state's data flow in either query language: its arguments, its output from a result, and its
 * Assign. Assign values are all evaluated against the variables from before the state, then held on
 * the run until the state exits (developer guide, "Passing data between states with variables":
 * assignments in one state see none of each other's new values).
 */
final class StateData {
  private StateData() {}

  /**
   * What a Task or Parallel state passes on: in JSONPath, Parameters over the effective input; in
   * JSONata, Arguments (default: the state input).
   */
  static JsonNode arguments(
      Optional<Template> parameters,
      StateCall call,
      JsonNode effective,
      Optional<TaskToken> token) {
    DataFlow flow = call.flow();
    if (!flow.jsonata()) {
      return InputOutput.parameters(parameters, call.scope(effective, token));
    }
    JsonataScope scope = call.jsonata(token);
    return flow.arguments()
        .map(a -> JsonataTemplates.evaluate(a, "Arguments", scope))
        .orElse(call.rawInput());
  }

  /**
   * The output of a Task or Parallel state from its result, after its Assign: JSONPath runs
   * ResultSelector, Assign ({@code $} is the selected result), ResultPath and OutputPath; JSONata
   * runs Assign and Output with {@code $states.result} (Output defaults to the result).
   */
  static JsonNode finish(
      StateCall call, Io io, ResultHandling results, JsonNode result, Optional<TaskToken> token) {
    DataFlow flow = call.flow();
    if (flow.jsonata()) {
      JsonataScope scope = call.jsonata(token).withResult(result);
      assignJsonata(call, List.of(flow.assign()), scope);
      return output(flow.output(), scope, result);
    }
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), io.inputPath(), call.context());
    Scope scope = call.scope(effective, token);
    JsonNode selected = result;
    if (results.resultSelector().isPresent()) {
      selected =
          Templates.evaluate(
              results.resultSelector().get(),
              scope.withInput(result).withMissingPathError(ErrorNames.RUNTIME));
    }
    assignPaths(call, List.of(flow.assign()), scope.withInput(selected));
    JsonNode placed = InputOutput.placeAt(call.rawInput(), selected, results.resultPath());
    return InputOutput.output(placed, io.outputPath(), call.context());
  }

  /** A JSONata Output, or {@code fallback} when the state has none. */
  static JsonNode output(Optional<JsonNode> output, JsonataScope scope, JsonNode fallback) {
    return output.map(o -> JsonataTemplates.evaluate(o, "Output", scope)).orElse(fallback);
  }

  /** Evaluates JSONPath Assigns ({@code $} as {@code scope} reads it) and holds the values. */
  static void assignPaths(StateCall call, List<Optional<Assign>> assigns, Scope scope) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Optional<Assign> assign : assigns) {
      if (assign.orElse(null) instanceof Assign.Paths paths) {
        JsonNode evaluated = Templates.evaluate(paths.template(), scope);
        evaluated.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
      }
    }
    hold(call, values);
  }

  /** Evaluates JSONata Assigns and holds the values. */
  static void assignJsonata(StateCall call, List<Optional<Assign>> assigns, JsonataScope scope) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Optional<Assign> assign : assigns) {
      if (assign.orElse(null) instanceof Assign.Jsonata jsonata) {
        values.putAll(JsonataTemplates.assignments(jsonata.template(), scope));
      }
    }
    hold(call, values);
  }

  /** Checks the values against scope and size limits now; they are set when the state exits. */
  private static void hold(StateCall call, Map<String, JsonNode> values) {
    if (values.isEmpty()) {
      return;
    }
    call.run.variables.check(values);
    call.run.pendingAssign = values;
  }
}
