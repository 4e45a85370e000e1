package com.leadhandoff.local.sfn;

import static com.leadhandoff.local.sfn.Requests.arn;
import static com.leadhandoff.local.sfn.Requests.epochSeconds;
import static com.leadhandoff.local.sfn.Requests.object;
import static com.leadhandoff.local.sfn.Requests.optional;
import static com.leadhandoff.local.sfn.Requests.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.StateMachineInfo;
import com.leadhandoff.local.asl.engine.StateMachineType;
import com.leadhandoff.local.asl.validate.DefinitionValidator;
import com.leadhandoff.local.asl.validate.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The control plane: CreateStateMachine, UpdateStateMachine, DeleteStateMachine,
 * DescribeStateMachine, ListStateMachines and ValidateStateMachineDefinition, shaped as the Step
 * Functions API reference shapes them.
 */
final class StateMachineOperations {
  private final StepFunctionsBackend backend;

  StateMachineOperations(StepFunctionsBackend backend) {
    this.backend = backend;
  }

  Map<String, Function<JsonNode, ObjectNode>> operations() {
    return Map.of(
        "CreateStateMachine", this::create,
        "UpdateStateMachine", this::update,
        "DeleteStateMachine", this::delete,
        "DescribeStateMachine", this::describe,
        "ListStateMachines", this::list,
        "ValidateStateMachineDefinition", this::validate);
  }

  private ObjectNode create(JsonNode r) {
    String name = required(r, "name");
    String definition = required(r, "definition");
    String role = arn(r, "roleArn").orElseGet(() -> required(r, "roleArn"));
    StateMachineType type =
        optional(r, "type").map(StateMachineType::of).orElse(StateMachineType.STANDARD);
    String created = backend.createStateMachine(name, definition, type, Optional.of(role));
    StateMachineInfo info = backend.describeStateMachine(created);
    return object()
        .put("stateMachineArn", created)
        .put("creationDate", epochSeconds(info.creationDate()));
  }

  private ObjectNode update(JsonNode r) {
    String machine = required(r, "stateMachineArn");
    java.time.Instant updated =
        backend.updateStateMachine(machine, optional(r, "definition"), arn(r, "roleArn"));
    return object().put("updateDate", epochSeconds(updated));
  }

  private ObjectNode delete(JsonNode r) {
    backend.deleteStateMachine(required(r, "stateMachineArn"));
    return object();
  }

  private ObjectNode describe(JsonNode r) {
    StateMachineInfo info = backend.describeStateMachine(required(r, "stateMachineArn"));
    ObjectNode out =
        object()
            .put("stateMachineArn", info.stateMachineArn())
            .put("name", info.name())
            .put("status", info.status().name())
            .put("definition", info.definition())
            .put("roleArn", info.roleArn())
            .put("type", info.type().name())
            .put("creationDate", epochSeconds(info.creationDate()));
    out.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
    return out;
  }

  private ObjectNode list(JsonNode r) {
    List<StateMachineInfo> all = backend.listStateMachines();
    Pages.Page<StateMachineInfo> page =
        Pages.of(all, r.path("maxResults").asInt(0), optional(r, "nextToken"), "stateMachines");
    ObjectNode out = object();
    ArrayNode array = out.putArray("stateMachines");
    for (StateMachineInfo m : page.items()) {
      array
          .addObject()
          .put("stateMachineArn", m.stateMachineArn())
          .put("name", m.name())
          .put("type", m.type().name())
          .put("creationDate", epochSeconds(m.creationDate()));
    }
    page.nextToken().ifPresent(t -> out.put("nextToken", t));
    return out;
  }

  private ObjectNode validate(JsonNode r) {
    String definition = required(r, "definition");
    StateMachineType type =
        optional(r, "type").map(StateMachineType::of).orElse(StateMachineType.STANDARD);
    List<Diagnostic> diagnostics =
        DefinitionValidator.validate(definition, type == StateMachineType.EXPRESS);
    int max = r.path("maxResults").asInt(0);
    boolean truncated = max > 0 && diagnostics.size() > max;
    List<Diagnostic> shown = truncated ? diagnostics.subList(0, max) : diagnostics;
    boolean failed = diagnostics.stream().anyMatch(d -> "ERROR".equals(d.severity()));
    ObjectNode out = object().put("result", failed ? "FAIL" : "OK");
    ArrayNode array = out.putArray("diagnostics");
    for (Diagnostic d : shown) {
      ObjectNode item =
          array
              .addObject()
              .put("severity", d.severity())
              .put("code", d.code())
              .put("message", d.message());
      d.location().ifPresent(l -> item.put("location", l));
    }
    return out.put("truncated", truncated);
  }
}
