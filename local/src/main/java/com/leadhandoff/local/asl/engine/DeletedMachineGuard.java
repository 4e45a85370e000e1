package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.clock.RuntimeClock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What DeleteStateMachine does to an execution still running: "On the next state transition, the
 * state machine's executions are terminated" (DeleteStateMachine API reference). The next signal
 * that would move the execution on (a timer, a callback, a resume) fails it instead, with the error
 * and cause AWS gives it (re:Post knowledge center, "Step Functions state machine stuck in
 * DELETING").
 */
final class DeletedMachineGuard {
  private DeletedMachineGuard() {}

  /** {@code interpreter} behind the guard, for {@code execution}. */
  static Consumer<Signal> around(
      Execution execution,
      Consumer<Signal> interpreter,
      Predicate<String> deleting,
      RuntimeClock clock) {
    String machineArn = execution.machine.arn();
    return signal -> {
      if (deleting.test(machineArn)
          && !(signal instanceof Signal.Closed)
          && !execution.isClosed()) {
        ObjectNode details =
            StateCall.details(
                "error",
                ErrorNames.RUNTIME,
                "cause",
                "State machine " + execution.machine.name() + " has been deleted.");
        execution.close(
            ExecutionStatus.FAILED, "ExecutionFailed", Optional.empty(), details, clock.now());
        interpreter.accept(new Signal.Closed());
        return;
      }
      interpreter.accept(signal);
    };
  }
}
