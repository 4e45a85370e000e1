package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state machine as {@link StateMachineStore} keeps it: the machine as DescribeStateMachine shows
 * it, plus the earlier revisions that running executions started with, each with those executions'
 * ARNs ("Running executions will continue to use the previous definition and roleArn",
 * UpdateStateMachine API reference), so that they carry on with theirs after a restart too.
 */
final class StateMachineJson {
  private StateMachineJson() {}

  /** A machine read back: its current record, its status, and the executions on older records. */
  record Saved(
      StateMachineRecord machine,
      StateMachineInfo.Status status,
      Map<String, StateMachineRecord> startedWith) {}

  /**
   * The document to save.
   *
   * @param running every running execution of the machine, with the record it started with
   */
  static ObjectNode write(
      StateMachineRecord machine,
      StateMachineInfo.Status status,
      Map<String, StateMachineRecord> running) {
    ObjectNode out =
        Json.object()
            .put("stateMachineArn", machine.arn())
            .put("name", machine.name())
            .put("definition", machine.definitionJson())
            .put("roleArn", machine.roleArn())
            .put("type", machine.type().name())
            .put("creationDate", machine.creationDate().toString())
            .put("status", status.name());
    Map<List<String>, ArrayNode> earlier = new LinkedHashMap<>();
    ArrayNode revisions = out.putArray("earlierRevisions");
    running.forEach(
        (executionArn, startedWith) -> {
          if (!startedWith.sameRevision(machine)) {
            earlier
                .computeIfAbsent(
                    List.of(startedWith.definitionJson(), startedWith.roleArn()),
                    revision ->
                        revisions
                            .addObject()
                            .put("definition", revision.get(0))
                            .put("roleArn", revision.get(1))
                            .putArray("executions"))
                .add(executionArn);
          }
        });
    return out;
  }

  /**
   * Reads a saved machine, parsing each definition again.
   *
   * @throws IllegalArgumentException a member is missing or malformed
   * @throws StepFunctionsException.InvalidDefinition a definition this engine no longer accepts
   */
  static Saved read(JsonNode saved) {
    StateMachineType type = StateMachineType.of(text(saved, "type"));
    String definition = text(saved, "definition");
    StateMachineRecord machine =
        new StateMachineRecord(
            text(saved, "stateMachineArn"),
            text(saved, "name"),
            definition,
            StateMachineRegistry.parse(definition, type),
            text(saved, "roleArn"),
            type,
            Instant.parse(text(saved, "creationDate")),
            true);
    StateMachineInfo.Status status = StateMachineInfo.Status.valueOf(text(saved, "status"));
    Map<String, StateMachineRecord> startedWith = new HashMap<>();
    for (JsonNode revision : saved.path("earlierRevisions")) {
      String earlierJson = text(revision, "definition");
      StateMachineRecord earlier =
          machine.revised(
              earlierJson,
              StateMachineRegistry.parse(earlierJson, type),
              text(revision, "roleArn"));
      for (JsonNode execution : revision.path("executions")) {
        startedWith.put(execution.asText(), earlier);
      }
    }
    return new Saved(machine, status, Map.copyOf(startedWith));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("no text member \"" + field + "\"");
    }
    return value.asText();
  }
}
