package com.leadhandoff.local.asl.engine;

import java.util.List;

/**
 * What {@link ExecutionEngine#restoreExecutions()} found in its store.
 *
 * @param closed executions that had ended, listed and described as before
 * @param resumed running executions that carry on where they were
 * @param failed running executions that could not carry on and were failed with the reason
 * @param notes saved executions that were not loaded, each with why
 */
public record RestoredExecutions(int closed, int resumed, int failed, List<String> notes) {
  public RestoredExecutions {
    notes = List.copyOf(notes);
  }

  /** Nothing restored. */
  public static RestoredExecutions none() {
    return new RestoredExecutions(0, 0, 0, List.of());
  }
}
