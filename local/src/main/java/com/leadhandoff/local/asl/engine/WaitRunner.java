package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.model.WaitState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Wait: computes when to resume; the interpreter arms a timer on the runtime clock. Bad path values
 * fail with States.Runtime in Step Functions' words ("The SecondsPath parameter references a
 * negative value: $.s == -1").
 */
final class WaitRunner {
  /**
   * The developer guide (Wait state): "the maximum wait time that you can specify for Standard
   * Workflows and Express workflows is one year and five minutes respectively".
   */
  static final Duration MAX_WAIT = Duration.ofDays(365);

  private WaitRunner() {}

  /** When the state ends; a time in the past means "now". */
  static Instant until(WaitState state, JsonNode effective, JsonNode context, Instant now) {
    Instant until = computed(state.until(), effective, context, now);
    if (until.isAfter(now.plus(MAX_WAIT))) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "The Wait state would end at "
              + Timestamps.format(until)
              + ", beyond the maximum wait time of one year for a Standard workflow");
    }
    return until;
  }

  private static Instant computed(
      WaitState.Until until, JsonNode effective, JsonNode context, Instant now) {
    if (until instanceof WaitState.Until.ForSeconds s) {
      return now.plusSeconds(s.seconds());
    }
    if (until instanceof WaitState.Until.AtTimestamp t) {
      return t.timestamp();
    }
    if (until instanceof WaitState.Until.SecondsAt s) {
      JsonNode value = value(s.path(), "SecondsPath", effective, context);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "The SecondsPath parameter cannot be parsed as a long value: "
                + shown(s.path(), value));
      }
      if (value.asLong() < 0) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "The SecondsPath parameter references a negative value: " + shown(s.path(), value));
      }
      return now.plusSeconds(Math.min(value.asLong(), MAX_WAIT.getSeconds() + 1));
    }
    String path = ((WaitState.Until.TimestampAt) until).path();
    JsonNode value = value(path, "TimestampPath", effective, context);
    Optional<Instant> timestamp =
        value.isTextual() ? Timestamps.parse(value.asText()) : Optional.empty();
    // Step Functions considers a timestamp up to seconds and truncates milliseconds.
    return timestamp
        .map(t -> t.truncatedTo(ChronoUnit.SECONDS))
        .orElseThrow(
            () ->
                new StatesError(
                    ErrorNames.RUNTIME,
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended"
                        + " offset date-time format string: "
                        + shown(path, value)));
  }

  private static JsonNode value(String path, String field, JsonNode effective, JsonNode context) {
    return JsonPaths.read(effective, context, path)
        .orElseThrow(
            () ->
                new StatesError(
                    ErrorNames.RUNTIME,
                    "The " + field + " parameter does not reference an input value: " + path));
  }

  private static String shown(String path, JsonNode value) {
    return path + " == " + (value.isTextual() ? value.asText() : value.toString());
  }

  /** The state's output: its effective input through OutputPath. */
  static JsonNode output(WaitState state, JsonNode effective, JsonNode context) {
    return InputOutput.output(effective, state.io().outputPath(), context);
  }
}
