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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

  /** When the state ends; a time in the past means "now". Bad path values are States.Runtime. */
  static Instant until(WaitState state, StateCall call, JsonNode effective, Instant now) {
    Instant until = computed(state.until(), call, effective, now);
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
      WaitState.Until until, StateCall call, JsonNode effective, Instant now) {
    if (until instanceof WaitState.Until.Evaluated evaluated) {
      return JsonataStates.until(evaluated, call, now);
    }
    JsonNode context = call.context();
    Variables variables = call.run.variables;
    if (until instanceof WaitState.Until.ForSeconds s) {
      return now.plusSeconds(s.seconds());
    }
    if (until instanceof WaitState.Until.AtTimestamp t) {
      return t.timestamp();
    }
    if (until instanceof WaitState.Until.SecondsAt s) {
      JsonNode value = value(s.path(), "SecondsPath", effective, context, variables);
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
    JsonNode value = value(path, "TimestampPath", effective, context, variables);
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

  /**
   * The value at {@code path}: in the effective input, the context object ({@code $$…}) or, written
   * {@code $name…}, a workflow variable.
   */
  private static JsonNode value(
      String path, String field, JsonNode effective, JsonNode context, Variables variables) {
    Optional<JsonNode> value =
        VariablePaths.parse(path).isPresent()
            ? VariablePaths.readEither(effective, path, variables)
            : JsonPaths.read(effective, context, path);
    return value.orElseThrow(
        () ->
            new StatesError(
                ErrorNames.RUNTIME,
                "The " + field + " parameter does not reference an input value: " + path));
  }

  private static String shown(String path, JsonNode value) {
    return path + " == " + (value.isTextual() ? value.asText() : value.toString());
  }

  /**
   * When the timer fires: Assign (its {@code $} is the effective input), then the transition with
   * the output; in JSONata, Assign and Output.
   */
  static Step exit(WaitState state, StateCall call, JsonNode output) {
    if (call.flow().jsonata()) {
      return JsonataStates.leave(call, state.transition());
    }
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    StateData.assignPaths(call, List.of(call.flow().assign()), call.scope(effective));
    return Step.transition(state.transition(), output);
  }

  /** The state's output: its effective input through OutputPath. */
  static JsonNode output(WaitState state, JsonNode effective, JsonNode context) {
    return InputOutput.output(effective, state.io().outputPath(), context);
  }
}
