package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.Snapshot.Progress;
import com.leadhandoff.local.asl.engine.Snapshot.RunState;
import com.leadhandoff.local.asl.engine.Snapshot.Wait;
import com.leadhandoff.local.asl.eval.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads {@link Snapshot}s as JSON. The format is versioned so that a later engine can
 * tell an older file from a broken one; times are ISO-8601 text so the files stay readable.
 */
final class SnapshotJson {
  static final int FORMAT = 1;

  private SnapshotJson() {}

  static ObjectNode write(Snapshot snapshot) {
    ExecutionDescription d = snapshot.description();
    ObjectNode node = Json.object();
    node.put("format", FORMAT);
    node.put("executionArn", d.executionArn());
    node.put("stateMachineArn", d.stateMachineArn());
    node.put("name", d.name());
    node.put("status", d.status().name());
    node.put("startDate", d.startDate().toString());
    d.stopDate().ifPresent(t -> node.put("stopDate", t.toString()));
    node.put("input", d.input());
    d.output().ifPresent(o -> node.put("output", o));
    d.error().ifPresent(e -> node.put("error", e));
    d.cause().ifPresent(c -> node.put("cause", c));
    ArrayNode history = node.putArray("history");
    for (HistoryEvent event : snapshot.history()) {
      ObjectNode e = history.addObject();
      e.put("id", event.id());
      e.put("previousEventId", event.previousEventId());
      e.put("timestamp", event.timestamp().toString());
      e.put("type", event.type());
      e.set("details", event.details());
    }
    node.set("progress", progress(snapshot.progress()));
    return node;
  }

  private static ObjectNode progress(Progress progress) {
    ObjectNode node = Json.object();
    if (progress instanceof Progress.Ended) {
      node.put("kind", "ended");
    } else if (progress instanceof Progress.NotBegun) {
      node.put("kind", "notBegun");
    } else if (progress instanceof Progress.Busy busy) {
      node.put("kind", "busy").put("stateName", busy.stateName());
    } else if (progress instanceof Progress.InParallel parallel) {
      node.put("kind", "inParallel").put("stateName", parallel.stateName());
    } else if (progress instanceof Progress.InMap map) {
      node.put("kind", "inMap").put("stateName", map.stateName());
    } else if (progress instanceof Progress.Nested nested) {
      node.put("kind", "nested");
      node.set("root", SavedRunsJson.write(nested.root()));
    } else if (progress instanceof Progress.InTask task) {
      node.put("kind", "inTask");
      runState(node, task.run());
      task.token().ifPresent(t -> node.put("token", t));
      node.put("startedAt", task.startedAt().toString());
      task.answer().ifPresent(a -> node.set("answer", answer(a)));
    } else {
      Progress.Suspended suspended = (Progress.Suspended) progress;
      node.put("kind", "suspended");
      runState(node, suspended.run());
      node.set("wait", wait(suspended.awaiting()));
    }
    return node;
  }

  static void runState(ObjectNode node, RunState run) {
    node.put("stateName", run.stateName());
    node.set("stateInput", run.stateInput());
    node.put("enteredTime", run.enteredTime().toString());
    run.retries().forEach(node.putArray("retries")::add);
    node.put("retryCount", run.retryCount());
    node.put("lastEventId", run.lastEventId());
    node.set("variables", run.variables());
  }

  static ObjectNode answer(TaskResult result) {
    ObjectNode node = Json.object();
    if (result instanceof TaskResult.Success success) {
      node.put("kind", "success");
      node.set("output", success.output());
    } else if (result instanceof TaskResult.Failure failure) {
      node.put("kind", "failure");
      node.put("error", failure.error());
      node.put("cause", failure.cause());
    } else {
      node.put("kind", "timedOut");
      node.put("error", ((TaskResult.TimedOut) result).error());
    }
    return node;
  }

  static TaskResult answer(JsonNode node) {
    String kind = text(node, "kind");
    return switch (kind) {
      case "success" -> new TaskResult.Success(require(node, "output"));
      case "failure" ->
          new TaskResult.Failure(
              optional(node, "error").orElse(null), optional(node, "cause").orElse(null));
      case "timedOut" -> new TaskResult.TimedOut(text(node, "error"));
      default -> throw new IllegalArgumentException("unknown answer kind '" + kind + "'");
    };
  }

  static ObjectNode wait(Wait wait) {
    ObjectNode node = Json.object();
    if (wait instanceof Wait.ForCallback callback) {
      node.put("kind", "callback");
      node.put("token", callback.token());
      callback.deadline().ifPresent(t -> node.put("deadline", t.toString()));
      callback.heartbeatSeconds().ifPresent(s -> node.put("heartbeatSeconds", s));
      node.put("lastBeat", callback.lastBeat().toString());
    } else if (wait instanceof Wait.ForWaitState timer) {
      node.put("kind", "waitState");
      node.put("due", timer.due().toString());
      node.set("output", timer.output());
    } else {
      node.put("kind", "retry");
      node.put("due", ((Wait.ForRetry) wait).due().toString());
    }
    return node;
  }

  /**
   * Reads a snapshot written by {@link #write}.
   *
   * @throws IllegalArgumentException naming what is missing or unknown
   */
  static Snapshot read(JsonNode node) {
    int format = node.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalArgumentException("unknown execution snapshot format " + format);
    }
    ExecutionDescription description =
        new ExecutionDescription(
            text(node, "executionArn"),
            text(node, "stateMachineArn"),
            text(node, "name"),
            ExecutionStatus.valueOf(text(node, "status")),
            instant(node, "startDate"),
            optional(node, "stopDate").map(Instant::parse),
            text(node, "input"),
            optional(node, "output"),
            optional(node, "error"),
            optional(node, "cause"));
    List<HistoryEvent> history = new ArrayList<>();
    for (JsonNode e : node.path("history")) {
      JsonNode details = e.path("details");
      history.add(
          new HistoryEvent(
              e.path("id").asLong(),
              e.path("previousEventId").asLong(),
              instant(e, "timestamp"),
              text(e, "type"),
              details.isObject() ? (ObjectNode) details : Json.object()));
    }
    return new Snapshot(description, history, progress(require(node, "progress")));
  }

  private static Progress progress(JsonNode node) {
    String kind = text(node, "kind");
    return switch (kind) {
      case "ended" -> new Progress.Ended();
      case "notBegun" -> new Progress.NotBegun();
      case "busy" -> new Progress.Busy(text(node, "stateName"));
      case "inParallel" -> new Progress.InParallel(text(node, "stateName"));
      case "inMap" -> new Progress.InMap(text(node, "stateName"));
      case "inTask" ->
          new Progress.InTask(
              runState(node),
              optional(node, "token"),
              instant(node, "startedAt"),
              node.hasNonNull("answer")
                  ? Optional.of(answer(node.get("answer")))
                  : Optional.empty());
      case "suspended" -> new Progress.Suspended(runState(node), wait(require(node, "wait")));
      case "nested" -> new Progress.Nested(SavedRunsJson.read(require(node, "root")));
      default -> throw new IllegalArgumentException("unknown progress kind '" + kind + "'");
    };
  }

  static RunState runState(JsonNode node) {
    List<Integer> retries = new ArrayList<>();
    node.path("retries").forEach(r -> retries.add(r.asInt()));
    return new RunState(
        text(node, "stateName"),
        require(node, "stateInput"),
        instant(node, "enteredTime"),
        retries,
        node.path("retryCount").asInt(),
        node.path("lastEventId").asLong(),
        // Absent in snapshots saved before variables existed: an empty scope.
        node.path("variables").isObject() ? (ObjectNode) node.get("variables") : Json.object());
  }

  static Wait wait(JsonNode node) {
    String kind = text(node, "kind");
    return switch (kind) {
      case "callback" ->
          new Wait.ForCallback(
              text(node, "token"),
              optional(node, "deadline").map(Instant::parse),
              optional(node, "heartbeatSeconds").map(Long::parseLong),
              instant(node, "lastBeat"));
      case "waitState" -> new Wait.ForWaitState(instant(node, "due"), require(node, "output"));
      case "retry" -> new Wait.ForRetry(instant(node, "due"));
      default -> throw new IllegalArgumentException("unknown wait kind '" + kind + "'");
    };
  }

  /** The latest start, event or stop time in a saved snapshot; empty if it has none readable. */
  static Optional<Instant> latestTime(JsonNode node) {
    List<JsonNode> times = new ArrayList<>();
    times.add(node.path("startDate"));
    times.add(node.path("stopDate"));
    node.path("history").forEach(e -> times.add(e.path("timestamp")));
    Optional<Instant> latest = Optional.empty();
    for (JsonNode time : times) {
      try {
        Instant t = Instant.parse(time.asText());
        if (latest.isEmpty() || t.isAfter(latest.get())) {
          latest = Optional.of(t);
        }
      } catch (java.time.format.DateTimeParseException e) {
        // missing or unreadable: this snapshot tells nothing about the time
      }
    }
    return latest;
  }

  static JsonNode require(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("the field '" + field + "' is missing");
    }
    return value;
  }

  static String text(JsonNode node, String field) {
    return require(node, field).asText();
  }

  static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  static Instant instant(JsonNode node, String field) {
    return Instant.parse(text(node, field));
  }
}
