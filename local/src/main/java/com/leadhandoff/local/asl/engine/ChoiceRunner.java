package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Choices;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.model.ChoiceState;
import com.leadhandoff.local.asl.model.DataFlow;
import java.util.List;

/** Choice: the first matching rule wins, else Default, else States.NoChoiceMatched. */
final class ChoiceRunner {
  private ChoiceRunner() {}

  static Step start(ChoiceState state, StateCall call) {
    if (call.flow().jsonata()) {
      return JsonataStates.choice(state, call);
    }
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    JsonNode output = InputOutput.output(effective, state.io().outputPath(), call.context());
    DataFlow flow = call.flow();
    List<ChoiceState.Branch> choices = state.choices();
    for (int i = 0; i < choices.size(); i++) {
      if (Choices.matches(choices.get(i).rule(), effective, call.context(), call.run.variables)) {
        // The state's Assign applies on every path, with the matching rule's own Assign.
        StateData.assignPaths(
            call, List.of(flow.assign(), flow.rule(i).assign()), call.scope(effective));
        return new Step.Next(choices.get(i).next(), output);
      }
    }
    if (state.defaultNext().isPresent()) {
      StateData.assignPaths(call, List.of(flow.assign()), call.scope(effective));
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
