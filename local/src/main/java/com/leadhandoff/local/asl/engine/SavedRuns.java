package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.Snapshot.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the interpreter's live runs into what a snapshot keeps of them. */
final class SavedRuns {
  private SavedRuns() {}

  /**
   * A run and, when it is in a Parallel or Map state, the runs under it; empty when one of them is
   * between two steps that a restart could not take again (e.g. a branch whose nested Parallel just
   * ended, its output not yet computed), which only a snapshot taken as a sibling's task starts can
   * see.
   */
  static Optional<Node> tree(Run run) {
    try {
      return Optional.of(node(run));
    } catch (MidWork e) {
      return Optional.empty();
    }
  }

  /** Thrown up the tree by a run in the middle of its work. */
  private static final class MidWork extends RuntimeException {
    MidWork() {
      super(null, null, false, false);
    }
  }

  private static Node node(Run run) {
    if (run.stateName == null) {
      return new Node.Fresh();
    }
    Waiting waiting = run.waiting;
    if (waiting == null && run.attempt != null) {
      TaskAttempt attempt = run.attempt;
      return new Node.Task(
          runState(run),
          attempt.token().map(t -> t.value),
          attempt.startedAt(),
          Optional.ofNullable(run.answer));
    }
    if (waiting == null) {
      if (!run.startQueued) {
        throw new MidWork();
      }
      return new Node.Entered(runState(run));
    }
    if (waiting instanceof Waiting.Branches branches) {
      Map<Integer, JsonNode> results = new LinkedHashMap<>();
      Map<Integer, Node> running = new LinkedHashMap<>();
      for (int i = 0; i < branches.results.length; i++) {
        if (branches.results[i] != null) {
          results.put(i, branches.results[i]);
        }
      }
      for (Run child : branches.children) {
        if (child.alive && branches.results[child.branchIndex] == null) {
          running.put(child.branchIndex, node(child));
        }
      }
      return new Node.Branches(runState(run), branches.input, results, running);
    }
    if (waiting instanceof Waiting.Iterations iterations) {
      MapIterations map = iterations.map();
      Map<Integer, Node> running = new LinkedHashMap<>();
      map.runningByIndex().forEach((index, child) -> running.put(index, node(child)));
      return new Node.Iterations(
          runState(run), map.inputs(), map.endedResults(), running, map.counts());
    }
    return new Node.Suspended(runState(run), savedWait(waiting));
  }

  /** The saved run of {@code node}; empty for a branch or iteration not yet begun. */
  static Optional<Snapshot.RunState> runOf(Node node) {
    if (node instanceof Node.Entered entered) {
      return Optional.of(entered.run());
    } else if (node instanceof Node.Task task) {
      return Optional.of(task.run());
    } else if (node instanceof Node.Suspended suspended) {
      return Optional.of(suspended.run());
    } else if (node instanceof Node.Branches branches) {
      return Optional.of(branches.run());
    } else if (node instanceof Node.Iterations iterations) {
      return Optional.of(iterations.run());
    }
    return Optional.empty();
  }

  static Snapshot.RunState runState(Run run) {
    List<Integer> retries = new ArrayList<>();
    for (int count : run.retries) {
      retries.add(count);
    }
    return new Snapshot.RunState(
        run.stateName,
        run.stateInput,
        run.enteredTime,
        retries,
        run.retryCount,
        run.lastEventId,
        run.variables.saved());
  }

  static Snapshot.Wait savedWait(Waiting waiting) {
    if (waiting instanceof Waiting.Callback callback) {
      TaskToken token = callback.token();
      return new Snapshot.Wait.ForCallback(
          token.value,
          token.deadline(),
          token.heartbeat().map(Duration::getSeconds),
          token.lastBeat());
    }
    if (waiting instanceof Waiting.WaitTimer timer) {
      return new Snapshot.Wait.ForWaitState(timer.timer().due(), timer.output());
    }
    return new Snapshot.Wait.ForRetry(((Waiting.RetryTimer) waiting).timer().due());
  }
}
