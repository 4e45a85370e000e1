package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Step Functions operations the product uses, JSON request in and JSON response out, shaped as
 * the awsJson 1.0 protocol shapes them (member names as in the API, timestamps in epoch seconds).
 */
final class StepFunctionsApi {
  private final StepFunctionsBackend backend;
  private final Map<String, Function<JsonNode, ObjectNode>> operations;

  StepFunctionsApi(StepFunctionsBackend backend) {
    this.backend = backend;
    this.operations =
        Map.of(
            "StartExecution", this::startExecution,
            "DescribeExecution", this::describeExecution,
            "GetExecutionHistory", this::getExecutionHistory,
            "ListExecutions", this::listExecutions,
            "StopExecution", this::stopExecution,
            "SendTaskSuccess", this::sendTaskSuccess,
            "SendTaskFailure", this::sendTaskFailure,
            "SendTaskHeartbeat", this::sendTaskHeartbeat);
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
    String name = optional(r, "name").orElseGet(() -> UUID.randomUUID().toString());
    StepFunctionsBackend.Started started =
        backend.startExecution(
            required(r, "stateMachineArn"), name, optional(r, "input").orElse("{}"));
    ObjectNode out = object().put("executionArn", started.executionArn());
    return out.put("startDate", epochSeconds(started.startDate()));
  }

  private ObjectNode describeExecution(JsonNode r) {
    Execution e = backend.describeExecution(required(r, "executionArn"));
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
    List<ExecutionEvent> events =
        backend.getExecutionHistory(arn).stream()
            .sorted(
                reverse
                    ? Comparator.comparingLong(ExecutionEvent::id).reversed()
                    : Comparator.comparingLong(ExecutionEvent::id))
            .toList();
    Pages.Page<ExecutionEvent> page =
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
    List<Execution> executions =
        backend.listExecutions(arn).stream()
            .filter(e -> status.map(e.status()::equals).orElse(true))
            // Newest first, as the API lists them.
            .sorted(
                Comparator.comparing(Execution::startDate)
                    .reversed()
                    .thenComparing(Execution::name))
            .toList();
    Pages.Page<Execution> page =
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

  private static ObjectNode summary(Execution e) {
    ObjectNode out =
        object()
            .put("executionArn", e.executionArn())
            .put("stateMachineArn", e.stateMachineArn())
            .put("name", e.name())
            .put("status", e.status())
            .put("startDate", epochSeconds(e.startDate()));
    e.stopDate().ifPresent(d -> out.put("stopDate", epochSeconds(d)));
    return out;
  }

  private static ObjectNode event(ExecutionEvent e, boolean withData) {
    ObjectNode out =
        object()
            .put("timestamp", epochSeconds(e.timestamp()))
            .put("type", e.type())
            .put("id", e.id())
            .put("previousEventId", e.previousEventId());
    ObjectNode details = e.details().deepCopy();
    if (!withData) {
      details.remove(List.of("input", "output"));
    }
    if (!details.isEmpty()) {
      out.set(e.detailsKey(), details);
    }
    return out;
  }

  // The JSON protocols send timestamps as epoch seconds with a fraction.
  private static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  private static String required(JsonNode request, String member) {
    return optional(request, member)
        .orElseThrow(
            () ->
                new StepFunctionsError(
                    "ValidationException",
                    "1 validation error detected: " + member + " is required."));
  }

  private static Optional<String> optional(JsonNode request, String member) {
    JsonNode value = request.get(member);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }
}
