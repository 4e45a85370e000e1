package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves executions to the engine's {@link ExecutionStore}, if it has one; without a store every
 * call does nothing, so an in-memory engine pays nothing for it.
 */
final class Journal {
  private final Optional<ExecutionStore> store;
  private volatile boolean closed;

  /** The answers kept for each running execution, by token, oldest first. */
  private final Map<String, Map<String, ObjectNode>> kept = new HashMap<>();

  Journal(Optional<ExecutionStore> store) {
    this.store = store;
  }

  boolean enabled() {
    return store.isPresent() && !closed;
  }

  /**
   * Stops saving. Once the engine is closing, a task cut short must stay saved as it was when it
   * began, not as whatever the interrupted Lambda left behind, so that a restart invokes it again.
   */
  void close() {
    closed = true;
  }

  /**
   * Keeps a callback task's answer before the sender hears it arrived, so that a crash before the
   * execution's next snapshot does not lose it ({@link ExecutionStore#saveAnswer}). The store keeps
   * one answer record per execution, so the record also carries the execution's earlier answers:
   * branches of a Parallel or iterations of a Map may be answered at the same moment, and the next
   * snapshot may not have taken the first when the second arrives.
   */
  void saveAnswer(Execution execution, String token, TaskResult result) {
    if (!enabled()) {
      return;
    }
    ObjectNode record;
    synchronized (kept) {
      Map<String, ObjectNode> answers =
          kept.computeIfAbsent(execution.arn, arn -> new LinkedHashMap<>());
      answers.remove(token);
      answers.put(token, entry(token, SnapshotJson.answer(result)));
      record = record(execution.arn, answers);
    }
    try {
      store.get().saveAnswer(execution.arn, record);
    } catch (RuntimeException e) {
      // As with a snapshot: the execution carries on with the answer, which a crash would lose.
      System.err.println("the answer to execution " + execution.arn + " could not be saved: " + e);
    }
  }

  /** Takes back the answers a restored execution's record holds, so later answers keep them. */
  void restoreAnswers(String executionArn, JsonNode record) {
    synchronized (kept) {
      Map<String, ObjectNode> answers = new LinkedHashMap<>();
      for (JsonNode entry : keptAnswers(record)) {
        try {
          SnapshotJson.answer(entry.path("answer"));
        } catch (RuntimeException unreadable) {
          continue; // the engine dropped it; kept again, it would hide the readable ones
        }
        String token = entry.path("token").asText();
        answers.put(token, entry(token, entry.path("answer")));
      }
      kept.put(executionArn, answers);
    }
  }

  /** The answers of a record {@link #saveAnswer} wrote, oldest first, each {token, answer}. */
  static List<JsonNode> keptAnswers(JsonNode record) {
    List<JsonNode> entries = new ArrayList<>();
    record.path("earlier").forEach(entries::add);
    entries.add(record);
    return entries;
  }

  private static ObjectNode entry(String token, JsonNode answer) {
    ObjectNode entry = Json.object();
    entry.put("token", token);
    entry.set("answer", answer);
    return entry;
  }

  /** The latest answer at the top (as records were before), earlier ones under "earlier". */
  private static ObjectNode record(String executionArn, Map<String, ObjectNode> answers) {
    List<ObjectNode> all = new ArrayList<>(answers.values());
    ObjectNode record = Json.object();
    record.put("executionArn", executionArn);
    record.setAll(all.get(all.size() - 1));
    ArrayNode earlier = record.putArray("earlier");
    all.subList(0, all.size() - 1).forEach(earlier::add);
    return record;
  }

  /** Saves the execution as it is now, {@code progress} telling how far its run got. */
  void save(Execution execution, Snapshot.Progress progress) {
    if (!enabled()) {
      return;
    }
    if (progress instanceof Snapshot.Progress.Ended) {
      synchronized (kept) {
        kept.remove(execution.arn);
      }
    }
    try {
      store.get().save(execution.arn, SnapshotJson.write(execution.snapshot(progress)));
    } catch (RuntimeException e) {
      // A full disk must not fail the lead's workflow; the execution still runs, it just would
      // not survive a restart, which is what this says.
      System.err.println(
          "execution "
              + execution.arn
              + " could not be saved and would not survive a restart: "
              + e);
    }
  }
}
