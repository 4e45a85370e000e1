package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Where an engine keeps its executions so that they outlive the process. The engine hands it one
 * JSON snapshot per execution, replaced as the execution moves on; the store only has to keep the
 * latest one of each, and must never leave a half-written snapshot behind.
 */
public interface ExecutionStore {
  /**
   * Replaces the snapshot of one execution.
   *
   * @param executionArn the execution's ARN, unique per execution
   * @param snapshot the execution as the engine saves it; opaque to the store
   */
  void save(String executionArn, JsonNode snapshot);

  /**
   * Every snapshot saved so far, in no particular order. A snapshot that cannot be read (cut short
   * by a machine crash, edited by hand) is set aside and named, never making the others unreadable.
   */
  Loaded loadAll();

  /**
   * Keeps the answer a waiting callback task was just given (SendTaskSuccess, SendTaskFailure),
   * replacing any earlier one of the execution: Step Functions keeps an answer once it acknowledged
   * it, and the execution's next snapshot may not be saved before the process dies. A store that
   * keeps nothing of the kind loses such an answer in a crash.
   *
   * @param answer the token answered and the answer; opaque to the store
   */
  default void saveAnswer(String executionArn, JsonNode answer) {}

  /** Every answer kept by {@link #saveAnswer}, by execution ARN. */
  default Map<String, JsonNode> answers() {
    return Map.of();
  }

  /** Forgets the execution's kept answer, once its snapshot has it or it no longer applies. */
  default void deleteAnswer(String executionArn) {}

  /**
   * What {@link #loadAll()} found.
   *
   * @param snapshots the snapshots read
   * @param setAside one line per snapshot that could not be read, saying where it was put
   */
  record Loaded(List<JsonNode> snapshots, List<String> setAside) {
    public Loaded {
      snapshots = List.copyOf(snapshots);
      setAside = List.copyOf(setAside);
    }
  }
}
