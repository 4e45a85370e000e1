package com.leadhandoff.local.asl.parse;

import java.util.List;

/** A definition the interpreter refuses; {@link #problems()} lists every problem found. */
public final class InvalidDefinitionException extends RuntimeException {
  private final List<String> problems;

  public InvalidDefinitionException(List<String> problems) {
    super(
        "Invalid State Machine Definition: "
            + problems.size()
            + " problem(s):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming the state (or top-level field) and the construct. */
  public List<String> problems() {
    return problems;
  }
}
