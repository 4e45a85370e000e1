package com.leadhandoff.task;

/**
 * A failure worth retrying (throttling, a dropped connection). The state machine's Retry names this
 * class; Lambda's Java runtime reports an exception's fully qualified class name as its error type.
 */
public final class TransientFailure extends RuntimeException {
  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
