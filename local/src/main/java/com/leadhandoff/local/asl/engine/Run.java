package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Variables;
import com.leadhandoff.local.asl.model.Program;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One thread of control of an execution: the top level, one branch of a Parallel state or one
 * iteration of a Map state. Only the execution's interpreter touches it, one signal at a time.
 */
final class Run {
  final long id;
  final Program program;
  final Optional<Run> parent;
  final int branchIndex;
  String stateName;
  JsonNode stateInput;
  Instant enteredTime;
  int[] retries = new int[0];
  int retryCount;
  Waiting waiting;
  long lastEventId;
  boolean alive = true;

  /** The attempt of the current Task state whose result is not recorded yet; null otherwise. */
  TaskAttempt attempt;

  /** How the current callback task was answered, between taking the answer and recording it. */
  TaskResult answer;

  /**
   * The workflow variables this run reads and assigns. A Parallel branch and a Map iteration start
   * with their parent's {@code variables.child()}, so that they read the outer scope and cannot
   * assign it.
   */
  Variables variables = Variables.root();

  /** What the current state assigns when it exits; null when nothing. Checked when computed. */
  Map<String, JsonNode> pendingAssign;

  /**
   * Whether the current state was entered and its work is queued but has not started: a snapshot
   * taken now may run that work again after a restart.
   */
  boolean startQueued;

  /** The id of the current state's StateEntered event, which JSONata error causes name. */
  long enteredEventId;

  Run(long id, Program program, Optional<Run> parent, int branchIndex, long lastEventId) {
    this.id = id;
    this.program = program;
    this.parent = parent;
    this.branchIndex = branchIndex;
    this.lastEventId = lastEventId;
  }
}
