package com.leadhandoff.local.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The daemon thread that fires real and scaled timers after a real delay. */
final class ClockThread implements AutoCloseable {
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "runtime-clock");
            t.setDaemon(true);
            return t;
          });

  RuntimeClock.Timer schedule(Instant due, Duration realDelay, Runnable task) {
    long nanos = Math.max(0, realDelay.toNanos());
    ScheduledFuture<?> future = scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS);
    return new RuntimeClock.Timer() {
      @Override
      public Instant due() {
        return due;
      }

      @Override
      public boolean cancel() {
        return future.cancel(false);
      }
    };
  }

  /** Runs {@code task} once after {@code realDelay} of real time (at once if not positive). */
  ScheduledFuture<?> after(Duration realDelay, Runnable task) {
    return scheduler.schedule(task, Math.max(0, realDelay.toNanos()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
