package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.engine.Snapshot.Node;
import com.leadhandoff.local.asl.engine.Snapshot.Wait;
import com.leadhandoff.local.asl.model.MapState;
import com.leadhandoff.local.asl.model.ParallelState;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.TaskResource;
import com.leadhandoff.local.asl.model.TaskState;
import com.leadhandoff.local.asl.model.WaitState;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides whether the saved tree of runs of an execution inside a Parallel or Map state can carry
 * on under the current definition: every run's state must still be there and of the same kind, in
 * the branch or item processor it ran in.
 */
final class NestedResumability {
  private NestedResumability() {}

  /** Why the execution whose top-level run is {@code root} cannot carry on; empty if it can. */
  static Optional<String> problem(Node root, Program program) {
    return check(root, program, "");
  }

  private static Optional<String> check(Node node, Program program, String where) {
    if (node instanceof Node.Fresh) {
      return Optional.empty();
    }
    String name = stateName(node);
    State state = program.states().get(name);
    if (state == null) {
      return Optional.of(
          "The local runtime restarted with a state machine definition that has no state '"
              + name
              + "'"
              + where
              + ", where this execution was running.");
    }
    String expected = expected(node, state);
    if (expected != null) {
      return Optional.of(
          "The local runtime restarted with a state machine definition where state '"
              + name
              + "'"
              + where
              + " is no longer "
              + expected
              + ", which this execution was in.");
    }
    if (node instanceof Node.Branches branches) {
      ParallelState parallel = (ParallelState) state;
      String inside = " in a branch of Parallel state '" + name + "'";
      for (Map.Entry<Integer, Node> child : new TreeMap<>(branches.running()).entrySet()) {
        Optional<String> problem =
            check(child.getValue(), parallel.branches().get(child.getKey()), inside);
        if (problem.isPresent()) {
          return problem;
        }
      }
    } else if (node instanceof Node.Iterations iterations) {
      MapState map = (MapState) state;
      String inside = " in an iteration of Map state '" + name + "'";
      for (Node child : new TreeMap<>(iterations.running()).values()) {
        Optional<String> problem = check(child, map.processor(), inside);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /** What {@code state} should be for the saved run, or null when it fits. */
  private static String expected(Node node, State state) {
    if (node instanceof Node.Task task) {
      return isCallback(state) == task.token().isPresent()
          ? null
          : (task.token().isPresent() ? "a .waitForTaskToken task" : "a task of this kind");
    }
    if (node instanceof Node.Suspended suspended) {
      if (suspended.awaiting() instanceof Wait.ForCallback) {
        return isCallback(state) ? null : "a .waitForTaskToken task";
      }
      if (suspended.awaiting() instanceof Wait.ForWaitState) {
        return state instanceof WaitState ? null : "a Wait state";
      }
      boolean fits =
          (state instanceof TaskState task && !task.retriers().isEmpty())
              || (state instanceof ParallelState parallel && !parallel.retriers().isEmpty())
              || (state instanceof MapState map && !map.retriers().isEmpty());
      return fits ? null : "a state with Retry";
    }
    if (node instanceof Node.Branches branches) {
      boolean fits =
          state instanceof ParallelState parallel
              && indexesBelow(branches.running(), branches.results(), parallel.branches().size());
      return fits ? null : "a Parallel state with these branches";
    }
    if (node instanceof Node.Iterations) {
      return state instanceof MapState ? null : "a Map state";
    }
    return null; // entered: any state may run its work again
  }

  private static boolean isCallback(State state) {
    return state instanceof TaskState task
        && task.resource() instanceof TaskResource.LambdaInvoke invoke
        && invoke.waitForTaskToken();
  }

  private static boolean indexesBelow(Map<Integer, ?> running, Map<Integer, ?> ended, int size) {
    return running.keySet().stream().allMatch(i -> i >= 0 && i < size)
        && ended.keySet().stream().allMatch(i -> i >= 0 && i < size);
  }

  private static String stateName(Node node) {
    return SavedRuns.runOf(node).orElseThrow().stateName();
  }
}
