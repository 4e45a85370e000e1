package com.leadhandoff.local.asl.engine;

/** Something that happened to an execution; processed one at a time by its interpreter. */
sealed interface Signal {
  /** Start the execution. */
  record Begin() implements Signal {}

  /** A Wait or retry timer of run {@code runId} fired. */
  record TimerFired(long runId, long timerId) implements Signal {}

  /** A callback task's token was closed by an answer or a timeout. */
  record TaskClosed(long runId, TaskToken token, TaskResult result) implements Signal {}

  /** The execution was closed from outside (stopped, timed out): release its timers. */
  record Closed() implements Signal {}
}
