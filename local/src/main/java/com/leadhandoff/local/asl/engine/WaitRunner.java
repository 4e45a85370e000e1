package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.model.WaitState;
import java.time.Instant;

/** Wait: computes when to resume; the interpreter arms a timer on the runtime clock. */
final class WaitRunner {
  private WaitRunner() {}

  /** When the state ends; a time in the past means "now". Bad path values are States.Runtime. */
  static Instant until(WaitState state, JsonNode effective, Instant now) {
    WaitState.Until until = state.until();
    if (until instanceof WaitState.Until.ForSeconds s) {
      return now.plusSeconds(s.seconds());
    }
    if (until instanceof WaitState.Until.AtTimestamp t) {
      return t.timestamp();
    }
    if (until instanceof WaitState.Until.SecondsAt s) {
      JsonNode value = JsonPaths.require(effective, s.path(), ErrorNames.RUNTIME, "SecondsPath");
      if (!value.isIntegralNumber() || value.asLong() < 0) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "SecondsPath '" + s.path() + "' is not a non-negative integer: " + value);
      }
      return now.plusSeconds(value.asLong());
    }
    WaitState.Until.TimestampAt t = (WaitState.Until.TimestampAt) until;
    JsonNode value = JsonPaths.require(effective, t.path(), ErrorNames.RUNTIME, "TimestampPath");
    return Timestamps.parse(value.asText())
        .filter(x -> value.isTextual())
        .orElseThrow(
            () ->
                new StatesError(
                    ErrorNames.RUNTIME,
                    "TimestampPath '" + t.path() + "' is not an RFC 3339 timestamp: " + value));
  }

  /** The state's output: its effective input through OutputPath. */
  static JsonNode output(WaitState state, JsonNode effective) {
    return InputOutput.output(effective, state.io().outputPath());
  }
}
