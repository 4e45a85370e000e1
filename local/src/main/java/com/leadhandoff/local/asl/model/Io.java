package com.leadhandoff.local.asl.model;

import java.util.Optional;

/**
 * InputPath and OutputPath of a state. An empty optional is an explicit JSON {@code null} (the
 * spec's "discard": the effective input or output becomes {@code {}}); absent fields default to
 * {@code $}.
 */
public record Io(Optional<String> inputPath, Optional<String> outputPath) {
  /** Both paths at their default, {@code $}. */
  public static final Io DEFAULT = new Io(Optional.of("$"), Optional.of("$"));
}
