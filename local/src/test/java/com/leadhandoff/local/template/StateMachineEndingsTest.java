package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.Projects;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * "Never an unowned lead", proven on the real {@code statemachines/lead-handoff.asl.json}: every
 * way an execution can end is entered only from a step that leaves the lead owned or in an explicit
 * terminal status. Which status each of those steps sets is what their handler tests check. A new
 * ending (a new Succeed or Fail state, or End: true) fails here until its last step is one of them.
 * An ending reached through a Choice or an acknowledgement step counts as reached from the one task
 * before them (Match Lead decides whether the lead was merged; Duplicate? only reads its answer,
 * and the merged submission's acknowledgement changes no status).
 */
class StateMachineEndingsTest {
  /** The steps that may end a workflow, by resource, with what they leave the lead in. */
  private static final Map<String, String> ENDING_STEPS =
      Map.of(
          "${MatchLeadFunctionArn}", "status MERGED, part of the open lead of the same address",
          "${NurtureLeadFunctionArn}", "status NURTURE, marketing's",
          "${RecycleLeadFunctionArn}", "status RECYCLED, marketing's",
          "${QueueLeadFunctionArn}", "status QUEUED, owned by the fallback queue",
          "${EscalateToManagerFunctionArn}", "status ESCALATED, owned by a manager",
          "${FollowUpFunctionArn}", "status ACCEPTED, owned by the rep who accepted",
          "${ParkLeadFunctionArn}", "status NEEDS_ATTENTION, the fallback manager alerted");

  private final JsonNode states = read().get("States");

  private static JsonNode read() {
    try {
      return new ObjectMapper()
          .readTree(Projects.root().resolve("statemachines/lead-handoff.asl.json").toFile());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyEnding_isEnteredOnlyFromAStepThatLeavesTheLeadOwnedOrInATerminalStatus() {
    Map<String, Set<String>> endingsByStep = new TreeMap<>();
    for (String ending : endings()) {
      for (Edge into : edgesInto(ending)) {
        Edge edge = decidingEdge(into);
        JsonNode from = states.get(edge.from());
        String resource = from.path("Resource").asText();
        assertEquals(
            "Task", from.path("Type").asText(), edge + " must come from a task that owns the lead");
        assertTrue(
            ENDING_STEPS.containsKey(resource),
            edge + ": " + resource + " is not a step that leaves the lead owned or terminal");
        assertEquals("Next", edge.field(), edge + ": only a step that succeeded may end the run");
        endingsByStep.computeIfAbsent(edge.from(), k -> new TreeSet<>()).add(ending);
      }
    }
    assertEquals(
        Map.of(
            "Match Lead", Set.of("Merged"),
            "Nurture Lead", Set.of("Nurtured"),
            "Recycle Lead", Set.of("Recycled"),
            "Queue Lead", Set.of("Queued"),
            "Escalate To Manager", Set.of("Escalated"),
            "Follow Up", Set.of("Handed Off"),
            "Park Lead", Set.of("Needs Attention")),
        endingsByStep);
  }

  @Test
  void everyEndingStep_thatFails_isParked_andEveryEndingIsReachable() {
    Set<String> reachable = reachableFrom(read().get("StartAt").asText());
    assertTrue(reachable.containsAll(endings()), "unreachable endings: " + endings());
    states
        .properties()
        .forEach(
            e -> {
              String resource = e.getValue().path("Resource").asText();
              if (ENDING_STEPS.containsKey(resource) && !e.getKey().equals("Park Lead")) {
                List<String> catches = new ArrayList<>();
                e.getValue().path("Catch").forEach(c -> catches.add(c.path("Next").asText()));
                assertEquals(List.of("Park Lead"), catches, e.getKey() + " must park on failure");
              }
            });
    assertFalse(states.get("Park Lead").has("Catch"), "Park Lead is the last resort");
  }

  @Test
  void noRepEverEligible_goesToTheQueue_whileAnEndedLadderGoesToTheManager() {
    JsonNode repFound = states.get("Rep Found?");
    JsonNode queueRule = repFound.get("Choices").get(1);
    assertEquals("$.route.offersMade", queueRule.get("Variable").asText());
    assertEquals(0, queueRule.get("NumericEquals").asInt());
    assertEquals("Queue Lead", queueRule.get("Next").asText());
    assertEquals("Escalate To Manager", repFound.get("Default").asText());
    assertEquals("Escalate To Manager", states.get("Offers Left?").get("Default").asText());
  }

  /** Succeed and Fail states, and any state that ends the run with End: true. */
  private Set<String> endings() {
    Set<String> endings = new LinkedHashSet<>();
    states
        .properties()
        .forEach(
            e -> {
              String type = e.getValue().path("Type").asText();
              if (type.equals("Succeed")
                  || type.equals("Fail")
                  || e.getValue().path("End").asBoolean(false)) {
                endings.add(e.getKey());
              }
            });
    assertEquals(7, endings.size(), "the workflow's endings: " + endings);
    return endings;
  }

  /**
   * The transition that decided an ending, walking back over the states that only pass the run on:
   * a Choice (it reads the result of the task before it) and the acknowledgement steps (they email
   * the prospect and write history, never the lead's status). Each of those must be entered from
   * exactly one state, so the walk ends at the one task whose result the ending depends on.
   */
  private Edge decidingEdge(Edge edge) {
    Edge decided = edge;
    while (passesOn(states.get(decided.from()))) {
      List<Edge> into = edgesInto(decided.from());
      assertEquals(1, into.size(), decided.from() + " must follow exactly one state: " + into);
      decided = into.get(0);
    }
    return decided;
  }

  private static boolean passesOn(JsonNode state) {
    return state.path("Type").asText().equals("Choice")
        || state.path("Resource").asText().equals("${AcknowledgeLeadFunctionArn}");
  }

  /** A transition: which field of which state leads to another. */
  private record Edge(String from, String field, String to) {}

  private List<Edge> edgesOutOf(String name) {
    JsonNode state = states.get(name);
    List<Edge> edges = new ArrayList<>();
    if (state.has("Next")) {
      edges.add(new Edge(name, "Next", state.get("Next").asText()));
    }
    if (state.has("Default")) {
      edges.add(new Edge(name, "Default", state.get("Default").asText()));
    }
    state
        .path("Choices")
        .forEach(c -> edges.add(new Edge(name, "Choices", c.get("Next").asText())));
    state.path("Catch").forEach(c -> edges.add(new Edge(name, "Catch", c.get("Next").asText())));
    return edges;
  }

  private List<Edge> edgesInto(String target) {
    List<Edge> edges = new ArrayList<>();
    states
        .fieldNames()
        .forEachRemaining(
            name ->
                edgesOutOf(name).stream().filter(e -> e.to().equals(target)).forEach(edges::add));
    assertFalse(edges.isEmpty(), "nothing leads to " + target);
    return edges;
  }

  private Set<String> reachableFrom(String start) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (seen.add(name)) {
        edgesOutOf(name).forEach(e -> todo.push(e.to()));
      }
    }
    return seen;
  }
}
