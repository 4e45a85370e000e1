package com.leadhandoff.local.asl.eval;

import java.util.List;
import java.util.Set;

/** The predefined error names of the States language and how ErrorEquals matches them. */
public final class ErrorNames {
  public static final String ALL = "States.ALL";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String RUNTIME = "States.Runtime";
  public static final String PERMISSIONS = "States.Permissions";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

  /** Every predefined name a Retry or Catch may list. */
  public static final Set<String> KNOWN =
      Set.of(
          ALL,
          TIMEOUT,
          HEARTBEAT_TIMEOUT,
          TASK_FAILED,
          RUNTIME,
          PERMISSIONS,
          PARAMETER_PATH_FAILURE,
          RESULT_PATH_MATCH_FAILURE,
          NO_CHOICE_MATCHED,
          BRANCH_FAILED,
          INTRINSIC_FAILURE,
          "States.DataLimitExceeded",
          "States.ExceedToleratedFailureThreshold",
          "States.ItemReaderFailed",
          "States.ResultWriterFailed",
          "States.QueryEvaluationError");

  private ErrorNames() {}

  /**
   * Whether {@code errorEquals} matches {@code error}. Matches the spec: States.ALL matches any
   * error except States.Runtime (which is never retried or caught); States.TaskFailed matches any
   * error except the timeouts; States.Timeout also matches a heartbeat timeout, which the developer
   * guide describes as a kind of task timeout; States.BranchFailed matches any error that came out
   * of a Parallel branch.
   */
  public static boolean matches(List<String> errorEquals, String error, boolean fromBranch) {
    if (RUNTIME.equals(error)) {
      return false;
    }
    for (String name : errorEquals) {
      if (name.equals(error)
          || name.equals(ALL)
          || (name.equals(TASK_FAILED) && !isTimeout(error))
          || (name.equals(TIMEOUT) && HEARTBEAT_TIMEOUT.equals(error))
          || (name.equals(BRANCH_FAILED) && fromBranch)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTimeout(String error) {
    return TIMEOUT.equals(error) || HEARTBEAT_TIMEOUT.equals(error);
  }
}
