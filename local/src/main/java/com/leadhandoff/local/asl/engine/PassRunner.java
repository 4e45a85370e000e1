package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.model.PassState;
import java.util.List;

/**
 * Pass: InputPath → Parameters → Result (replaces it when present) → Assign → ResultPath →
 * OutputPath; in JSONata, Assign and Output.
 */
final class PassRunner {
  private PassRunner() {}

  static Step start(PassState state, StateCall call) {
    if (call.flow().jsonata()) {
      return JsonataStates.pass(state, call);
    }
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    JsonNode result = InputOutput.parameters(state.parameters(), call.scope(effective));
    if (state.result().isPresent()) {
      result = state.result().get().deepCopy();
    }
    // Assign reads the state's result as $ (its Result, or Parameters over the effective input).
    StateData.assignPaths(
        call, List.of(call.flow().assign()), call.scope(effective).withInput(result));
    JsonNode placed = InputOutput.placeAt(call.rawInput(), result, state.results().resultPath());
    return Step.transition(
        state.transition(), InputOutput.output(placed, state.io().outputPath(), call.context()));
  }
}
