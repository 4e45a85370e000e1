package com.leadhandoff.local.asl.model;

import java.util.List;
import java.util.Optional;

/** One element of a {@code Retry} array, with the spec defaults (1 s, 3 attempts, rate 2.0). */
public record Retrier(
    List<String> errorEquals,
    double intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Optional<Double> maxDelaySeconds,
    Jitter jitter) {
  public Retrier {
    errorEquals = List.copyOf(errorEquals);
  }

  /** {@code JitterStrategy}: FULL picks a random delay between 0 and the computed backoff. */
  public enum Jitter {
    NONE,
    FULL
  }
}
