package com.leadhandoff.sla;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** An SLA policy file that cannot be used, with every problem found in it. */
public final class InvalidSlaPolicyException extends RuntimeException {
  private final List<Problem> problems;

  InvalidSlaPolicyException(String file, List<Problem> problems) {
    super(message(file, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String file, List<Problem> problems) {
    return "SLA policy "
        + file
        + " is invalid ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }

  /**
   * One thing wrong with a policy file.
   *
   * @param file the file as it was named to the loader
   * @param line the 1-based line the problem is on, when known
   * @param entry what the problem is in, e.g. {@code calendar 'enterprise'} or {@code tier 'warm'}
   * @param reason what is wrong and how to fix it
   */
  public record Problem(
      String file, Optional<Integer> line, Optional<String> entry, String reason) {
    @Override
    public String toString() {
      return file
          + line.map(l -> " line " + l).orElse("")
          + entry.map(e -> ", " + e).orElse("")
          + ": "
          + reason;
    }
  }
}
