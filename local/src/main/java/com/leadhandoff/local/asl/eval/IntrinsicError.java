package com.leadhandoff.local.asl.eval;

/**
 * An intrinsic function call that cannot be evaluated: bad arguments, or an argument path that
 * matches nothing. The enclosing field turns it into States.Runtime, naming the whole call.
 */
public final class IntrinsicError extends RuntimeException {
  /**
   * @param message the part of the cause after "had the following error: "
   */
  public IntrinsicError(String message) {
    super(message, null, false, false);
  }

  /** The wording Step Functions uses for arguments a function refuses. */
  public static IntrinsicError invalidArguments(String function) {
    return new IntrinsicError("Invalid arguments in " + function);
  }
}
