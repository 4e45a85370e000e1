package com.leadhandoff.local.asl.eval;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the JSONata expressions of a state, {@code "{% expression %}"}, with the library
 * com.dashjoin:jsonata. Failures are States.QueryEvaluationError with AWS's cause wording: "An
 * error occurred while executing the state 'S' (entered at the event id #N). The JSONata expression
 * 'E' specified for the field 'F' returned nothing (undefined)." (developer guide, "Transforming
 * data with JSONata"; the cause format as Step Functions reports it).
 */
public final class Jsonata {
  /** The error of every JSONata evaluation failure. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  private static final long TIMEOUT_MILLIS = 10_000;
  private static final int MAX_DEPTH = 500;

  private Jsonata() {}

  /** Whether {@code value} is a string written {@code {% … %}}. */
  public static boolean isExpression(JsonNode value) {
    return value != null && value.isTextual() && isExpression(value.asText());
  }

  /** Whether {@code text} is written {@code {% … %}}. */
  public static boolean isExpression(String text) {
    return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
  }

  /** The expression inside {@code {% … %}}, trimmed. */
  public static String body(String text) {
    return text.substring(2, text.length() - 2).trim();
  }

  /** Why {@code text} ({@code {% … %}}) does not parse, if it does not. */
  public static Optional<String> syntaxProblem(String text) {
    try {
      com.dashjoin.jsonata.Jsonata.jsonata(body(text));
      return Optional.empty();
    } catch (JException | IllegalArgumentException | IllegalStateException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /**
   * The value of {@code text} ({@code {% … %}}) for field {@code field} (e.g. {@code
   * Arguments/Payload/id}). Nothing (undefined) and errors raise States.QueryEvaluationError.
   */
  public static JsonNode evaluate(String text, String field, JsonataScope scope) {
    String expression = body(text);
    Object raw;
    try {
      com.dashjoin.jsonata.Jsonata compiled = com.dashjoin.jsonata.Jsonata.jsonata(expression);
      compiled.setOutputConvertNulls(false);
      Frame frame = compiled.createFrame();
      frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
      for (Map.Entry<String, JsonNode> variable : scope.variables().visible().entrySet()) {
        frame.bind(variable.getKey(), JsonataValues.toJava(variable.getValue()));
      }
      frame.bind("states", JsonataValues.toJava(scope.states()));
      JsonataFunctions.bind(frame, scope.random(), scope.now());
      raw = compiled.evaluate(null, frame);
    } catch (RuntimeException | StackOverflowError e) {
      throw failure(
          scope,
          expression,
          field,
          "threw an error during evaluation: " + (e.getMessage() == null ? e : e.getMessage()));
    }
    if (raw == null) {
      throw failure(scope, expression, field, "returned nothing (undefined).");
    }
    return JsonataValues.toJson(raw)
        .orElseThrow(
            () -> failure(scope, expression, field, "returned an unsupported result type."));
  }

  /**
   * The value of {@code text}, which must be of JSONata type {@code expected} ({@code boolean},
   * {@code number}, {@code string}…).
   */
  public static JsonNode evaluate(String text, String field, JsonataScope scope, String expected) {
    JsonNode value = evaluate(text, field, scope);
    String actual = JsonataValues.typeOf(value);
    if (!actual.equals(expected)) {
      throw unexpectedType(text, field, scope, expected, value);
    }
    return value;
  }

  /** The error for a result of the wrong type, e.g. a non-integer number of seconds. */
  public static StatesError unexpectedType(
      String text, String field, JsonataScope scope, String expected, JsonNode value) {
    return failure(
        scope,
        body(text),
        field,
        "returned an unexpected result type. Expected '"
            + expected
            + "', but was '"
            + JsonataValues.typeOf(value)
            + "' for value: "
            + Json.write(value));
  }

  private static StatesError failure(
      JsonataScope scope, String expression, String field, String what) {
    return new StatesError(
        QUERY_EVALUATION_ERROR,
        "An error occurred while executing the state '"
            + scope.stateName()
            + "' (entered at the event id #"
            + scope.enteredEventId()
            + "). The JSONata expression '"
            + expression
            + "' specified for the field '"
            + field
            + "' "
            + what);
  }
}
