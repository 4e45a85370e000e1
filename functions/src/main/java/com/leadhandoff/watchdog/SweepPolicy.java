package com.leadhandoff.watchdog;

import java.time.Duration;

/**
 * How long the sweep lets a lead be before it repairs it.
 *
 * @param settle how old a lead must be before the sweep looks at it: intake stores a lead and
 *     starts its workflow a moment later, and a sweep in between would only start it first
 * @param grace how long past a bound a lead may be before it is parked: RECEIVED this long with its
 *     workflow running (scoring takes seconds), an offer still open this long past its deadline
 *     (the wait's own timeout should have closed it), ROUTING this long with no offer open
 */
public record SweepPolicy(Duration settle, Duration grace) {
  /** A minute to settle; {@code graceMinutes} of grace. */
  public static SweepPolicy ofGraceMinutes(int graceMinutes) {
    if (graceMinutes < 1) {
      throw new IllegalStateException("Setting WATCHDOG_GRACE_MINUTES must be 1 or more");
    }
    return new SweepPolicy(Duration.ofMinutes(1), Duration.ofMinutes(graceMinutes));
  }
}
