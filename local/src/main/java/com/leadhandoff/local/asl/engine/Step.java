package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Transition;

/** The typed outcome of running (part of) one state. */
sealed interface Step {
  /** Go to state {@code next} with {@code output}. */
  record Next(String next, JsonNode output) implements Step {}

  /** The program ends successfully with {@code output}. */
  record End(JsonNode output) implements Step {}

  /** The state failed; Retry and Catch get to see it. */
  record Failed(String error, String cause, boolean fromBranch) implements Step {
    Failed(String error, String cause) {
      this(error, cause, false);
    }
  }

  /** The state is waiting for a timer, a callback or its branches. */
  record Suspended(Waiting waiting) implements Step {}

  /** Next or End, as the state's transition says. */
  static Step transition(Transition transition, JsonNode output) {
    return transition.next().<Step>map(next -> new Next(next, output)).orElse(new End(output));
  }
}
