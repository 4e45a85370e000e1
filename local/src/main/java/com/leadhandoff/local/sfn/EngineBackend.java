package com.leadhandoff.local.sfn;

import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.StartedExecution;
import com.leadhandoff.local.asl.engine.StateMachineInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link StepFunctionsBackend} answered by the local {@link ExecutionEngine}. */
final class EngineBackend implements StepFunctionsBackend {
  private final ExecutionEngine engine;

  EngineBackend(ExecutionEngine engine) {
    this.engine = engine;
  }

  @Override
  public StartedExecution startExecution(
      String stateMachineArn, Optional<String> name, String input) {
    return engine.startExecution(stateMachineArn, name, input);
  }

  @Override
  public ExecutionDescription describeExecution(String executionArn) {
    return engine.describeExecution(executionArn);
  }

  @Override
  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return engine.getExecutionHistory(executionArn);
  }

  @Override
  public List<ExecutionDescription> listExecutions(
      String stateMachineArn, Optional<ExecutionStatus> status) {
    return engine.listExecutions(stateMachineArn, status);
  }

  @Override
  public List<StateMachineInfo> listStateMachines() {
    return engine.listStateMachines();
  }

  @Override
  public Instant stopExecution(
      String executionArn, Optional<String> error, Optional<String> cause) {
    return engine.stopExecution(executionArn, error, cause);
  }

  @Override
  public void sendTaskSuccess(String taskToken, String output) {
    engine.sendTaskSuccess(taskToken, output);
  }

  @Override
  public void sendTaskFailure(String taskToken, Optional<String> error, Optional<String> cause) {
    engine.sendTaskFailure(taskToken, error, cause);
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    engine.sendTaskHeartbeat(taskToken);
  }
}
