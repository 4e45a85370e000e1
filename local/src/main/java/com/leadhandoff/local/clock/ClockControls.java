package com.leadhandoff.local.clock;

import java.time.Instant;
import java.util.Optional;

/**
 * What a person running a demo can do to runtime time: stop it while they read an offer email,
 * carry on from where it stopped, or jump to the next thing that is waiting for time to pass.
 */
public interface ClockControls {

  /** Whether runtime time stands still. */
  boolean paused();

  /**
   * Stops runtime time; timers not yet due wait until {@link #resume}. Pausing twice is a no-op.
   */
  void pause();

  /** Lets runtime time run again from the instant it was paused at. */
  void resume();

  /**
   * When the earliest pending timer is due, if any timer is pending: a workflow timer (an offer's
   * reminder or deadline, a Wait state, a retry) before any {@link RuntimeClock#scheduleBackground
   * background} one.
   */
  Optional<Instant> nextTimer();

  /**
   * Moves runtime time forward to the earliest pending timer's due time, so that timer fires now (a
   * paused clock stays paused at that instant).
   *
   * @return the instant time moved to; empty when no timer is pending (time is left alone)
   */
  Optional<Instant> skipToNextTimer();

  /** How many seconds of runtime time pass per real second while the clock runs. */
  double scale();
}
