package com.leadhandoff.local.asl.model;

import java.util.Optional;

/**
 * A Map state number given either as a literal ({@code MaxConcurrency}) or as a Reference Path into
 * the state's effective input ({@code MaxConcurrencyPath}); both empty when the field is absent.
 */
public record MapLimit(Optional<Double> value, Optional<String> path) {
  /** The field is not set. */
  public static final MapLimit NONE = new MapLimit(Optional.empty(), Optional.empty());

  /** Whether the definition sets the field in either form. */
  public boolean isSet() {
    return value.isPresent() || path.isPresent();
  }
}
