package com.leadhandoff.local.asl.eval;

import com.leadhandoff.local.asl.model.Retrier;
import java.time.Duration;
import java.util.Random;

/** The delay before a retry, as the developer guide defines it for Retry fields. */
public final class Backoff {
  private Backoff() {}

  /**
   * The delay before retry number {@code retriesSoFar + 1}: IntervalSeconds × BackoffRate^retries,
   * capped at MaxDelaySeconds; with JitterStrategy FULL, a uniformly random delay between 0 and
   * that value, drawn from {@code random} so tests can fix it.
   */
  public static Duration delay(Retrier retrier, int retriesSoFar, Random random) {
    double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), retriesSoFar);
    if (retrier.maxDelaySeconds().isPresent()) {
      seconds = Math.min(seconds, retrier.maxDelaySeconds().get());
    }
    if (retrier.jitter() == Retrier.Jitter.FULL) {
      seconds = seconds * random.nextDouble();
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
