package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One history event of an execution.
 *
 * @param type the AWS event type, e.g. {@code TaskStateEntered}, {@code LambdaFunctionSucceeded}
 * @param details the content of the event's {@code …EventDetails} member (may be empty)
 */
public record ExecutionEvent(
    long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

  /**
   * The name of the details member in the API, e.g. {@code stateEnteredEventDetails} for every
   * {@code …StateEntered} type.
   */
  public String detailsKey() {
    if (type.endsWith("StateEntered")) {
      return "stateEnteredEventDetails";
    }
    if (type.endsWith("StateExited")) {
      return "stateExitedEventDetails";
    }
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
  }

  /** A detail as text ({@code name}, {@code error}…), if present. */
  public Optional<String> detail(String field) {
    return Optional.ofNullable(details.get(field))
        .map(n -> n.isTextual() ? n.asText() : n.toString());
  }
}
