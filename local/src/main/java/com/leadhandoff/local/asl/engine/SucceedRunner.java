package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.model.SucceedState;

/** Succeed: ends the program with its input through InputPath and OutputPath. */
final class SucceedRunner {
  private SucceedRunner() {}

  static Step start(SucceedState state, StateCall call) {
    if (call.flow().jsonata()) {
      return JsonataStates.succeed(call);
    }
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    return new Step.End(InputOutput.output(effective, state.io().outputPath(), call.context()));
  }
}
