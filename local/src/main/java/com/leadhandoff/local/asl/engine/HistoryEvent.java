package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One execution history event, typed and detailed as GetExecutionHistory reports it: {@code type}
 * is the AWS event type (TaskStateEntered, LambdaFunctionSucceeded…) and {@code details} the
 * content of its {@code …EventDetails} member.
 */
public record HistoryEvent(
    long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

  /** Event types that carry no details member in the AWS API. */
  private static final Set<String> WITHOUT_DETAILS =
      Set.of(
          "LambdaFunctionStarted",
          "ParallelStateStarted",
          "ParallelStateSucceeded",
          "ParallelStateFailed",
          "ParallelStateAborted",
          "MapStateSucceeded",
          "MapStateFailed",
          "MapStateAborted");

  /** The details member name, e.g. {@code stateEnteredEventDetails}; empty if it has none. */
  public Optional<String> detailsKey() {
    if (WITHOUT_DETAILS.contains(type)) {
      return Optional.empty();
    }
    if (type.endsWith("StateEntered")) {
      return Optional.of("stateEnteredEventDetails");
    }
    if (type.endsWith("StateExited")) {
      return Optional.of("stateExitedEventDetails");
    }
    return Optional.of(Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails");
  }

  /** A detail field as text, e.g. {@code name}, {@code error}; empty if absent. */
  public Optional<String> detail(String field) {
    return Optional.ofNullable(details.get(field))
        .map(n -> n.isTextual() ? n.asText() : n.toString());
  }

  /** The event as the AWS JSON protocol shapes it (timestamp in epoch seconds). */
  public ObjectNode toAwsJson() {
    ObjectNode node = Json.object();
    node.put("timestamp", BigDecimal.valueOf(timestamp.toEpochMilli()).movePointLeft(3));
    node.put("type", type);
    node.put("id", id);
    node.put("previousEventId", previousEventId);
    detailsKey().ifPresent(key -> node.set(key, details.deepCopy()));
    return node;
  }
}
