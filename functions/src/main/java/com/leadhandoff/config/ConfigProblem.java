package com.leadhandoff.config;

import java.util.Optional;

/**
 * One thing wrong with a config file.
 *
 * @param file the file as it was named to the loader
 * @param line the 1-based line the problem is on, when known
 * @param entry what the problem is in, e.g. {@code rule 'big'} or {@code calendar 'enterprise'}
 * @param reason what is wrong and how to fix it
 */
public record ConfigProblem(
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
