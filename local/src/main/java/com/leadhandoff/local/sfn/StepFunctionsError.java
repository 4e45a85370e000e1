package com.leadhandoff.local.sfn;

/**
 * A Step Functions API error; {@link #code()} is the AWS error code the SDK turns into its typed
 * exception ({@code ExecutionAlreadyExists} becomes {@code ExecutionAlreadyExistsException}).
 */
public final class StepFunctionsError extends RuntimeException {
  private final String code;

  /**
   * @param code the AWS error code, e.g. {@code TaskTimedOut}
   * @param message what went wrong, for a person
   */
  public StepFunctionsError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The AWS error code. */
  public String code() {
    return code;
  }
}
