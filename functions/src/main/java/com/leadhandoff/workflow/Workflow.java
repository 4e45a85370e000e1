package com.leadhandoff.workflow;

/** The lead handoff workflow as the functions outside it see it. */
public interface Workflow {
  /**
   * Starts the workflow for a stored lead. Idempotent: the execution is named after the lead, so a
   * retried start never creates a second run.
   */
  void start(String leadId);

  /** Resumes a waiting offer task with its result (a JSON object). */
  Callback succeed(String taskToken, String outputJson);

  /** Resumes a waiting offer task with an error the state machine catches by name. */
  Callback fail(String taskToken, String error, String cause);

  /** What became of a callback. */
  enum Callback {
    /** The waiting task took it. */
    DELIVERED,
    /** The task had already timed out. */
    TIMED_OUT,
    /** The task no longer exists (answered before, or its execution ended). */
    GONE
  }
}
