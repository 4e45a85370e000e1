package com.leadhandoff.local.run;

import java.util.List;
import java.util.Optional;

/**
 * How an ad-hoc run ended.
 *
 * @param status the execution status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED; RUNNING if it waits on
 *     something only a callback could bring)
 * @param statesEntered the name of each state entered, in order (a state entered twice is listed
 *     twice)
 */
public record RunReport(
    String status,
    List<String> statesEntered,
    Optional<String> output,
    Optional<String> error,
    Optional<String> cause) {

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return "SUCCEEDED".equals(status);
  }
}
