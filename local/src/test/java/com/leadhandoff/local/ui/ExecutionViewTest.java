package com.leadhandoff.local.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.eval.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The execution page's table of states, one row per state entered. */
class ExecutionViewTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private final List<HistoryEvent> events = new ArrayList<>();

  @Test
  void mapIterationsInterleaving_leaveTheMapItsOwnEvents_andEachIterationStateItsOwn() {
    // GIVEN a Map whose two iterations ran side by side, as the engine records them
    // (each iteration's events chained on their own by previousEventId, as the engine chains them)
    long started = event("ExecutionStarted", Json.object(), 0);
    long entered = event("MapStateEntered", named("M"), started);
    long mapStarted = event("MapStateStarted", Json.object().put("length", 2), entered);
    long first = event("MapIterationStarted", named("M").put("index", 0), mapStarted);
    long second = event("MapIterationStarted", named("M").put("index", 1), first);
    long firstPass = event("PassStateEntered", named("P"), first);
    long secondPass = event("PassStateEntered", named("P"), second);
    long firstExit = event("PassStateExited", named("P"), firstPass);
    long firstDone = event("MapIterationSucceeded", named("M").put("index", 0), firstExit);
    long secondExit = event("PassStateExited", named("P"), secondPass);
    long secondDone = event("MapIterationSucceeded", named("M").put("index", 1), secondExit);
    long mapDone = event("MapStateSucceeded", Json.object(), secondDone);
    long exited = event("MapStateExited", named("M"), mapDone);
    event("ExecutionSucceeded", Json.object(), exited);

    // WHEN the page is built
    Map<String, Object> view = Views.execution(description(), events, Optional.empty(), "/_local");

    // THEN the Map's row holds its start, iterations, success and exit (and the execution's end),
    // and each iteration's Pass its own entry and exit
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> states = (List<Map<String, Object>>) view.get("states");
    assertEquals(List.of("M", "P", "P"), states.stream().map(r -> r.get("name")).toList());
    assertEquals(List.of(9, 2, 2), states.stream().map(r -> r.get("events")).toList());
    assertEquals(
        List.of("done", "done", "done"), states.stream().map(r -> r.get("result")).toList());
    // AND the raw events name the Map for its iteration events
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) view.get("events");
    assertEquals("M", rows.get((int) firstDone - 1).get("state"));
    assertEquals("MapIterationSucceeded", rows.get((int) firstDone - 1).get("type"));
  }

  @Test
  void parallelBranches_leaveTheParallelItsStartAndEnd() {
    // GIVEN a Parallel state whose two branches each ran one Pass state
    long started = event("ExecutionStarted", Json.object(), 0);
    long entered = event("ParallelStateEntered", named("Both"), started);
    long parallelStarted = event("ParallelStateStarted", Json.object(), entered);
    long a = event("PassStateEntered", named("A"), parallelStarted);
    long b = event("PassStateEntered", named("B"), parallelStarted);
    event("PassStateExited", named("A"), a);
    long bExit = event("PassStateExited", named("B"), b);
    long done = event("ParallelStateSucceeded", Json.object(), bExit);
    event("ParallelStateExited", named("Both"), done);

    // WHEN the page is built
    Map<String, Object> view = Views.execution(description(), events, Optional.empty(), "/_local");

    // THEN the Parallel's row has its entry, start, success and exit; each branch state its two
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> states = (List<Map<String, Object>>) view.get("states");
    assertEquals(List.of("Both", "A", "B"), states.stream().map(r -> r.get("name")).toList());
    assertEquals(List.of(4, 2, 2), states.stream().map(r -> r.get("events")).toList());
  }

  private static ObjectNode named(String name) {
    return Json.object().put("name", name);
  }

  private long event(String type, ObjectNode details, long previous) {
    long id = events.size() + 1;
    events.add(new HistoryEvent(id, previous, T0.plusSeconds(id), type, details));
    return id;
  }

  private static ExecutionDescription description() {
    return new ExecutionDescription(
        "arn:aws:states:us-east-1:000000000000:execution:Fanout:demo",
        "arn:aws:states:us-east-1:000000000000:stateMachine:Fanout",
        "demo",
        ExecutionStatus.SUCCEEDED,
        T0,
        Optional.of(T0.plusSeconds(14)),
        "{}",
        Optional.of("[]"),
        Optional.empty(),
        Optional.empty());
  }
}
