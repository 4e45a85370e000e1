package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.engine.Snapshot.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task tokens in a saved tree of runs, and an answer kept for one of them. */
final class NestedTokens {
  private NestedTokens() {}

  /** Every task token a run of the tree holds, open or answered. */
  static List<String> in(Node node) {
    List<String> tokens = new ArrayList<>();
    collect(node, tokens);
    return tokens;
  }

  private static void collect(Node node, List<String> tokens) {
    if (node instanceof Node.Task task) {
      task.token().ifPresent(tokens::add);
    } else if (node instanceof Node.Suspended suspended
        && suspended.awaiting() instanceof Snapshot.Wait.ForCallback callback) {
      tokens.add(callback.token());
    } else if (node instanceof Node.Branches branches) {
      branches.running().values().forEach(child -> collect(child, tokens));
    } else if (node instanceof Node.Iterations iterations) {
      iterations.running().values().forEach(child -> collect(child, tokens));
    }
  }

  /**
   * The tree with {@code answer} given to the run waiting on {@code token} that has not taken an
   * answer yet, as a task answered in the middle of it; empty if no run waits on that token.
   */
  static Optional<Node> answered(Node node, String token, TaskResult answer) {
    if (node instanceof Node.Task task
        && task.answer().isEmpty()
        && task.token().equals(Optional.of(token))) {
      return Optional.of(
          new Node.Task(task.run(), task.token(), task.startedAt(), Optional.of(answer)));
    }
    if (node instanceof Node.Suspended suspended
        && suspended.awaiting() instanceof Snapshot.Wait.ForCallback callback
        && callback.token().equals(token)) {
      return Optional.of(
          new Node.Task(
              suspended.run(),
              Optional.of(token),
              suspended.run().enteredTime(),
              Optional.of(answer)));
    }
    if (node instanceof Node.Branches branches) {
      return answeredChild(branches.running(), token, answer)
          .map(
              running ->
                  new Node.Branches(branches.run(), branches.input(), branches.results(), running));
    }
    if (node instanceof Node.Iterations iterations) {
      return answeredChild(iterations.running(), token, answer)
          .map(
              running ->
                  new Node.Iterations(
                      iterations.run(),
                      iterations.inputs(),
                      iterations.results(),
                      running,
                      iterations.counts()));
    }
    return Optional.empty();
  }

  private static Optional<Map<Integer, Node>> answeredChild(
      Map<Integer, Node> running, String token, TaskResult answer) {
    for (Map.Entry<Integer, Node> child : running.entrySet()) {
      Optional<Node> answered = answered(child.getValue(), token, answer);
      if (answered.isPresent()) {
        Map<Integer, Node> updated = new LinkedHashMap<>(running);
        updated.put(child.getKey(), answered.get());
        return Optional.of(updated);
      }
    }
    return Optional.empty();
  }
}
