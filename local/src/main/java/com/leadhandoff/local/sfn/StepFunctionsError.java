package com.leadhandoff.local.sfn;

/**
 * An error the endpoint raises itself, before the engine is asked (a missing member, a bad page
 * token, an unknown operation); {@link #code()} is the AWS error code.
 */
final class StepFunctionsError extends RuntimeException {
  private final String code;

  StepFunctionsError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
