package com.leadhandoff.local.asl.eval;

/**
 * A runtime error of a state, with the Step Functions error name and cause. Thrown by evaluation
 * helpers; the runners turn it into a failed outcome that Retry and Catch see.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  /** The error name, e.g. {@code States.Runtime} or a function's error type. */
  public String error() {
    return error;
  }

  /** The human-readable (or JSON) cause. */
  public String cause() {
    return cause;
  }
}
