package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** Was running the work of {@code stateName} (a Lambda, perhaps); unsafe to run again. */
    record Busy(String stateName) implements Progress {}

    /** Inside Parallel state {@code stateName}; the engine does not resume branches. */
    record InParallel(String stateName) implements Progress {}

    /** Suspended in a state, waiting for a callback or a timer. */
    record Suspended(RunState run, Wait awaiting) implements Progress {}
  }

  /** The top-level run in its current state, as the interpreter needs it to carry on. */
  record RunState(
      String stateName,
      JsonNode stateInput,
      Instant enteredTime,
      List<Integer> retries,
      int retryCount,
      long lastEventId) {
    RunState {
      retries = List.copyOf(retries);
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
