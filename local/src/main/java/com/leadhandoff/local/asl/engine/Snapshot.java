package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An execution as an {@link ExecutionStore} keeps it: what DescribeExecution and
 * GetExecutionHistory show, and how far its top-level run got.
 */
record Snapshot(ExecutionDescription description, List<HistoryEvent> history, Progress progress) {
  Snapshot {
    history = List.copyOf(history);
  }

  /** How far a saved execution got. */
  sealed interface Progress {
    /** Closed: nothing to resume. */
    record Ended() implements Progress {}

    /** Started but no state entered yet, so nothing has run and it may simply begin. */
    record NotBegun() implements Progress {}

    /**
     * Saved by an older engine while running the work of {@code stateName}, without what it needs
     * to run it again; a restart fails it.
     */
    record Busy(String stateName) implements Progress {}

    /**
     * In a Task state whose result was not recorded yet: its Lambda was about to run, was running,
     * or (for a callback task) its answer had just been taken. A restart invokes the task again
     * with the same input, token and deadline, as Lambda retries an invocation (handlers are
     * idempotent), or, when {@code answer} is present, carries on with that answer.
     *
     * @param token the task token a {@code .waitForTaskToken} task was given, kept so that a link
     *     already handed out still works
     * @param startedAt when the task first started; its TimeoutSeconds counts from here
     * @param answer how a callback task was answered, if it was
     */
    record InTask(
        RunState run, Optional<String> token, Instant startedAt, Optional<TaskResult> answer)
        implements Progress {}

    /** Inside Parallel state {@code stateName}; the engine does not resume branches. */
    record InParallel(String stateName) implements Progress {}

    /** Inside Map state {@code stateName}; the engine does not resume its iterations. */
    record InMap(String stateName) implements Progress {}

    /** Suspended in a state, waiting for a callback or a timer. */
    record Suspended(RunState run, Wait awaiting) implements Progress {}
  }

  /**
   * The top-level run in its current state, as the interpreter needs it to carry on.
   *
   * @param variables the workflow variables of the top-level scope, by name
   */
  record RunState(
      String stateName,
      JsonNode stateInput,
      Instant enteredTime,
      List<Integer> retries,
      int retryCount,
      long lastEventId,
      ObjectNode variables) {
    RunState {
      retries = List.copyOf(retries);
      variables = variables.deepCopy();
    }

    /** A run without variables. */
    RunState(
        String stateName,
        JsonNode stateInput,
        Instant enteredTime,
        List<Integer> retries,
        int retryCount,
        long lastEventId) {
      this(stateName, stateInput, enteredTime, retries, retryCount, lastEventId, Json.object());
    }
  }

  /** What a suspended run waits for. */
  sealed interface Wait {
    /**
     * A callback task's token, with what its TimeoutSeconds/HeartbeatSeconds clocks had reached.
     */
    record ForCallback(
        String token, Optional<Instant> deadline, Optional<Long> heartbeatSeconds, Instant lastBeat)
        implements Wait {}

    /** A Wait state's timer and the state's output once it fires. */
    record ForWaitState(Instant due, JsonNode output) implements Wait {}

    /** The backoff before the next retry of the current state. */
    record ForRetry(Instant due) implements Wait {}
  }
}
