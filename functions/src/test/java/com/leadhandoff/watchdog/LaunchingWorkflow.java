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
  private final List<String> stopped = new ArrayList<>();

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

  /** Plays StopExecution: a running execution ends, as if aborted. */
  @Override
  public synchronized void stop(String leadId, String error, String cause) {
    if (started.contains(leadId) && !closed.contains(leadId)) {
      stopped.add(leadId);
      closed.add(leadId);
    }
  }

  /** Leads whose running execution was stopped, in order. */
  synchronized List<String> stopped() {
    return List.copyOf(stopped);
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
