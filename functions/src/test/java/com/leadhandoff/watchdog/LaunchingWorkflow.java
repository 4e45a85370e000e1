package com.leadhandoff.watchdog;

import com.leadhandoff.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A workflow with Step Functions' start semantics: a lead's execution starts once, a repeat finds
 * it running, and an execution marked closed refuses a start.
 */
final class LaunchingWorkflow implements Workflow {
  private final List<String> started = new ArrayList<>();
  private final Set<String> closed = new HashSet<>();

  @Override
  public synchronized void start(String leadId) {
    launch(leadId);
  }

  @Override
  public synchronized Launch launch(String leadId) {
    if (closed.contains(leadId)) {
      return Launch.ALREADY_CLOSED;
    }
    if (started.contains(leadId)) {
      return Launch.ALREADY_RUNNING;
    }
    started.add(leadId);
    return Launch.STARTED;
  }

  /** Plays a lead whose execution ran and ended. */
  synchronized void closed(String leadId) {
    closed.add(leadId);
  }

  /** Plays a lead whose execution runs. */
  synchronized void running(String leadId) {
    started.add(leadId);
  }

  /** Leads whose execution was started, in order, each once. */
  synchronized List<String> started() {
    return List.copyOf(started);
  }

  @Override
  public Callback succeed(String taskToken, String outputJson) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Callback fail(String taskToken, String error, String cause) {
    throw new UnsupportedOperationException();
  }
}
