package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * Inside Parallel state {@code stateName}, saved by an older engine without its branches; a
     * restart fails it.
     */
    record InParallel(String stateName) implements Progress {}

    /**
     * Inside Map state {@code stateName}, saved by an older engine without its iterations; a
     * restart fails it.
     */
    record InMap(String stateName) implements Progress {}

    /**
     * Inside a Parallel or Map state: {@code root} is the top-level run, a {@link Node.Branches} or
     * {@link Node.Iterations}, with the tree of runs under it.
     */
    record Nested(Node root) implements Progress {}

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

  /**
   * One run in the saved tree of an execution inside a Parallel or Map state. {@code run} is the
   * run in its current state; a branch or iteration not yet begun has none.
   */
  sealed interface Node {
    /** A branch or iteration whose first state was not entered yet: it begins again. */
    record Fresh() implements Node {}

    /** In a state entered but whose work had not started: the work runs (again). */
    record Entered(RunState run) implements Node {}

    /**
     * In a Task state whose result was not recorded, as {@link Progress.InTask} is for the top
     * level: invoked again with its token and deadline, or carrying on with its answer.
     */
    record Task(
        RunState run, Optional<String> token, Instant startedAt, Optional<TaskResult> answer)
        implements Node {}

    /** Waiting on a callback, a Wait state's timer or a retry's backoff. */
    record Suspended(RunState run, Wait awaiting) implements Node {}

    /**
     * In a Parallel state: {@code results} of the branches that ended, by branch index, and the
     * branches still running.
     */
    record Branches(
        RunState run, JsonNode input, Map<Integer, JsonNode> results, Map<Integer, Node> running)
        implements Node {
      public Branches {
        results = Map.copyOf(results);
        running = Map.copyOf(running);
      }
    }

    /**
     * In a Map state: every iteration's input, the results of those that ended (failed ones
     * tolerated hold their error output), the iterations running, and the counts and limits that
     * decide what starts next.
     */
    record Iterations(
        RunState run,
        List<JsonNode> inputs,
        Map<Integer, JsonNode> results,
        Map<Integer, Node> running,
        MapCounts counts)
        implements Node {
      public Iterations {
        inputs = List.copyOf(inputs);
        results = Map.copyOf(results);
        running = Map.copyOf(running);
      }
    }
  }

  /**
   * A Map state's progress and limits: the next iteration to start, how many ended and failed, and
   * the limits its start evaluated.
   */
  record MapCounts(
      int next,
      int done,
      int failed,
      int concurrency,
      Optional<Long> toleratedCount,
      Optional<Double> toleratedPercentage) {}

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
