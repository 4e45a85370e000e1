package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.Snapshot.MapCounts;
import com.leadhandoff.local.asl.engine.Snapshot.Node;
import com.leadhandoff.local.asl.eval.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Writes and reads the tree of runs of an execution inside a Parallel or Map state. */
final class SavedRunsJson {
  private SavedRunsJson() {}

  /** One run of a saved tree and, for a Parallel or Map state, the runs under it. */
  static ObjectNode write(Node saved) {
    ObjectNode node = Json.object();
    if (saved instanceof Node.Fresh) {
      node.put("kind", "fresh");
    } else if (saved instanceof Node.Entered entered) {
      node.put("kind", "entered");
      SnapshotJson.runState(node, entered.run());
    } else if (saved instanceof Node.Task task) {
      node.put("kind", "task");
      SnapshotJson.runState(node, task.run());
      task.token().ifPresent(t -> node.put("token", t));
      node.put("startedAt", task.startedAt().toString());
      task.answer().ifPresent(a -> node.set("answer", SnapshotJson.answer(a)));
    } else if (saved instanceof Node.Suspended suspended) {
      node.put("kind", "suspended");
      SnapshotJson.runState(node, suspended.run());
      node.set("wait", SnapshotJson.wait(suspended.awaiting()));
    } else if (saved instanceof Node.Branches branches) {
      node.put("kind", "branches");
      SnapshotJson.runState(node, branches.run());
      node.set("input", branches.input());
      node.set("results", indexed(branches.results()));
      node.set("running", runningNodes(branches.running()));
    } else {
      Node.Iterations iterations = (Node.Iterations) saved;
      node.put("kind", "iterations");
      SnapshotJson.runState(node, iterations.run());
      iterations.inputs().forEach(node.putArray("inputs")::add);
      node.set("results", indexed(iterations.results()));
      node.set("running", runningNodes(iterations.running()));
      MapCounts counts = iterations.counts();
      node.put("next", counts.next());
      node.put("done", counts.done());
      node.put("failed", counts.failed());
      node.put("concurrency", counts.concurrency());
      counts.toleratedCount().ifPresent(c -> node.put("toleratedCount", c));
      counts.toleratedPercentage().ifPresent(p -> node.put("toleratedPercentage", p));
    }
    return node;
  }

  private static ArrayNode indexed(Map<Integer, JsonNode> values) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    new TreeMap<>(values)
        .forEach((index, value) -> array.addObject().put("index", index).set("value", value));
    return array;
  }

  private static ArrayNode runningNodes(Map<Integer, Node> running) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    new TreeMap<>(running)
        .forEach((index, child) -> array.addObject().put("index", index).set("run", write(child)));
    return array;
  }

  static Node read(JsonNode node) {
    String kind = SnapshotJson.text(node, "kind");
    return switch (kind) {
      case "fresh" -> new Node.Fresh();
      case "entered" -> new Node.Entered(SnapshotJson.runState(node));
      case "task" ->
          new Node.Task(
              SnapshotJson.runState(node),
              SnapshotJson.optional(node, "token"),
              SnapshotJson.instant(node, "startedAt"),
              node.hasNonNull("answer")
                  ? Optional.of(SnapshotJson.answer(node.get("answer")))
                  : Optional.empty());
      case "suspended" ->
          new Node.Suspended(
              SnapshotJson.runState(node), SnapshotJson.wait(SnapshotJson.require(node, "wait")));
      case "branches" ->
          new Node.Branches(
              SnapshotJson.runState(node),
              SnapshotJson.require(node, "input"),
              indexed(node.path("results"), v -> v),
              indexed(node.path("running"), SavedRunsJson::read));
      case "iterations" -> iterations(node);
      default -> throw new IllegalArgumentException("unknown run kind '" + kind + "'");
    };
  }

  private static Node iterations(JsonNode node) {
    List<JsonNode> inputs = new ArrayList<>();
    SnapshotJson.require(node, "inputs").forEach(inputs::add);
    MapCounts counts =
        new MapCounts(
            node.path("next").asInt(),
            node.path("done").asInt(),
            node.path("failed").asInt(),
            node.path("concurrency").asInt(1),
            SnapshotJson.optional(node, "toleratedCount").map(Long::parseLong),
            SnapshotJson.optional(node, "toleratedPercentage").map(Double::parseDouble));
    return new Node.Iterations(
        SnapshotJson.runState(node),
        inputs,
        indexed(node.path("results"), v -> v),
        indexed(node.path("running"), SavedRunsJson::read),
        counts);
  }

  private static <T> Map<Integer, T> indexed(JsonNode array, Function<JsonNode, T> read) {
    Map<Integer, T> values = new LinkedHashMap<>();
    for (JsonNode entry : array) {
      JsonNode value = entry.has("value") ? entry.get("value") : SnapshotJson.require(entry, "run");
      values.put(entry.path("index").asInt(), read.apply(value));
    }
    return values;
  }
}
