package com.leadhandoff.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Real wall-clock time with real timers; what {@code --time-scale 1} (the default) runs on. */
public final class RealClock implements RuntimeClock, AutoCloseable {
  private final Clock system = Clock.systemUTC();
  private final ClockThread thread = new ClockThread();

  @Override
  public Clock clock() {
    return system;
  }

  @Override
  public Timer schedule(Instant when, Runnable task) {
    return thread.schedule(when, Duration.between(now(), when), task);
  }

  @Override
  public void close() {
    thread.close();
  }
}
