package com.leadhandoff.attention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.JsonTrees;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A workflow execution that failed after its retries, as {@code Park Lead} receives it: {@code
 * {"executionId": …, "input": {the whole state, usually with "leadId" and "error": {"Error",
 * "Cause"}}}}. Read leniently: whatever is missing or malformed becomes "unknown" rather than a
 * failure, because this is the step that reports failures.
 *
 * @param leadId the lead, when the state carried a usable id
 * @param error the Step Functions error name, e.g. an exception's class name
 * @param message the readable part of the cause: a Lambda error's {@code errorMessage}, else the
 *     cause as given
 * @param cause the cause as Step Functions gave it, shortened
 * @param state the rest of the state at the failure, as indented JSON, shortened
 * @param foundBy for a lead the watchdog found, what it found (one sentence); empty when the
 *     workflow's own {@code Park Lead} step reports its failure
 */
public record Incident(
    Optional<String> leadId,
    String executionId,
    String error,
    String message,
    String cause,
    String state,
    Optional<String> foundBy) {

  static final String UNKNOWN = "unknown";
  // Ids are keys in DynamoDB; anything else (blank, spaces, huge) cannot be a stored lead's id.
  private static final Pattern LEAD_ID = Pattern.compile("\\p{Graph}{1,256}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_CAUSE = 4_000;
  private static final int MAX_STATE = 8_000;

  /** Reads the task input, whatever its shape. */
  public static Incident from(JsonNode event) {
    JsonNode root = event == null ? NODES.missingNode() : event;
    JsonNode input = root.path("input");
    JsonNode error = input.path("error");
    String cause = text(error.path("Cause")).orElse("");
    return new Incident(
        text(input.path("leadId")).filter(id -> LEAD_ID.matcher(id).matches()),
        text(root.path("executionId")).orElse(UNKNOWN),
        text(error.path("Error")).orElse(UNKNOWN),
        readable(cause),
        cause.isBlank() ? "(none)" : shorten(cause, MAX_CAUSE),
        shorten(pretty(withoutError(input)), MAX_STATE),
        Optional.empty());
  }

  /**
   * What the watchdog found about a lead: an execution that ended badly (its error and cause), or a
   * lead left past a bound (an error name of the watchdog's own and the finding as the cause).
   *
   * @param executionId the execution's ARN, or a name for the finding when there is none
   * @param input the execution's input or the lead's state, as JSON text if it is JSON
   * @param finding one sentence for the alert: what the watchdog saw and where
   */
  public static Incident foundByWatchdog(
      Optional<String> leadId,
      String executionId,
      Optional<String> error,
      Optional<String> cause,
      String input,
      String finding) {
    String fullCause = cause.filter(c -> !c.isBlank()).orElse("");
    JsonNode state;
    try {
      state = JsonTrees.read(input == null ? "" : input);
    } catch (JsonProcessingException notJson) {
      state = NODES.textNode(input);
    }
    return new Incident(
        leadId.filter(id -> LEAD_ID.matcher(id).matches()),
        executionId,
        error.filter(e -> !e.isBlank()).orElse(UNKNOWN),
        readable(fullCause),
        fullCause.isBlank() ? "(none)" : shorten(fullCause, MAX_CAUSE),
        shorten(pretty(state == null ? NODES.missingNode() : state), MAX_STATE),
        Optional.of(finding));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText().strip())
        : Optional.empty();
  }

  /** A Lambda error's cause is JSON with {@code errorMessage}; other causes are plain text. */
  private static String readable(String cause) {
    if (cause.isBlank()) {
      return "The failed state did not say why.";
    }
    try {
      JsonNode parsed = JsonTrees.read(cause);
      return text(parsed.path("errorMessage"))
          .map(m -> shorten(m, MAX_CAUSE))
          .orElse(shorten(cause, MAX_CAUSE));
    } catch (JsonProcessingException notJson) {
      return shorten(cause, MAX_CAUSE);
    }
  }

  /** The state without its {@code error}, which the alert already shows on its own. */
  private static JsonNode withoutError(JsonNode input) {
    if (input instanceof ObjectNode object && object.has("error")) {
      ObjectNode copy = object.deepCopy();
      copy.remove("error");
      return copy;
    }
    return input;
  }

  private static String pretty(JsonNode input) {
    if (input.isMissingNode()) {
      return "(no state)";
    }
    return JsonTrees.writePretty(input);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + " … (shortened)";
  }
}
