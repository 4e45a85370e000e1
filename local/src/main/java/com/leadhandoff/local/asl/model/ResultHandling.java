package com.leadhandoff.local.asl.model;

import java.util.Optional;

/**
 * How a state's result becomes its output: ResultSelector (if any) shapes the raw result, then
 * ResultPath places it into the state's raw input; an empty ResultPath is {@code null} (keep the
 * input, discard the result).
 */
public record ResultHandling(Optional<Template> resultSelector, Optional<String> resultPath) {
  /** No ResultSelector, ResultPath {@code $}: the result replaces the input. */
  public static final ResultHandling DEFAULT =
      new ResultHandling(Optional.empty(), Optional.of("$"));
}
