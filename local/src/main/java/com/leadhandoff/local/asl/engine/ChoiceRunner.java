package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Choices;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.model.ChoiceState;

/** Choice: the first matching rule wins, else Default, else States.NoChoiceMatched. */
final class ChoiceRunner {
  private ChoiceRunner() {}

  static Step start(ChoiceState state, StateCall call) {
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    JsonNode output = InputOutput.output(effective, state.io().outputPath(), call.context());
    for (ChoiceState.Branch branch : state.choices()) {
      if (Choices.matches(branch.rule(), effective, call.context())) {
        return new Step.Next(branch.next(), output);
      }
    }
    return state
        .defaultNext()
        .<Step>map(next -> new Step.Next(next, output))
        .orElseGet(
            () ->
                new Step.Failed(
                    ErrorNames.NO_CHOICE_MATCHED,
                    "No Matches! (state '" + state.name() + "' has no Default)"));
  }
}
