package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.clock.RuntimeClock;
import java.util.List;
import java.util.Map;

/** What a suspended run is waiting for. */
sealed interface Waiting {
  /** A Wait state's timer; {@code output} is the state's output once it fires. */
  record WaitTimer(long timerId, RuntimeClock.Timer timer, JsonNode output) implements Waiting {}

  /** The backoff before the next retry of the current state. */
  record RetryTimer(long timerId, RuntimeClock.Timer timer) implements Waiting {}

  /** A callback task waiting on its token. */
  record Callback(TaskToken token) implements Waiting {}

  /** A Parallel state's branches; results fill in as branches end. */
  final class Branches implements Waiting {
    final List<Run> children;
    final JsonNode input;
    final JsonNode[] results;
    int remaining;

    Branches(List<Run> children, JsonNode input) {
      this.children = List.copyOf(children);
      this.input = input;
      this.results = new JsonNode[children.size()];
      this.remaining = children.size();
    }

    /**
     * Branches restored after a restart: {@code running} are the branches still running, {@code
     * ended} the results of those that ended, by branch index, of {@code size} branches.
     */
    Branches(List<Run> running, JsonNode input, int size, Map<Integer, JsonNode> ended) {
      this.children = List.copyOf(running);
      this.input = input;
      this.results = new JsonNode[size];
      ended.forEach((index, output) -> results[index] = output);
      this.remaining = size - ended.size();
    }
  }

  /** A Map state's iterations, launched as its concurrency allows. */
  record Iterations(MapIterations map) implements Waiting {}
}
