package com.leadhandoff.local.sfn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Step Functions endpoint and the UI need from the local engine. Each method fails with a
 * {@link StepFunctionsError} carrying the code AWS would send.
 */
public interface StepFunctionsBackend {

  /**
   * Starts an execution.
   *
   * @param name the execution name, unique per state machine (the endpoint makes one up if the
   *     caller gave none)
   * @param input the input JSON document
   * @return the new execution's ARN and start date
   */
  Started startExecution(String stateMachineArn, String name, String input);

  /** An execution; ExecutionDoesNotExist if there is none with this ARN. */
  Execution describeExecution(String executionArn);

  /** Every event of an execution, oldest first; ExecutionDoesNotExist if there is none. */
  List<ExecutionEvent> getExecutionHistory(String executionArn);

  /** The executions of a state machine, any order; StateMachineDoesNotExist if there is none. */
  List<Execution> listExecutions(String stateMachineArn);

  /** The ARNs of every state machine, for the UI. */
  List<String> stateMachineArns();

  /**
   * Stops a running execution (a no-op for one already stopped).
   *
   * @return when it stopped
   */
  Instant stopExecution(String executionArn, Optional<String> error, Optional<String> cause);

  /** Completes the task waiting on {@code taskToken} with {@code output}, a JSON document. */
  void sendTaskSuccess(String taskToken, String output);

  /** Fails the task waiting on {@code taskToken} with an error its Catch can match. */
  void sendTaskFailure(String taskToken, Optional<String> error, Optional<String> cause);

  /** Tells the task waiting on {@code taskToken} that its worker is still alive. */
  void sendTaskHeartbeat(String taskToken);

  /** What StartExecution answers. */
  record Started(String executionArn, Instant startDate) {}
}
