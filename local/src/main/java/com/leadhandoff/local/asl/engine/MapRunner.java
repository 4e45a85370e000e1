package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.Scope;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.model.MapLimit;
import com.leadhandoff.local.asl.model.MapState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Inline Map: InputPath, then ItemsPath selects the items (a JSON array), ItemSelector shapes each
 * iteration's input with {@code $$.Map.Item.Index} and {@code $$.Map.Item.Value}; the result is the
 * array of iteration outputs in item order, then ResultSelector → ResultPath → OutputPath. The
 * interpreter runs the iterations.
 */
final class MapRunner {
  /**
   * The developer guide ("Using Map state in Inline mode"): "In this mode, the Map state supports
   * up to 40 concurrent iterations", also when MaxConcurrency is 0 (no limit of its own).
   */
  static final int INLINE_CONCURRENCY = 40;

  static final String THRESHOLD_EXCEEDED = "States.ExceedToleratedFailureThreshold";

  private MapRunner() {}

  /** Selects the items and prepares every iteration's input; a bad field fails the state. */
  static MapIterations start(MapState state, StateCall call) {
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    JsonNode items =
        JsonPaths.require(effective, state.itemsPath(), ErrorNames.RUNTIME, "The ItemsPath");
    if (!items.isArray()) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "Invalid path '"
              + state.itemsPath()
              + "' : The ItemsPath must point to a JSON array, but it points to '"
              + Json.write(items)
              + "'");
    }
    Scope scope = call.scope(effective);
    List<JsonNode> inputs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ObjectNode context = scope.context().deepCopy();
      ObjectNode item = context.putObject("Map").putObject("Item");
      item.put("Index", i);
      item.set("Value", items.get(i).deepCopy());
      Scope itemScope = new Scope(effective, context, scope.random(), scope.missingPathError());
      inputs.add(
          state.itemSelector().isPresent()
              ? InputOutput.parameters(state.itemSelector(), itemScope)
              : items.get(i).deepCopy());
    }
    long max = whole(state.maxConcurrency(), "MaxConcurrency", effective).orElse(0L);
    int concurrency = max == 0 ? INLINE_CONCURRENCY : (int) Math.min(max, INLINE_CONCURRENCY);
    Optional<Double> percentage =
        number(state.toleratedFailurePercentage(), "ToleratedFailurePercentage", effective);
    if (percentage.isPresent() && percentage.get() > 100) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "ToleratedFailurePercentage must be between 0 and 100, got " + percentage.get());
    }
    return new MapIterations(
        inputs,
        concurrency,
        whole(state.toleratedFailureCount(), "ToleratedFailureCount", effective),
        percentage);
  }

  /** Every iteration ended: ResultSelector → ResultPath → OutputPath on the array of outputs. */
  static Step finish(MapState state, StateCall call, JsonNode[] results) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    Arrays.stream(results).forEach(array::add);
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    JsonNode placed =
        InputOutput.placeResult(call.rawInput(), array, state.results(), call.scope(effective));
    return Step.transition(
        state.transition(), InputOutput.output(placed, state.io().outputPath(), call.context()));
  }

  /** MapStateStarted's details: the number of items. */
  static ObjectNode startedDetails(MapIterations map) {
    ObjectNode details = Json.object();
    details.put("length", map.size());
    return details;
  }

  /** MapIteration* details: the Map state's name and the item's index. */
  static ObjectNode iterationDetails(MapState state, int index) {
    ObjectNode details = StateCall.details("name", state.name());
    details.put("index", index);
    return details;
  }

  /** The failure of a Map whose failed iterations exceed its tolerated threshold. */
  static Step.Failed thresholdExceeded() {
    return new Step.Failed(
        THRESHOLD_EXCEEDED, "The specified tolerated failure threshold was exceeded");
  }

  private static Optional<Long> whole(MapLimit limit, String field, JsonNode effective) {
    Optional<Double> value = number(limit, field, effective);
    if (value.isPresent() && value.get() % 1 != 0) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          field + "Path must point to a non-negative integer, got " + value.get());
    }
    return value.map(Double::longValue);
  }

  /** The literal value, or the number its path points to in the effective input. */
  private static Optional<Double> number(MapLimit limit, String field, JsonNode effective) {
    if (limit.path().isEmpty()) {
      return limit.value();
    }
    String path = limit.path().get();
    JsonNode value =
        JsonPaths.require(effective, path, ErrorNames.RUNTIME, "The " + field + "Path");
    if (!value.isNumber() || value.asDouble() < 0) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "Invalid path '"
              + path
              + "' : The "
              + field
              + "Path must point to a non-negative number, but it points to '"
              + Json.write(value)
              + "'");
    }
    return Optional.of(value.asDouble());
  }
}
