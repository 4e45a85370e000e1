package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.model.ParallelState;
import java.util.Arrays;
import java.util.Optional;

/**
 * Parallel: every branch gets the effective input (after Parameters); the result is the array of
 * branch outputs in branch order. The interpreter runs the branches and fails the state with the
 * first branch error.
 */
final class ParallelRunner {
  private ParallelRunner() {}

  /** The input every branch starts with. */
  static JsonNode branchInput(ParallelState state, StateCall call) {
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    return StateData.arguments(state.parameters(), call, effective, Optional.empty());
  }

  /** All branches succeeded: ResultSelector → ResultPath → OutputPath on the array of outputs. */
  static Step finish(ParallelState state, StateCall call, JsonNode[] results) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    Arrays.stream(results).forEach(array::add);
    return Step.transition(
        state.transition(),
        StateData.finish(call, state.io(), state.results(), array, Optional.empty()));
  }
}
