package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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
