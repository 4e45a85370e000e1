package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.eval.VariablePaths;
import com.leadhandoff.local.asl.eval.Variables;
import com.leadhandoff.local.asl.model.WaitState;
import java.time.Instant;
import java.util.List;

/** Wait: computes when to resume; the interpreter arms a timer on the runtime clock. */
final class WaitRunner {
  private WaitRunner() {}

  /** When the state ends; a time in the past means "now". Bad path values are States.Runtime. */
  static Instant until(WaitState state, StateCall call, JsonNode effective, Instant now) {
    WaitState.Until until = state.until();
    if (until instanceof WaitState.Until.Evaluated evaluated) {
      return JsonataStates.until(evaluated, call, now);
    }
    Variables variables = call.run.variables;
    if (until instanceof WaitState.Until.ForSeconds s) {
      return now.plusSeconds(s.seconds());
    }
    if (until instanceof WaitState.Until.AtTimestamp t) {
      return t.timestamp();
    }
    if (until instanceof WaitState.Until.SecondsAt s) {
      JsonNode value = read(effective, s.path(), variables, "SecondsPath");
      if (!value.isIntegralNumber() || value.asLong() < 0) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "SecondsPath '" + s.path() + "' is not a non-negative integer: " + value);
      }
      return now.plusSeconds(value.asLong());
    }
    WaitState.Until.TimestampAt t = (WaitState.Until.TimestampAt) until;
    JsonNode value = read(effective, t.path(), variables, "TimestampPath");
    return Timestamps.parse(value.asText())
        .filter(x -> value.isTextual())
        .orElseThrow(
            () ->
                new StatesError(
                    ErrorNames.RUNTIME,
                    "TimestampPath '" + t.path() + "' is not an RFC 3339 timestamp: " + value));
  }

  /** A path into the effective input or, written {@code $name…}, into a variable. */
  private static JsonNode read(JsonNode effective, String path, Variables variables, String what) {
    if (VariablePaths.parse(path).isPresent()) {
      return VariablePaths.readEither(effective, path, variables)
          .orElseThrow(
              () ->
                  new StatesError(
                      ErrorNames.RUNTIME,
                      "Invalid path '" + path + "' : " + what + " could not be found"));
    }
    return JsonPaths.require(effective, path, ErrorNames.RUNTIME, what);
  }

  /**
   * When the timer fires: Assign (its {@code $} is the effective input), then the transition with
   * the output; in JSONata, Assign and Output.
   */
  static Step exit(WaitState state, StateCall call, JsonNode output) {
    if (call.flow().jsonata()) {
      return JsonataStates.leave(call, state.transition());
    }
    JsonNode effective = InputOutput.effectiveInput(call.rawInput(), state.io().inputPath());
    StateData.assignPaths(call, List.of(call.flow().assign()), call.scope(effective));
    return Step.transition(state.transition(), output);
  }

  /** The state's output: its effective input through OutputPath. */
  static JsonNode output(WaitState state, JsonNode effective) {
    return InputOutput.output(effective, state.io().outputPath());
  }
}
