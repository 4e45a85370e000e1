package com.leadhandoff.local.asl.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.StatesError;
import java.util.List;
import java.util.Optional;

/**
 * The InspectionData of a tested state: each step of the spec's input and output processing that
 * the state's history or its fields tell exactly (InputPath → Parameters → result → ResultSelector
 * → ResultPath), left out where they do not.
 */
final class Inspection {
  private Inspection() {}

  static InspectionData of(
      SingleStateMachine machine,
      JsonNode input,
      List<HistoryEvent> history,
      TestStateResult result) {
    JsonNode state = machine.state;
    String type = state.path("Type").asText();
    Optional<String> afterInputPath = afterInputPath(machine, input);
    boolean succeeded = result.status() == TestStateResult.Status.SUCCEEDED;
    boolean defaultOutputPath = machine.path("OutputPath").equals(Optional.of("$"));
    boolean resultReplacesInput = machine.path("ResultPath").equals(Optional.of("$"));
    Optional<String> afterResultPath =
        succeeded && defaultOutputPath ? result.output() : Optional.empty();
    Optional<String> afterParameters = Optional.empty();
    Optional<String> raw = Optional.empty();
    if ("Task".equals(type)) {
      afterParameters =
          detail(history, "TaskScheduled", "parameters")
              .or(() -> detail(history, "LambdaFunctionScheduled", "input"));
      raw =
          detail(history, "TaskSucceeded", "output")
              .or(() -> detail(history, "LambdaFunctionSucceeded", "output"));
    } else if ("Pass".equals(type)) {
      afterParameters =
          state.has("Parameters")
              ? (state.has("Result") || !resultReplacesInput ? Optional.empty() : afterResultPath)
              : afterInputPath;
      raw = state.has("Result") ? Optional.of(Json.write(state.get("Result"))) : afterParameters;
    }
    Optional<String> afterResultSelector = state.has("ResultSelector") ? Optional.empty() : raw;
    if (state.has("ResultSelector") && afterResultPath.isPresent()) {
      // What ResultPath placed is the selected result: read it back from where it was placed.
      Optional<JsonNode> placed = afterResultPath.flatMap(Json::tryParse);
      afterResultSelector =
          machine.path("ResultPath").flatMap(p -> placed.flatMap(o -> read(o, p)));
    }
    if (afterResultPath.isEmpty() && afterResultSelector.isPresent()) {
      afterResultPath = place(input, afterResultSelector.get(), machine.path("ResultPath"));
    }
    if (!"Task".equals(type) && !"Pass".equals(type)) {
      afterResultSelector = Optional.empty();
      afterResultPath = Optional.empty();
    }
    return new InspectionData(
        Optional.of(Json.write(input)),
        afterInputPath,
        afterParameters,
        raw,
        afterResultSelector,
        afterResultPath);
  }

  private static Optional<String> afterInputPath(SingleStateMachine machine, JsonNode input) {
    try {
      return Optional.of(Json.write(InputOutput.effectiveInput(input, machine.path("InputPath"))));
    } catch (StatesError e) {
      return Optional.empty();
    }
  }

  private static Optional<String> place(
      JsonNode input, String selected, Optional<String> resultPath) {
    try {
      return Json.tryParse(selected)
          .map(value -> Json.write(InputOutput.placeAt(input, value, resultPath)));
    } catch (StatesError | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> read(JsonNode document, String path) {
    try {
      return JsonPaths.read(document, path).map(Json::write);
    } catch (StatesError | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> detail(List<HistoryEvent> history, String type, String field) {
    return history.stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .flatMap(e -> e.detail(field));
  }
}
