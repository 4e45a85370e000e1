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
import java.util.List;
import java.util.Set;

/** Graph checks of one program: StartAt and every transition target exist; no state is orphaned. */
final class ProgramValidator {
  private ProgramValidator() {}

  static void validate(Program program, JsonNode statesNode, String where, Problems p) {
    Set<String> declared = new HashSet<>();
    statesNode.fieldNames().forEachRemaining(declared::add);
    if (!declared.contains(program.startAt())) {
      p.add(where, "StartAt '" + program.startAt() + "' is not a state");
    }
    for (State state : program.states().values()) {
      for (String target : targets(state)) {
        if (!declared.contains(target)) {
          p.add("State '" + state.name() + "'", "transition to unknown state '" + target + "'");
        }
      }
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
          p.add("State '" + name + "'", "is not reachable from StartAt");
        }
      }
    }
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
