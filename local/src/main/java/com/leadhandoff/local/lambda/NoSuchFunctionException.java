package com.leadhandoff.local.lambda;

/** Thrown for a function the template does not declare (Lambda's ResourceNotFoundException). */
public final class NoSuchFunctionException extends RuntimeException {
  /** The function that was asked for. */
  public NoSuchFunctionException(String functionNameOrArn) {
    super("Function not found: " + functionNameOrArn);
  }
}
