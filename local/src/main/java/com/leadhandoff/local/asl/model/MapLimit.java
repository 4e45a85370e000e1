package com.leadhandoff.local.asl.model;

import java.util.Optional;

/**
 * A Map state number given as a literal ({@code MaxConcurrency}), as a Reference Path into the
 * state's effective input or a variable ({@code MaxConcurrencyPath}, JSONPath), or as a {@code {%
 * %}} expression (JSONata); all empty when the field is absent.
 */
public record MapLimit(Optional<Double> value, Optional<String> path, Optional<String> expression) {
  /** The field is not set. */
  public static final MapLimit NONE =
      new MapLimit(Optional.empty(), Optional.empty(), Optional.empty());

  /** A literal or a path, as a JSONPath state writes it. */
  public MapLimit(Optional<Double> value, Optional<String> path) {
    this(value, path, Optional.empty());
  }

  /** Whether the definition sets the field in any form. */
  public boolean isSet() {
    return value.isPresent() || path.isPresent() || expression.isPresent();
  }
}
