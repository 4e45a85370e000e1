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
 * way an execution can end is a step that leaves the lead owned or in an explicit terminal status
 * (a task with {@code End: true}), or a Succeed or Fail state entered only from such a step. The
 * one exception is named: {@code Merged} follows {@code Take In Lead}'s {@code LeadMerged} turn,
 * which that step answers only once the lead is marked MERGED. Which status each step sets is what
 * their handler tests check. A new ending fails here until it is one of them.
 */
class StateMachineEndingsTest {
  /** The steps that may end a workflow, by resource, with what they leave the lead in. */
  private static final Map<String, String> ENDING_STEPS =
      Map.of(
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
  void everyEnding_isAStepThatLeavesTheLeadOwnedOrInATerminalStatus_orFollowsOnlyFromOne() {
    Map<String, Set<String>> endingsByStep = new TreeMap<>();
    for (String ending : endings()) {
      JsonNode state = states.get(ending);
      if (state.path("End").asBoolean(false)) {
        assertEquals("Task", state.path("Type").asText(), ending + " ends the run: it must own");
        assertTrue(
            ENDING_STEPS.containsKey(state.path("Resource").asText()),
            ending + " is not a step that leaves the lead owned or terminal");
        endingsByStep.computeIfAbsent(ending, k -> new TreeSet<>()).add(ending);
        continue;
      }
      for (Edge edge : edgesInto(ending)) {
        JsonNode from = states.get(edge.from());
        if (edge.field().equals("Catch")) {
          assertEquals("Take In Lead", edge.from(), edge + ": only a named turn may end the run");
          assertEquals("Merged", ending, edge + ": Take In Lead's one ending turn is LeadMerged");
          assertEquals(
              List.of("LeadMerged"), errorsCaughtInto(edge.from(), ending), edge.toString());
        } else {
          assertEquals("Next", edge.field(), edge + ": only a step that succeeded may end the run");
          assertTrue(
              ENDING_STEPS.containsKey(from.path("Resource").asText()),
              edge + " is not from a step that leaves the lead owned or terminal");
        }
        endingsByStep.computeIfAbsent(edge.from(), k -> new TreeSet<>()).add(ending);
      }
    }
    assertEquals(
        Map.of(
            "Take In Lead", Set.of("Merged"),
            "Nurture Lead", Set.of("Nurture Lead"),
            "Recycle Lead", Set.of("Recycle Lead"),
            "Queue Lead", Set.of("Queue Lead"),
            "Escalate To Manager", Set.of("Escalate To Manager"),
            "Follow Up", Set.of("Follow Up"),
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
    for (String step : List.of("Take In Lead", "Move Offer On")) {
      assertEquals(List.of("NoRepAvailable"), errorsCaughtInto(step, "Queue Lead"), step);
      assertEquals(List.of("OffersExhausted"), errorsCaughtInto(step, "Escalate To Manager"), step);
      List<String> last = new ArrayList<>();
      states.get(step).path("Catch").forEach(c -> last.add(c.path("Next").asText()));
      assertEquals("Park Lead", last.get(last.size() - 1), step + " parks whatever else fails");
    }
  }

  private List<String> errorsCaughtInto(String from, String to) {
    List<String> errors = new ArrayList<>();
    states
        .get(from)
        .path("Catch")
        .forEach(
            c -> {
              if (c.path("Next").asText().equals(to)) {
                c.path("ErrorEquals").forEach(error -> errors.add(error.asText()));
              }
            });
    return errors;
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
