package com.leadhandoff.workflow;

import com.leadhandoff.json.Json;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The workflow as an AWS Step Functions state machine. */
public final class StepFunctionsWorkflow implements Workflow {
  private final SfnClient sfn;
  private final String stateMachineArn;

  public StepFunctionsWorkflow(SfnClient sfn, String stateMachineArn) {
    this.sfn = sfn;
    this.stateMachineArn = stateMachineArn;
  }

  @Override
  public void start(String leadId) {
    String input = Json.MAPPER.createObjectNode().put("leadId", leadId).toString();
    try {
      sfn.startExecution(
          r -> r.stateMachineArn(stateMachineArn).name(executionName(leadId)).input(input));
    } catch (ExecutionAlreadyExistsException e) {
      // Started before (a retried request): the one execution per lead is already running or done.
    }
  }

  @Override
  public Callback succeed(String taskToken, String outputJson) {
    return deliver(() -> sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson)));
  }

  @Override
  public Callback fail(String taskToken, String error, String cause) {
    return deliver(
        () -> sfn.sendTaskFailure(r -> r.taskToken(taskToken).error(error).cause(cause)));
  }

  /** The execution name for a lead: the lead id, which is already unique and name-safe. */
  public static String executionName(String leadId) {
    return leadId;
  }

  private static Callback deliver(Runnable call) {
    try {
      call.run();
      return Callback.DELIVERED;
    } catch (TaskTimedOutException e) {
      return Callback.TIMED_OUT;
    } catch (TaskDoesNotExistException | InvalidTokenException e) {
      return Callback.GONE;
    }
  }
}
