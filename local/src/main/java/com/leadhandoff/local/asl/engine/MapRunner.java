package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.model.MapLimit;
import com.leadhandoff.local.asl.model.MapState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Inline Map: {@link MapInputs} selects the items (a JSON array) and shapes each iteration's input
 * with the item's index and value; the result is the array of iteration outputs in item order,
 * which goes through the state's data flow like a Parallel's. The interpreter runs the iterations,
 * each in a variable scope of its own.
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
    MapInputs read = new MapInputs(state, call);
    List<JsonNode> inputs = read.inputs();
    long max = whole(read, state.maxConcurrency(), "MaxConcurrency").orElse(0L);
    int concurrency = max == 0 ? INLINE_CONCURRENCY : (int) Math.min(max, INLINE_CONCURRENCY);
    Optional<Double> percentage =
        read.number(state.toleratedFailurePercentage(), "ToleratedFailurePercentage");
    if (percentage.isPresent() && percentage.get() > 100) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "ToleratedFailurePercentage must be between 0 and 100, got " + percentage.get());
    }
    return new MapIterations(
        inputs,
        concurrency,
        whole(read, state.toleratedFailureCount(), "ToleratedFailureCount"),
        percentage);
  }

  /**
   * Every iteration ended: the array of outputs is the state's result, which JSONPath runs through
   * ResultSelector, Assign, ResultPath and OutputPath, and JSONata through Assign and Output with
   * {@code $states.result} (developer guide, "Passing data between states with variables").
   */
  static Step finish(MapState state, StateCall call, JsonNode[] results) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    Arrays.stream(results).forEach(array::add);
    return Step.transition(
        state.transition(),
        StateData.finish(call, state.io(), state.results(), array, Optional.empty()));
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

  private static Optional<Long> whole(MapInputs read, MapLimit limit, String field) {
    Optional<Double> value = read.number(limit, field);
    if (value.isPresent() && value.get() % 1 != 0) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          field
              + (limit.expression().isPresent() ? "" : "Path")
              + " must point to a non-negative integer, got "
              + value.get());
    }
    return value.map(Double::longValue);
  }
}
