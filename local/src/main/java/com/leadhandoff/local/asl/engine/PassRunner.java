package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.model.PassState;

/** Pass: InputPath → Parameters → Result (replaces it when present) → ResultPath → OutputPath. */
final class PassRunner {
  private PassRunner() {}

  static Step start(PassState state, StateCall call) {
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    JsonNode result = InputOutput.parameters(state.parameters(), call.scope(effective));
    if (state.result().isPresent()) {
      result = state.result().get().deepCopy();
    }
    JsonNode placed = InputOutput.placeAt(call.rawInput(), result, state.results().resultPath());
    return Step.transition(
        state.transition(), InputOutput.output(placed, state.io().outputPath(), call.context()));
  }
}
