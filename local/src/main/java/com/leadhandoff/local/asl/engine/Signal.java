package com.leadhandoff.local.asl.engine;

import java.util.Map;
import java.util.Optional;

/** Something that happened to an execution; processed one at a time by its interpreter. */
sealed interface Signal {
  /** Start the execution. */
  record Begin() implements Signal {}

  /** A Wait or retry timer of run {@code runId} fired. */
  record TimerFired(long runId, long timerId) implements Signal {}

  /** A callback task's token was closed by an answer or a timeout. */
  record TaskClosed(long runId, TaskToken token, TaskResult result) implements Signal {}

  /**
   * Carry on an execution restored from a store: re-arm its top-level run's wait. {@code token} is
   * the restored callback token when it waits for one (registered before this signal is posted, so
   * an answer can arrive at once).
   */
  record Resume(Snapshot.Progress.Suspended saved, Optional<TaskToken> token) implements Signal {}

  /**
   * Carry on an execution restored from a store in the middle of a Task state: invoke the task
   * again with the same token and deadline ({@code token} registered before this is posted), or
   * record the answer it had taken.
   */
  record ResumeTask(Snapshot.Progress.InTask saved, Optional<TaskToken> token) implements Signal {}

  /**
   * Carry on an execution restored from a store inside a Parallel or Map state: bring back its tree
   * of runs. {@code tokens} are the restored task tokens of its callback tasks, by value
   * (registered before this signal is posted, so an answer can arrive at once).
   */
  record ResumeNested(Snapshot.Progress.Nested saved, Map<String, TaskToken> tokens)
      implements Signal {
    public ResumeNested {
      tokens = Map.copyOf(tokens);
    }
  }

  /** A callback task got a heartbeat: nothing to do but save its new last beat. */
  record Beat() implements Signal {}

  /** The execution was closed from outside (stopped, timed out): release its timers. */
  record Closed() implements Signal {}
}
