package com.leadhandoff.local.asl.model;

import java.util.Optional;

/** Where a state goes when it succeeds: the {@code Next} state, or the end ({@code End: true}). */
public record Transition(Optional<String> next) {
  /** {@code End: true}. */
  public static final Transition END = new Transition(Optional.empty());

  /** {@code Next: name}. */
  public static Transition to(String name) {
    return new Transition(Optional.of(name));
  }

  /** Whether this is {@code End: true}. */
  public boolean isEnd() {
    return next.isEmpty();
  }
}
