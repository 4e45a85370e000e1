package com.leadhandoff.task;

import com.leadhandoff.json.ValueTrees;
import com.leadhandoff.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a step invoked with {@code .waitForTaskToken} answers its own token: with its result, which
 * lands at the state's {@code ResultPath}, or with one of the {@link
 * com.leadhandoff.workflow.Turns} the state's Catch sends elsewhere. The step's Lambda invocation
 * succeeds either way.
 *
 * <p>A token already answered (a retried invocation whose first answer went through) or timed out
 * is left alone: Step Functions then has what it needs, or has moved on without it.
 */
public final class OwnAnswer {
  private static final Logger LOG = LoggerFactory.getLogger(OwnAnswer.class);

  private final Workflow workflow;

  public OwnAnswer(Workflow workflow) {
    this.workflow = workflow;
  }

  /** Resumes the task with {@code result} as its output. */
  public String succeed(String taskToken, Object result) {
    report(workflow.succeed(taskToken, ValueTrees.write(result)), "result");
    return "SUCCEEDED";
  }

  /** Fails the task with {@code error}, which the state's Catch names. */
  public String turn(String taskToken, String error, String cause) {
    report(workflow.fail(taskToken, error, cause), error);
    return error;
  }

  private static void report(Workflow.Callback callback, String what) {
    if (callback != Workflow.Callback.DELIVERED) {
      LOG.warn("The task's own answer ({}) was not taken: {}", what, callback);
    }
  }
}
