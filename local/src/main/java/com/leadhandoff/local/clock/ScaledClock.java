package com.leadhandoff.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * Runtime time that runs {@code scale} times faster than real time, starting at the real time of
 * construction: with scale 60 an SLA of 15 minutes passes in 15 real seconds. Scale 1 is real time.
 */
public final class ScaledClock implements RuntimeClock, AutoCloseable {
  private final Instant origin;
  private final long originNanos;
  private final double scale;
  private final LongSupplier nanoTime;
  private final ClockThread thread = new ClockThread();
  private final Clock view;

  /** A clock starting at the current real time and running {@code scale} times faster than it. */
  public ScaledClock(double scale) {
    this(Clock.systemUTC().instant(), scale, System::nanoTime);
  }

  /**
   * A clock starting at {@code origin} and running {@code scale} times faster than real time; a
   * demo can start on a working morning whatever the hour, since SLA deadlines follow office hours.
   */
  public ScaledClock(Instant origin, double scale) {
    this(origin, scale, System::nanoTime);
  }

  ScaledClock(Instant origin, double scale, LongSupplier nanoTime) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("time scale must be a positive number, got " + scale);
    }
    this.origin = origin;
    this.scale = scale;
    this.nanoTime = nanoTime;
    this.originNanos = nanoTime.getAsLong();
    this.view = new View(ZoneOffset.UTC);
  }

  /** How many seconds of runtime time pass per real second. */
  public double scale() {
    return scale;
  }

  @Override
  public Clock clock() {
    return view;
  }

  @Override
  public Instant now() {
    long realElapsed = nanoTime.getAsLong() - originNanos;
    return origin.plusNanos((long) (realElapsed * scale));
  }

  /** Real time that passes while {@code runtime} passes on this clock (rounded up). */
  Duration realDelay(Duration runtime) {
    if (runtime.isNegative()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(runtime.toNanos() / scale));
  }

  @Override
  public Timer schedule(Instant when, Runnable task) {
    return thread.schedule(when, realDelay(Duration.between(now(), when)), task);
  }

  @Override
  public void close() {
    thread.close();
  }

  private final class View extends Clock {
    private final ZoneId zone;

    View(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new View(other);
    }

    @Override
    public Instant instant() {
      return now();
    }
  }
}
