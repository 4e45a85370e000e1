package com.leadhandoff.routing;

import java.util.List;

/**
 * A directory file that cannot be used. The message names the file and lists every problem found,
 * each with its line, the entry and how to fix it, so one edit-and-deploy round fixes them all.
 */
public final class DirectoryConfigException extends RuntimeException {
  private final String file;
  private final List<String> problems;

  public DirectoryConfigException(String file, List<String> problems) {
    super(message(file, problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** The file, as it was named when loaded. */
  public String file() {
    return file;
  }

  /** One line per problem: where, what, and the fix. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String file, List<String> problems) {
    StringBuilder text =
        new StringBuilder(file)
            .append(problems.size() == 1 ? " has a problem:" : " has " + problems.size())
            .append(problems.size() == 1 ? "" : " problems:");
    problems.forEach(p -> text.append("\n  - ").append(p));
    return text.toString();
  }
}
