package com.leadhandoff.local.sfn;

import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.StartedExecution;
import com.leadhandoff.local.asl.engine.StateMachineInfo;
import com.leadhandoff.local.asl.engine.StateMachineType;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.asl.teststate.InspectionLevel;
import com.leadhandoff.local.asl.teststate.StateTester;
import com.leadhandoff.local.asl.teststate.TestStateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link StepFunctionsBackend} answered by the local {@link ExecutionEngine}. A call naming a
 * template state machine that was refused says why it does not exist.
 */
final class EngineBackend implements StepFunctionsBackend {
  /** The longest an Express execution runs (Step Functions quotas). */
  private static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);

  private final ExecutionEngine engine;
  private final List<RefusedStateMachine> refused;
  private final StateTester tester;

  EngineBackend(ExecutionEngine engine, List<RefusedStateMachine> refused) {
    this.engine = engine;
    this.refused = List.copyOf(refused);
    this.tester = new StateTester(engine.lambdaInvoker(), engine::now);
  }

  @Override
  public StartedExecution startExecution(
      String stateMachineArn, Optional<String> name, String input) {
    return explained(stateMachineArn, () -> engine.startExecution(stateMachineArn, name, input));
  }

  @Override
  public ExecutionDescription startSyncExecution(
      String stateMachineArn, Optional<String> name, String input) {
    return explained(
        stateMachineArn,
        () -> engine.startSyncExecution(stateMachineArn, name, input, EXPRESS_LIMIT));
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
    return explained(stateMachineArn, () -> engine.listExecutions(stateMachineArn, status));
  }

  @Override
  public List<StateMachineInfo> listStateMachines() {
    return engine.listStateMachines();
  }

  @Override
  public List<RefusedStateMachine> refusedStateMachines() {
    return refused;
  }

  @Override
  public String createStateMachine(
      String name, String definition, StateMachineType type, Optional<String> roleArn) {
    return engine.createApiStateMachine(name, definition, type, roleArn);
  }

  @Override
  public Instant updateStateMachine(
      String stateMachineArn, Optional<String> definition, Optional<String> roleArn) {
    return explained(
        stateMachineArn,
        () -> {
          engine.updateStateMachine(stateMachineArn, definition, roleArn);
          return engine.now();
        });
  }

  @Override
  public void deleteStateMachine(String stateMachineArn) {
    explained(
        stateMachineArn,
        () -> {
          engine.deleteStateMachine(stateMachineArn);
          return null;
        });
  }

  @Override
  public StateMachineInfo describeStateMachine(String stateMachineArn) {
    return explained(stateMachineArn, () -> engine.describeStateMachine(stateMachineArn));
  }

  @Override
  public TestStateResult testState(String definition, String input, InspectionLevel level) {
    return tester.test(definition, input, level);
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

  private <T> T explained(String stateMachineArn, Supplier<T> call) {
    try {
      return call.get();
    } catch (StepFunctionsException.StateMachineDoesNotExist e) {
      for (RefusedStateMachine machine : refused) {
        if (machine.stateMachineArn().equals(stateMachineArn)) {
          throw new StepFunctionsException.StateMachineDoesNotExist(
              e.getMessage()
                  + ": template.yaml's "
                  + machine.logicalId()
                  + " was not created by the local runtime. "
                  + machine.problem());
        }
      }
      throw e;
    }
  }
}
