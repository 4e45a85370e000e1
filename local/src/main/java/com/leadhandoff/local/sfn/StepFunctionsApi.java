package com.leadhandoff.local.sfn;

import static com.leadhandoff.local.sfn.Requests.epochSeconds;
import static com.leadhandoff.local.sfn.Requests.object;
import static com.leadhandoff.local.sfn.Requests.optional;
import static com.leadhandoff.local.sfn.Requests.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.StartedExecution;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Step Functions operations (the control plane's in {@link StateMachineOperations}, the
 * synchronous runs' in {@link SyncOperations}), JSON request in and JSON response out, shaped as
 * the awsJson 1.0 protocol shapes them (member names as in the API, timestamps in epoch seconds).
 */
final class StepFunctionsApi {
  private final StepFunctionsBackend backend;
  private final Map<String, Function<JsonNode, ObjectNode>> operations;

  StepFunctionsApi(StepFunctionsBackend backend) {
    this.backend = backend;
    Map<String, Function<JsonNode, ObjectNode>> all =
        new HashMap<>(
            Map.of(
                "StartExecution", this::startExecution,
                "DescribeExecution", this::describeExecution,
                "GetExecutionHistory", this::getExecutionHistory,
                "ListExecutions", this::listExecutions,
                "StopExecution", this::stopExecution,
                "SendTaskSuccess", this::sendTaskSuccess,
                "SendTaskFailure", this::sendTaskFailure,
                "SendTaskHeartbeat", this::sendTaskHeartbeat));
    all.putAll(new StateMachineOperations(backend).operations());
    all.putAll(new SyncOperations(backend).operations());
    this.operations = Map.copyOf(all);
  }

  /** Runs {@code operation}; throws {@link StepFunctionsError} for anything AWS would refuse. */
  ObjectNode call(String operation, JsonNode request) {
    Function<JsonNode, ObjectNode> op = operations.get(operation);
    if (op == null) {
      throw new StepFunctionsError(
          "UnknownOperationException",
          "The local Step Functions endpoint has no " + operation + ".");
    }
    return op.apply(request);
  }

  private ObjectNode startExecution(JsonNode r) {
    StartedExecution started =
        backend.startExecution(
            required(r, "stateMachineArn"), optional(r, "name"), optional(r, "input").orElse("{}"));
    ObjectNode out = object().put("executionArn", started.executionArn());
    return out.put("startDate", epochSeconds(started.startDate()));
  }

  private ObjectNode describeExecution(JsonNode r) {
    ExecutionDescription e = backend.describeExecution(required(r, "executionArn"));
    ObjectNode out = summary(e).put("input", e.input());
    e.output().ifPresent(o -> out.put("output", o));
    e.error().ifPresent(o -> out.put("error", o));
    e.cause().ifPresent(o -> out.put("cause", o));
    return out;
  }

  private ObjectNode getExecutionHistory(JsonNode r) {
    String arn = required(r, "executionArn");
    boolean reverse = r.path("reverseOrder").asBoolean(false);
    boolean withData = r.path("includeExecutionData").asBoolean(true);
    List<HistoryEvent> events =
        backend.getExecutionHistory(arn).stream()
            .sorted(
                reverse
                    ? Comparator.comparingLong(HistoryEvent::id).reversed()
                    : Comparator.comparingLong(HistoryEvent::id))
            .toList();
    Pages.Page<HistoryEvent> page =
        Pages.of(events, r.path("maxResults").asInt(0), optional(r, "nextToken"), arn + reverse);
    ObjectNode out = object();
    ArrayNode array = out.putArray("events");
    page.items().forEach(e -> array.add(event(e, withData)));
    page.nextToken().ifPresent(t -> out.put("nextToken", t));
    return out;
  }

  private ObjectNode listExecutions(JsonNode r) {
    String arn = required(r, "stateMachineArn");
    Optional<String> status = optional(r, "statusFilter");
    List<ExecutionDescription> executions =
        backend.listExecutions(arn, status.map(StepFunctionsApi::status));
    Pages.Page<ExecutionDescription> page =
        Pages.of(
            executions,
            r.path("maxResults").asInt(0),
            optional(r, "nextToken"),
            arn + status.orElse(""));
    ObjectNode out = object();
    ArrayNode array = out.putArray("executions");
    page.items().forEach(e -> array.add(summary(e)));
    page.nextToken().ifPresent(t -> out.put("nextToken", t));
    return out;
  }

  private ObjectNode stopExecution(JsonNode r) {
    Instant stopped =
        backend.stopExecution(
            required(r, "executionArn"), optional(r, "error"), optional(r, "cause"));
    return object().put("stopDate", epochSeconds(stopped));
  }

  private ObjectNode sendTaskSuccess(JsonNode r) {
    backend.sendTaskSuccess(required(r, "taskToken"), required(r, "output"));
    return object();
  }

  private ObjectNode sendTaskFailure(JsonNode r) {
    backend.sendTaskFailure(required(r, "taskToken"), optional(r, "error"), optional(r, "cause"));
    return object();
  }

  private ObjectNode sendTaskHeartbeat(JsonNode r) {
    backend.sendTaskHeartbeat(required(r, "taskToken"));
    return object();
  }

  private static ExecutionStatus status(String filter) {
    try {
      return ExecutionStatus.valueOf(filter);
    } catch (IllegalArgumentException e) {
      throw new StepFunctionsError(
          "ValidationException",
          "1 validation error detected: statusFilter must be one of "
              + java.util.Arrays.toString(ExecutionStatus.values())
              + ".");
    }
  }

  private static ObjectNode summary(ExecutionDescription e) {
    ObjectNode out =
        object()
            .put("executionArn", e.executionArn())
            .put("stateMachineArn", e.stateMachineArn())
            .put("name", e.name())
            .put("status", e.status().name())
            .put("startDate", epochSeconds(e.startDate()));
    e.stopDate().ifPresent(d -> out.put("stopDate", epochSeconds(d)));
    return out;
  }

  private static ObjectNode event(HistoryEvent e, boolean withData) {
    ObjectNode out = e.toAwsJson();
    if (!withData) {
      e.detailsKey()
          .map(out::get)
          .filter(JsonNode::isObject)
          .ifPresent(d -> ((ObjectNode) d).remove(List.of("input", "output")));
    }
    return out;
  }
}
