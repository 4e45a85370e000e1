package com.leadhandoff.watchdog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.JsonTrees;
import java.util.Optional;
import java.util.Set;

/**
 * A "Step Functions Execution Status Change" event as EventBridge delivers it: {@code {"source":
 * "aws.states", "detail-type": …, "detail": {"executionArn", "stateMachineArn", "name", "status",
 * "startDate", "stopDate", "input", "output", "error", "cause"}}}. Read leniently: the watchdog
 * reports failures, so an odd event must not fail it too.
 *
 * @param leadId the input's {@code leadId}, else the execution name (executions are named after
 *     their lead)
 * @param input the execution's input as JSON text, {@code {}} when absent
 */
public record ExecutionStatusChange(
    String executionArn,
    String name,
    String status,
    Optional<String> leadId,
    String input,
    Optional<String> error,
    Optional<String> cause) {

  /** The {@code detail-type} of these events. */
  public static final String DETAIL_TYPE = "Step Functions Execution Status Change";

  /** The statuses the watchdog's rule asks for: an execution that ended without finishing. */
  public static final Set<String> ENDED_BADLY = Set.of("FAILED", "TIMED_OUT", "ABORTED");

  /** Whether {@code event} is one of these events. */
  public static boolean is(JsonNode event) {
    return DETAIL_TYPE.equals(event.path("detail-type").asText());
  }

  /** Reads the event. */
  public static ExecutionStatusChange from(JsonNode event) {
    JsonNode detail = event.path("detail");
    String input = text(detail.path("input")).orElse("{}");
    String name = text(detail.path("name")).orElse("");
    Optional<String> leadId = leadIdIn(input).or(() -> Optional.of(name).filter(n -> !n.isEmpty()));
    return new ExecutionStatusChange(
        text(detail.path("executionArn")).orElse("unknown"),
        name,
        text(detail.path("status")).orElse("UNKNOWN"),
        leadId,
        input,
        text(detail.path("error")),
        text(detail.path("cause")));
  }

  /** Whether the execution ended FAILED, TIMED_OUT or ABORTED. */
  public boolean endedBadly() {
    return ENDED_BADLY.contains(status);
  }

  private static Optional<String> leadIdIn(String input) {
    try {
      return text(JsonTrees.read(input).path("leadId"));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
