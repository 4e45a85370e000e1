package com.leadhandoff.testing;

import com.leadhandoff.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * A workflow that records starts and callbacks; {@link #answerWith} sets what the next callbacks
 * report, to play a task that already timed out or ended. Like Step Functions, whose execution is
 * named after the lead, it runs one execution per lead however often it is asked to start it.
 */
public final class RecordingWorkflow implements Workflow {
  /** One callback as sent. */
  public record Sent(
      String taskToken, boolean success, String output, String error, String cause) {}

  private final List<String> started = new ArrayList<>();
  private int starts;
  private final List<Sent> callbacks = new ArrayList<>();
  private Callback answer = Callback.DELIVERED;

  @Override
  public synchronized void start(String leadId) {
    starts++;
    if (!started.contains(leadId)) {
      started.add(leadId);
    }
  }

  @Override
  public synchronized Callback succeed(String taskToken, String outputJson) {
    callbacks.add(new Sent(taskToken, true, outputJson, null, null));
    return answer;
  }

  @Override
  public synchronized Callback fail(String taskToken, String error, String cause) {
    callbacks.add(new Sent(taskToken, false, null, error, cause));
    return answer;
  }

  /** What every later callback reports. */
  public synchronized void answerWith(Callback callback) {
    this.answer = callback;
  }

  /** Lead ids whose workflow was started, in order: each once, as its one execution. */
  public synchronized List<String> started() {
    return List.copyOf(started);
  }

  /** Starts asked for, those of a lead already started included. */
  public synchronized int starts() {
    return starts;
  }

  /** Callbacks sent, in order. */
  public synchronized List<Sent> callbacks() {
    return List.copyOf(callbacks);
  }
}
