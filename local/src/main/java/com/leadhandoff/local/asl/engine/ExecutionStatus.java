package com.leadhandoff.local.asl.engine;

/** The status of an execution, named as the Step Functions API names it. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED
}
