package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Parallel and Map states of one execution that have started and not ended, and the Map
 * iterations running in each, so that StopExecution can record what it aborts. The interpreter
 * opens and closes them as it records the matching events; {@link #aborted} is read when the
 * execution is stopped, under the execution's lock (the interpreter holds that lock while it
 * records an event and updates this, so a stop sees both or neither).
 */
final class OpenBlocks {
  /** One open Parallel or Map state, in the run {@code ownerRunId}. */
  private record Block(boolean map, String stateName, TreeMap<Integer, Long> children) {}

  /** The events a stop records for what was open, innermost first, before ExecutionAborted. */
  record Aborted(String type, ObjectNode details) {}

  private final Map<Long, Block> byOwner = new HashMap<>();

  /** A Parallel state started in run {@code ownerRunId}, its branches run by {@code branchRuns}. */
  synchronized void parallelStarted(long ownerRunId, String stateName, List<Long> branchRuns) {
    TreeMap<Integer, Long> children = new TreeMap<>();
    for (int i = 0; i < branchRuns.size(); i++) {
      children.put(i, branchRuns.get(i));
    }
    byOwner.put(ownerRunId, new Block(false, stateName, children));
  }

  /** A Map state started in run {@code ownerRunId}; its iterations come with {@link #iteration}. */
  synchronized void mapStarted(long ownerRunId, String stateName) {
    byOwner.put(ownerRunId, new Block(true, stateName, new TreeMap<>()));
  }

  /** Iteration {@code index} of the Map open in {@code ownerRunId} runs as {@code childRunId}. */
  synchronized void iteration(long ownerRunId, int index, long childRunId) {
    Block block = byOwner.get(ownerRunId);
    if (block != null) {
      block.children().put(index, childRunId);
    }
  }

  /** Iteration {@code index} ended (succeeded, failed or aborted with its Map). */
  synchronized void iterationEnded(long ownerRunId, int index) {
    Block block = byOwner.get(ownerRunId);
    if (block != null) {
      block.children().remove(index);
    }
  }

  /** The block open in {@code ownerRunId} ended, or that run was released. */
  synchronized void ended(long ownerRunId) {
    byOwner.remove(ownerRunId);
  }

  /**
   * What a stop aborts under run {@code rootRunId}: depth first, each block after what it holds and
   * iterations in index order: for a Map, MapIterationAborted for each iteration still running,
   * then MapStateAborted; for a Parallel, ParallelStateAborted after its branches' own.
   */
  synchronized List<Aborted> aborted(long rootRunId) {
    List<Aborted> events = new ArrayList<>();
    collect(rootRunId, events);
    return events;
  }

  private void collect(long runId, List<Aborted> events) {
    Block block = byOwner.get(runId);
    if (block == null) {
      return;
    }
    block
        .children()
        .forEach(
            (index, child) -> {
              collect(child, events);
              if (block.map()) {
                ObjectNode details = Json.object().put("name", block.stateName());
                events.add(new Aborted("MapIterationAborted", details.put("index", index)));
              }
            });
    events.add(
        new Aborted(block.map() ? "MapStateAborted" : "ParallelStateAborted", Json.object()));
  }
}
