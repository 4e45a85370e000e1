package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.clock.VirtualClock;
import java.util.Optional;

/** Runs an execution of an engine on a {@link VirtualClock} as far as it goes, skipping waits. */
public final class VirtualRuns {
  private VirtualRuns() {}

  /**
   * Settles the engine and moves {@code clock} to each next timer (a Wait, a retry's backoff, a
   * timeout) until the execution closes; returns it closed, or still RUNNING when nothing but a
   * callback (a task token) could move it on.
   */
  public static ExecutionDescription toEnd(
      ExecutionEngine engine, VirtualClock clock, String executionArn) {
    while (true) {
      engine.awaitIdle();
      ExecutionDescription described = engine.describeExecution(executionArn);
      if (described.status() != ExecutionStatus.RUNNING) {
        return described;
      }
      Optional<java.time.Instant> due = clock.nextDue();
      if (due.isEmpty()) {
        return described;
      }
      clock.advanceTo(due.get().isBefore(clock.now()) ? clock.now() : due.get());
    }
  }
}
