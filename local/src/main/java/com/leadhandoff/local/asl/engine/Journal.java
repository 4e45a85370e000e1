package com.leadhandoff.local.asl.engine;

import java.util.Optional;

/**
 * Saves executions to the engine's {@link ExecutionStore}, if it has one; without a store every
 * call does nothing, so an in-memory engine pays nothing for it.
 */
final class Journal {
  private final Optional<ExecutionStore> store;
  private volatile boolean closed;

  Journal(Optional<ExecutionStore> store) {
    this.store = store;
  }

  boolean enabled() {
    return store.isPresent() && !closed;
  }

  /**
   * Stops saving. Once the engine is closing, a task cut short must stay saved as it was when it
   * began, not as whatever the interrupted Lambda left behind, so that a restart invokes it again.
   */
  void close() {
    closed = true;
  }

  /**
   * Keeps a callback task's answer before the sender hears it arrived, so that a crash before the
   * execution's next snapshot does not lose it ({@link ExecutionStore#saveAnswer}).
   */
  void saveAnswer(Execution execution, String token, TaskResult result) {
    if (!enabled()) {
      return;
    }
    com.fasterxml.jackson.databind.node.ObjectNode answer =
        com.leadhandoff.local.asl.eval.Json.object();
    answer.put("executionArn", execution.arn);
    answer.put("token", token);
    answer.set("answer", SnapshotJson.answer(result));
    try {
      store.get().saveAnswer(execution.arn, answer);
    } catch (RuntimeException e) {
      // As with a snapshot: the execution carries on with the answer, which a crash would lose.
      System.err.println("the answer to execution " + execution.arn + " could not be saved: " + e);
    }
  }

  /** Saves the execution as it is now, {@code progress} telling how far its run got. */
  void save(Execution execution, Snapshot.Progress progress) {
    if (!enabled()) {
      return;
    }
    try {
      store.get().save(execution.arn, SnapshotJson.write(execution.snapshot(progress)));
    } catch (RuntimeException e) {
      // A full disk must not fail the lead's workflow; the execution still runs, it just would
      // not survive a restart, which is what this says.
      System.err.println(
          "execution "
              + execution.arn
              + " could not be saved and would not survive a restart: "
              + e);
    }
  }
}
