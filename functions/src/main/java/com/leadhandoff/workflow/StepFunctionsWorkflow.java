package com.leadhandoff.workflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.leadhandoff.json.JsonTrees;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The workflow as an AWS Step Functions state machine. */
public final class StepFunctionsWorkflow implements Workflow {
  /** Attempts at a start, on top of the SDK's own retries of throttling and 5xx answers. */
  static final int START_ATTEMPTS = 3;

  /**
   * A start answered with an execution that began this long before the call is the running one, not
   * a new one (Lambda's and Step Functions' clocks agree far better than that).
   */
  private static final Duration SAME_CALL = Duration.ofSeconds(2);

  private final Supplier<SfnClient> sfn;
  private final String stateMachineArn;
  private final Duration pause;
  private final Clock clock;

  public StepFunctionsWorkflow(SfnClient sfn, String stateMachineArn) {
    this(new Built(sfn), stateMachineArn);
  }

  /**
   * @param sfn the client, asked for at each call (e.g. one built on first use)
   */
  public StepFunctionsWorkflow(Supplier<SfnClient> sfn, String stateMachineArn) {
    this(sfn, stateMachineArn, Duration.ofMillis(200), Clock.systemUTC());
  }

  /**
   * @param pause the wait before the second attempt at a start, doubled before the third
   * @param clock tells a new execution from the running one a start was answered with
   */
  public StepFunctionsWorkflow(SfnClient sfn, String stateMachineArn, Duration pause, Clock clock) {
    this(new Built(sfn), stateMachineArn, pause, clock);
  }

  private StepFunctionsWorkflow(
      Supplier<SfnClient> sfn, String stateMachineArn, Duration pause, Clock clock) {
    this.sfn = sfn;
    this.stateMachineArn = stateMachineArn;
    this.pause = pause;
    this.clock = clock;
  }

  @Override
  public void start(String leadId) {
    launch(leadId);
  }

  @Override
  public Launch launch(String leadId) {
    String input = JsonTrees.write(JsonNodeFactory.instance.objectNode().put("leadId", leadId));
    SdkException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      Instant asked = clock.instant();
      try {
        StartExecutionResponse started =
            sfn.get()
                .startExecution(
                    r ->
                        r.stateMachineArn(stateMachineArn)
                            .name(executionName(leadId))
                            .input(input));
        return started.startDate() != null && started.startDate().isBefore(asked.minus(SAME_CALL))
            ? Launch.ALREADY_RUNNING
            : Launch.STARTED;
      } catch (ExecutionAlreadyExistsException e) {
        // The one execution per lead ran before and is closed (or, never here, had another input).
        return Launch.ALREADY_CLOSED;
      } catch (SdkException e) {
        last = e;
        if (attempt < START_ATTEMPTS) {
          backOff(attempt);
        }
      }
    }
    throw new WorkflowUnavailableException(
        "Step Functions did not start execution "
            + executionName(leadId)
            + " after "
            + START_ATTEMPTS
            + " attempts: "
            + last.getMessage(),
        last);
  }

  private void backOff(int attempt) {
    long millis = pause.toMillis() << (attempt - 1);
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * StopExecution of the lead's execution. Step Functions limits error to 256 and cause to 32,768
   * characters (API Reference, StopExecution); both are cut to fit. Stopping a closed execution
   * changes nothing; one that never existed is refused with ExecutionDoesNotExist, ignored here.
   */
  @Override
  public void stop(String leadId, String error, String cause) {
    String executionArn =
        stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName(leadId);
    try {
      sfn.get()
          .stopExecution(
              r -> r.executionArn(executionArn).error(cut(error, 256)).cause(cut(cause, 32_768)));
    } catch (ExecutionDoesNotExistException e) {
      // nothing runs for this lead
    } catch (SdkException e) {
      throw new WorkflowUnavailableException(
          "Step Functions did not stop execution " + executionName(leadId) + ": " + e.getMessage(),
          e);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  @Override
  public Callback succeed(String taskToken, String outputJson) {
    return deliver(() -> sfn.get().sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson)));
  }

  @Override
  public Callback fail(String taskToken, String error, String cause) {
    return deliver(
        () -> sfn.get().sendTaskFailure(r -> r.taskToken(taskToken).error(error).cause(cause)));
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

  /** A client built already (a class rather than a lambda: nothing to spin at a cold start). */
  private static final class Built implements Supplier<SfnClient> {
    private final SfnClient client;

    Built(SfnClient client) {
      this.client = client;
    }

    @Override
    public SfnClient get() {
      return client;
    }
  }
}
