package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping of one Map state run: each iteration's input, which iterations run, their results
 * in item order, and the failures counted against the tolerated threshold.
 */
final class MapIterations {
  private final List<JsonNode> inputs;
  private final JsonNode[] results;
  private final int concurrency;
  private final Optional<Long> toleratedCount;
  private final Optional<Double> toleratedPercentage;
  private final Map<Integer, Run> running = new LinkedHashMap<>();
  private int next;
  private int done;
  private int failed;

  /**
   * @param inputs each iteration's input, in item order
   * @param concurrency how many iterations may run at once (at least 1)
   * @param toleratedCount ToleratedFailureCount, if the state sets it
   * @param toleratedPercentage ToleratedFailurePercentage, if the state sets it
   */
  MapIterations(
      List<JsonNode> inputs,
      int concurrency,
      Optional<Long> toleratedCount,
      Optional<Double> toleratedPercentage) {
    this.inputs = List.copyOf(inputs);
    this.results = new JsonNode[inputs.size()];
    this.concurrency = Math.max(1, concurrency);
    this.toleratedCount = toleratedCount;
    this.toleratedPercentage = toleratedPercentage;
  }

  /**
   * The bookkeeping of a Map state run restored after a restart, with no iteration running yet: the
   * interpreter starts the saved ones again through {@link #started}.
   */
  static MapIterations restored(
      List<JsonNode> inputs, Map<Integer, JsonNode> results, Snapshot.MapCounts counts) {
    MapIterations map =
        new MapIterations(
            inputs, counts.concurrency(), counts.toleratedCount(), counts.toleratedPercentage());
    results.forEach((index, output) -> map.results[index] = output);
    map.next = counts.next();
    map.done = counts.done();
    map.failed = counts.failed();
    return map;
  }

  /** The inputs of every iteration, in item order. */
  List<JsonNode> inputs() {
    return inputs;
  }

  /** The results of the iterations that ended, by index. */
  Map<Integer, JsonNode> endedResults() {
    Map<Integer, JsonNode> ended = new LinkedHashMap<>();
    for (int i = 0; i < results.length; i++) {
      if (results[i] != null) {
        ended.put(i, results[i]);
      }
    }
    return ended;
  }

  /** The counts and limits a snapshot keeps. */
  Snapshot.MapCounts counts() {
    return new Snapshot.MapCounts(
        next, done, failed, concurrency, toleratedCount, toleratedPercentage);
  }

  /** The iterations running, by index. */
  Map<Integer, Run> runningByIndex() {
    return new LinkedHashMap<>(running);
  }

  int size() {
    return inputs.size();
  }

  /** Whether another iteration may start now. */
  boolean canLaunch() {
    return next < inputs.size() && running.size() < concurrency;
  }

  /** The index of the next iteration to start. */
  int launchNext() {
    return next++;
  }

  void started(int index, Run run) {
    running.put(index, run);
  }

  JsonNode input(int index) {
    return inputs.get(index);
  }

  /** The runs of the iterations still running, in item order. */
  List<Run> running() {
    return new ArrayList<>(running.values());
  }

  void succeeded(int index, JsonNode output) {
    running.remove(index);
    results[index] = output;
    done++;
  }

  /**
   * Counts a failed iteration. Returns false when the state must fail: no tolerance is configured,
   * or the failures now exceed ToleratedFailureCount or ToleratedFailurePercentage (the developer
   * guide's "Distributed Map failure threshold": the run fails once it exceeds either one).
   */
  boolean tolerated(int index, String error, String cause) {
    running.remove(index);
    failed++;
    done++;
    ObjectNode errorOutput = Json.object();
    errorOutput.put("Error", error);
    errorOutput.put("Cause", cause);
    results[index] = errorOutput;
    if (toleratedCount.isEmpty() && toleratedPercentage.isEmpty()) {
      return false;
    }
    boolean overCount = toleratedCount.map(c -> failed > c).orElse(false);
    boolean overPercentage =
        toleratedPercentage.map(pct -> failed * 100.0 / inputs.size() > pct).orElse(false);
    return !overCount && !overPercentage;
  }

  /** Whether every iteration has ended. */
  boolean complete() {
    return done == inputs.size();
  }

  JsonNode[] results() {
    return results.clone();
  }
}
