package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Catcher;
import com.leadhandoff.local.asl.model.ChoiceState;
import com.leadhandoff.local.asl.model.FailState;
import com.leadhandoff.local.asl.model.MapState;
import com.leadhandoff.local.asl.model.ParallelState;
import com.leadhandoff.local.asl.model.PassState;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.SucceedState;
import com.leadhandoff.local.asl.model.TaskState;
import com.leadhandoff.local.asl.model.WaitState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Graph checks of one program, with Step Functions' codes: StartAt and every transition target
 * exist (MISSING_TRANSITION_TARGET), some state ends the workflow (MISSING_END_STATE), and every
 * state is reachable (MISSING_TRANSITION_TARGET, "State \"X\" is not reachable.").
 */
final class ProgramValidator {
  private ProgramValidator() {}

  static void validate(Program program, JsonNode statesNode, String where, Problems p) {
    Set<String> declared = new HashSet<>();
    statesNode.fieldNames().forEachRemaining(declared::add);
    if (!declared.contains(program.startAt())) {
      p.add(
          Diagnostic.MISSING_TRANSITION_TARGET,
          where,
          Optional.of("StartAt"),
          "Missing 'StartAt' target: " + program.startAt());
    }
    boolean terminal = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> state = it.next();
      terminal |= isTerminal(state.getValue());
      // Step Functions says "Next" for every kind of target: Next, Choices[i].Next, Default,
      // Catch[i].Next.
      for (String[] target : jsonTargets(state.getValue())) {
        if (!declared.contains(target[1])) {
          p.add(
              Diagnostic.MISSING_TRANSITION_TARGET,
              "State '" + state.getKey() + "'",
              Optional.of(target[0]),
              "Missing 'Next' target: " + target[1]);
        }
      }
    }
    if (!terminal) {
      // As on AWS, a workflow with no way out is reported alone, without the unreachable states.
      p.addGlobal(Diagnostic.MISSING_END_STATE, where, "Workflow has no terminal state");
      return;
    }
    // Step Functions refuses states that no transition reaches; so do we.
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(program.startAt()));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!reached.add(name)) {
        continue;
      }
      State state = program.states().get(name);
      if (state != null) {
        todo.addAll(targets(state));
      }
    }
    boolean allParsed = declared.size() == program.states().size();
    if (allParsed) {
      for (String name : declared) {
        if (!reached.contains(name)) {
          p.add(
              Diagnostic.MISSING_TRANSITION_TARGET,
              "State '" + name + "'",
              Optional.empty(),
              "State \"" + name + "\" is not reachable.");
        }
      }
    }
  }

  private static boolean isTerminal(JsonNode state) {
    String type = state.path("Type").asText("");
    return type.equals("Succeed") || type.equals("Fail") || state.path("End").asBoolean(false);
  }

  /** Each transition target named in a state's JSON, with its location below the state. */
  private static List<String[]> jsonTargets(JsonNode state) {
    List<String[]> targets = new ArrayList<>();
    for (String field : List.of("Next", "Default")) {
      if (state.path(field).isTextual()) {
        targets.add(new String[] {field, state.get(field).asText()});
      }
    }
    for (String array : List.of("Choices", "Catch")) {
      JsonNode items = state.path(array);
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).path("Next").isTextual()) {
          targets.add(new String[] {array + "[" + i + "]/Next", items.get(i).get("Next").asText()});
        }
      }
    }
    return targets;
  }

  static List<String> targets(State state) {
    List<String> targets = new ArrayList<>();
    if (state instanceof PassState s) {
      s.transition().next().ifPresent(targets::add);
    } else if (state instanceof TaskState s) {
      s.transition().next().ifPresent(targets::add);
      s.catchers().stream().map(Catcher::next).forEach(targets::add);
    } else if (state instanceof ParallelState s) {
      s.transition().next().ifPresent(targets::add);
      s.catchers().stream().map(Catcher::next).forEach(targets::add);
    } else if (state instanceof MapState s) {
      s.transition().next().ifPresent(targets::add);
      s.catchers().stream().map(Catcher::next).forEach(targets::add);
    } else if (state instanceof WaitState s) {
      s.transition().next().ifPresent(targets::add);
    } else if (state instanceof ChoiceState s) {
      s.choices().stream().map(ChoiceState.Branch::next).forEach(targets::add);
      s.defaultNext().ifPresent(targets::add);
    } else if (!(state instanceof SucceedState) && !(state instanceof FailState)) {
      throw new IllegalStateException("unhandled state type " + state);
    }
    return targets;
  }
}
