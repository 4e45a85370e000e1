package com.leadhandoff.local.sfn;

import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.StartedExecution;
import com.leadhandoff.local.asl.engine.StateMachineInfo;
import com.leadhandoff.local.asl.engine.StateMachineType;
import com.leadhandoff.local.asl.teststate.InspectionLevel;
import com.leadhandoff.local.asl.teststate.TestStateResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Step Functions endpoint and the UI need from the local engine: the execution and
 * callback operations, nothing about how executions run. Each method fails with the engine's {@link
 * com.leadhandoff.local.asl.engine.StepFunctionsException} carrying the code AWS would send.
 */
public interface StepFunctionsBackend {

  /** The backend that is the local engine itself. */
  static StepFunctionsBackend of(ExecutionEngine engine) {
    return new EngineBackend(engine, List.of());
  }

  /** The local engine, and the template's state machines it could not create. */
  static StepFunctionsBackend of(ExecutionEngine engine, List<RefusedStateMachine> refused) {
    return new EngineBackend(engine, refused);
  }

  /**
   * StartExecution.
   *
   * @param name the execution name, unique per state machine; empty for a generated one
   * @param input the input JSON document
   */
  StartedExecution startExecution(String stateMachineArn, Optional<String> name, String input);

  /** DescribeExecution. */
  ExecutionDescription describeExecution(String executionArn);

  /** Every event of an execution, oldest first. */
  List<HistoryEvent> getExecutionHistory(String executionArn);

  /** The executions of a state machine, newest first, only those in {@code status} if given. */
  List<ExecutionDescription> listExecutions(
      String stateMachineArn, Optional<ExecutionStatus> status);

  /** Every state machine, oldest first (ListStateMachines, and the UI). */
  List<StateMachineInfo> listStateMachines();

  /** The template's state machines that could not be created, each with why. */
  List<RefusedStateMachine> refusedStateMachines();

  /**
   * CreateStateMachine.
   *
   * @param roleArn the execution role; empty for the local runtime's
   * @return the new (or identical existing) state machine's ARN
   */
  String createStateMachine(
      String name, String definition, StateMachineType type, Optional<String> roleArn);

  /** UpdateStateMachine: a new definition, role, or both; returns when it was updated. */
  Instant updateStateMachine(
      String stateMachineArn, Optional<String> definition, Optional<String> roleArn);

  /** DeleteStateMachine: DELETING until its running executions end. */
  void deleteStateMachine(String stateMachineArn);

  /** DescribeStateMachine. */
  StateMachineInfo describeStateMachine(String stateMachineArn);

  /** StartSyncExecution of an EXPRESS machine: runs it to its end and describes it. */
  ExecutionDescription startSyncExecution(
      String stateMachineArn, Optional<String> name, String input);

  /** TestState: runs one state's definition on {@code input}. */
  TestStateResult testState(String definition, String input, InspectionLevel level);

  /** Stops a running execution (a closed one is left as it is); returns when it stopped. */
  Instant stopExecution(String executionArn, Optional<String> error, Optional<String> cause);

  /** Completes the task waiting on {@code taskToken} with {@code output}, a JSON document. */
  void sendTaskSuccess(String taskToken, String output);

  /** Fails the task waiting on {@code taskToken} with an error its Catch can match. */
  void sendTaskFailure(String taskToken, Optional<String> error, Optional<String> cause);

  /** Tells the task waiting on {@code taskToken} that its worker is still alive. */
  void sendTaskHeartbeat(String taskToken);
}
