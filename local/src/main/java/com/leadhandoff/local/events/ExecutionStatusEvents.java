package com.leadhandoff.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import java.util.UUID;

/**
 * Step Functions' "Step Functions Execution Status Change" event for an execution, in the shape
 * EventBridge delivers it (Step Functions Developer Guide, "Automating Step Functions event
 * delivery with EventBridge"): the envelope with {@code source: aws.states}, the execution ARN in
 * {@code resources}, and in {@code detail} the execution's ARN, state machine, name, status, start
 * and stop dates in epoch milliseconds, input and output as text, error and cause.
 */
public final class ExecutionStatusEvents {
  /** The {@code detail-type} of these events. */
  public static final String DETAIL_TYPE = "Step Functions Execution Status Change";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExecutionStatusEvents() {}

  /** The event for {@code execution} as it is now, in {@code region} of {@code account}. */
  public static ObjectNode of(ExecutionDescription execution, String region, String account) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", DETAIL_TYPE);
    event.put("source", "aws.states");
    event.put("account", account);
    event.put("time", execution.stopDate().orElse(execution.startDate()).toString());
    event.put("region", region);
    event.putArray("resources").add(execution.executionArn());
    ObjectNode detail = event.putObject("detail");
    detail.put("executionArn", execution.executionArn());
    detail.put("stateMachineArn", execution.stateMachineArn());
    detail.put("name", execution.name());
    detail.put("status", execution.status().name());
    detail.put("startDate", execution.startDate().toEpochMilli());
    if (execution.stopDate().isPresent()) {
      detail.put("stopDate", execution.stopDate().get().toEpochMilli());
    } else {
      detail.putNull("stopDate");
    }
    detail.put("input", execution.input());
    detail.putObject("inputDetails").put("included", true);
    if (execution.output().isPresent()) {
      detail.put("output", execution.output().get());
      detail.putObject("outputDetails").put("included", true);
    } else {
      detail.putNull("output");
      detail.putNull("outputDetails");
    }
    putOrNull(detail, "error", execution.error().orElse(null));
    putOrNull(detail, "cause", execution.cause().orElse(null));
    return event;
  }

  private static void putOrNull(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
