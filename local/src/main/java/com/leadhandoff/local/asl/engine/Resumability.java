package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.engine.Snapshot.Progress;
import com.leadhandoff.local.asl.engine.Snapshot.Wait;
import com.leadhandoff.local.asl.model.MapState;
import com.leadhandoff.local.asl.model.ParallelState;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.TaskResource;
import com.leadhandoff.local.asl.model.TaskState;
import com.leadhandoff.local.asl.model.WaitState;
import java.util.Optional;

/**
 * Decides whether a restored running execution can carry on under the state machine's current
 * definition, and if not, why: the cause its failure will show.
 */
final class Resumability {
  private Resumability() {}

  /** Why the execution cannot carry on; empty if it can. */
  static Optional<String> problem(Progress progress, Program program) {
    if (progress instanceof Progress.Busy busy) {
      return Optional.of(
          "The local runtime stopped while state '"
              + busy.stateName()
              + "' was running, and was saved by an older local runtime without what it needs"
              + " to run it again.");
    }
    if (progress instanceof Progress.InTask task) {
      String name = task.run().stateName();
      State state = program.states().get(name);
      boolean callback =
          state instanceof TaskState t
              && t.resource() instanceof TaskResource.LambdaInvoke invoke
              && invoke.waitForTaskToken();
      if (state instanceof TaskState && callback == task.token().isPresent()) {
        return Optional.empty();
      }
      if (state == null) {
        return Optional.of(
            "The local runtime restarted with a state machine definition that has no state '"
                + name
                + "', where this execution was running a task.");
      }
      return Optional.of(
          "The local runtime restarted with a state machine definition where state '"
              + name
              + "' is no longer "
              + (task.token().isPresent() ? "a .waitForTaskToken task" : "a task of this kind")
              + ", which this execution was running.");
    }
    if (progress instanceof Progress.Nested nested) {
      return NestedResumability.problem(nested.root(), program);
    }
    if (progress instanceof Progress.InParallel parallel) {
      // Saved by an older engine, which kept no branch runs: running them again from the start
      // could repeat their work, so such executions end visibly instead.
      return Optional.of(
          "The local runtime stopped while the execution was in Parallel state '"
              + parallel.stateName()
              + "', and was saved by an older local runtime without its branches.");
    }
    if (progress instanceof Progress.InMap map) {
      return Optional.of(
          "The local runtime stopped while the execution was in Map state '"
              + map.stateName()
              + "', and was saved by an older local runtime without its iterations.");
    }
    if (!(progress instanceof Progress.Suspended suspended)) {
      return Optional.empty();
    }
    String name = suspended.run().stateName();
    State state = program.states().get(name);
    if (state == null) {
      return Optional.of(
          "The local runtime restarted with a state machine definition that has no state '"
              + name
              + "', where this execution was waiting.");
    }
    Wait wait = suspended.awaiting();
    boolean fits;
    String expected;
    if (wait instanceof Wait.ForCallback) {
      fits =
          state instanceof TaskState task
              && task.resource() instanceof TaskResource.LambdaInvoke invoke
              && invoke.waitForTaskToken();
      expected = "a .waitForTaskToken task";
    } else if (wait instanceof Wait.ForWaitState) {
      fits = state instanceof WaitState;
      expected = "a Wait state";
    } else {
      fits =
          (state instanceof TaskState task && !task.retriers().isEmpty())
              || (state instanceof ParallelState parallel && !parallel.retriers().isEmpty())
              || (state instanceof MapState map && !map.retriers().isEmpty());
      expected = "a state with Retry";
    }
    if (fits) {
      return Optional.empty();
    }
    return Optional.of(
        "The local runtime restarted with a state machine definition where state '"
            + name
            + "' is no longer "
            + expected
            + ", which this execution was waiting in.");
  }
}
