package com.leadhandoff.local.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one source of time for the whole local runtime: a {@link Clock} view for code that reads the
 * time, and timers for code that waits. Implementations are real, scaled ({@code --time-scale N})
 * or virtual (tests advance it explicitly); none of them makes a caller sleep.
 */
public interface RuntimeClock {

  /** A {@code java.time.Clock} that reads this runtime's time; hand it to domain code. */
  Clock clock();

  /** The current runtime time. */
  default Instant now() {
    return clock().instant();
  }

  /**
   * Runs {@code task} once, when runtime time reaches {@code when} (as soon as possible if it
   * already has). The task runs on a clock thread (real/scaled) or on the thread advancing a
   * virtual clock, so it must be short: hand real work to an executor.
   */
  Timer schedule(Instant when, Runnable task);

  /**
   * Like {@link #schedule}, for a recurring chore (the watchdog's sweep, a digest) that a person
   * skipping through a demo does not mean to stop at: {@link ClockControls#skipToNextTimer} passes
   * over it to the next workflow timer, and it fires as time passes it.
   */
  default Timer scheduleBackground(Instant when, Runnable task) {
    return schedule(when, task);
  }

  /**
   * Registers a hook a virtual clock runs after each timer it fires, before time moves on (the
   * engine registers "wait until idle" so every timer's consequences happen at its due time). Real
   * and scaled clocks ignore it.
   */
  default void addSettleHook(Runnable hook) {}

  /** Pause, resume and skip, for a clock a person can steer in a demo; empty for the others. */
  default Optional<ClockControls> controls() {
    return Optional.empty();
  }

  /** A scheduled timer. */
  interface Timer {
    /** When the timer is due, in runtime time. */
    Instant due();

    /** Cancels the timer; returns false if it already fired or was cancelled. */
    boolean cancel();
  }
}
