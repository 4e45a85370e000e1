package com.leadhandoff.local.asl.model;

import java.util.List;
import java.util.Optional;

/**
 * One element of a {@code Catch} array. The error output {@code {"Error","Cause"}} is placed into
 * the state's raw input at {@code resultPath} (default {@code $}; empty means {@code null}).
 */
public record Catcher(List<String> errorEquals, Optional<String> resultPath, String next) {
  public Catcher {
    errorEquals = List.copyOf(errorEquals);
  }
}
