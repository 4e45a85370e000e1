package com.leadhandoff.routing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A routing rules file that cannot be used, with every problem found in it. */
public final class InvalidRoutingRulesException extends RuntimeException {
  private final List<Problem> problems;

  InvalidRoutingRulesException(String file, List<Problem> problems) {
    super(message(file, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String file, List<Problem> problems) {
    return "Routing rules "
        + file
        + " are invalid ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }

  /**
   * One thing wrong with a rules file.
   *
   * @param file the file as it was named to the loader
   * @param line the 1-based line the problem is on, when known
   * @param rule the rule concerned: {@code 'id'}, or {@code #n} (its position) without a usable id
   * @param reason what is wrong and how to fix it
   */
  public record Problem(String file, Optional<Integer> line, Optional<String> rule, String reason) {
    @Override
    public String toString() {
      return file
          + line.map(l -> " line " + l).orElse("")
          + rule.map(r -> ", rule " + r).orElse("")
          + ": "
          + reason;
    }
  }
}
