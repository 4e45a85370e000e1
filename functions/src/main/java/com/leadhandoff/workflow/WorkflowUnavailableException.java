package com.leadhandoff.workflow;

/**
 * The workflow service did not take a start after every retry (throttled, down, misconfigured): the
 * lead is stored but nobody works on it until a retry or the watchdog starts it.
 */
public final class WorkflowUnavailableException extends RuntimeException {
  public WorkflowUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
