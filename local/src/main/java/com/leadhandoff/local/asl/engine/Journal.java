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
