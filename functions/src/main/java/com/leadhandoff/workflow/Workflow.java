package com.leadhandoff.workflow;

/** The lead handoff workflow as the functions outside it see it. */
public interface Workflow {
  /**
   * Starts the workflow for a stored lead. Idempotent: the execution is named after the lead, so a
   * retried start never creates a second run.
   *
   * @throws WorkflowUnavailableException when the service refused or failed every attempt
   */
  void start(String leadId);

  /**
   * Starts the lead's workflow unless it already has one, and says which: the watchdog's only way
   * to learn whether a lead's execution runs. Step Functions answers a start with the name and
   * input of a running execution with that execution, and refuses it once that execution closed.
   *
   * @throws WorkflowUnavailableException when the service refused or failed every attempt
   */
  default Launch launch(String leadId) {
    throw new UnsupportedOperationException("This workflow cannot tell a new start from a repeat");
  }

  /**
   * Stops the lead's execution if it runs, so that nothing in it moves the lead after the watchdog
   * parked it. An execution that ended or never started is left as it is.
   *
   * @throws WorkflowUnavailableException when the service could not be asked
   */
  default void stop(String leadId, String error, String cause) {
    throw new UnsupportedOperationException("This workflow cannot stop an execution");
  }

  /** Resumes a waiting offer task with its result (a JSON object). */
  Callback succeed(String taskToken, String outputJson);

  /** Resumes a waiting offer task with an error the state machine catches by name. */
  Callback fail(String taskToken, String error, String cause);

  /** What a {@link #launch} found. */
  enum Launch {
    /** No execution existed; one was started now. */
    STARTED,
    /** The lead's execution was already running; nothing changed. */
    ALREADY_RUNNING,
    /** The lead's execution already ended; a lead can never run twice, so nothing changed. */
    ALREADY_CLOSED
  }

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
