package com.leadhandoff.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config file that cannot be used, with every problem found in it, in line order. */
public abstract class InvalidConfigException extends RuntimeException {
  private final List<ConfigProblem> problems;

  /**
   * @param subject how the message opens, e.g. {@code Scoring model x.yaml is}
   * @param problems every problem found
   */
  protected InvalidConfigException(String subject, List<ConfigProblem> problems) {
    super(
        subject
            + " invalid ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
