package com.leadhandoff.local.asl.teststate;

import java.util.Optional;

/**
 * What TestState answers.
 *
 * @param status SUCCEEDED, FAILED, RETRIABLE (a Retry matches the error) or CAUGHT_ERROR (a Catch
 *     did)
 * @param output the state's output (on success, or the error output a Catch passes on)
 * @param nextState where the state goes next; empty when it ends or fails
 * @param inspectionData at DEBUG and TRACE only
 */
public record TestStateResult(
    Status status,
    Optional<String> output,
    Optional<String> error,
    Optional<String> cause,
    Optional<String> nextState,
    Optional<InspectionData> inspectionData) {

  /** TestState's execution status of the state. */
  public enum Status {
    SUCCEEDED,
    FAILED,
    RETRIABLE,
    CAUGHT_ERROR
  }
}
