package com.leadhandoff.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runtime time that runs {@code scale} times faster than real time, starting at the real time of
 * construction: with scale 60 an SLA of 15 minutes passes in 15 real seconds. Scale 1 is real time.
 *
 * <p>A clock made {@link #held} stands still at its origin until {@link #begin()}: the runtime
 * starts it once it serves, so the seconds it spends loading (hours, at a large scale) do not pass
 * deadlines before anything could act on them. Timers set meanwhile wait for it.
 */
public final class ScaledClock implements RuntimeClock, AutoCloseable {
  private final Instant origin;
  private volatile long originNanos;
  private volatile boolean held;
  private final List<Pending> pending = new ArrayList<>();
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

  /** A clock standing at {@code origin} until {@link #begin()}, then running like the above. */
  public static ScaledClock held(Instant origin, double scale) {
    ScaledClock clock = new ScaledClock(origin, scale);
    clock.held = true;
    return clock;
  }

  /** Sets a held clock running from its origin, and the timers set meanwhile; else nothing. */
  public void begin() {
    List<Pending> waiting;
    synchronized (this) {
      if (!held) {
        return;
      }
      originNanos = nanoTime.getAsLong();
      held = false;
      waiting = List.copyOf(pending);
      pending.clear();
    }
    for (Pending p : waiting) {
      p.start();
    }
  }

  /** A timer set while the clock was held. */
  private final class Pending implements Timer {
    private final Instant due;
    private final Runnable task;
    private Timer running;
    private boolean cancelled;

    Pending(Instant due, Runnable task) {
      this.due = due;
      this.task = task;
    }

    synchronized void start() {
      if (!cancelled) {
        running = thread.schedule(due, realDelay(Duration.between(now(), due)), task);
      }
    }

    @Override
    public Instant due() {
      return due;
    }

    @Override
    public synchronized boolean cancel() {
      if (running != null) {
        return running.cancel();
      }
      boolean was = !cancelled;
      cancelled = true;
      return was;
    }
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
    if (held) {
      return origin;
    }
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
    synchronized (this) {
      if (held) {
        Pending p = new Pending(when, task);
        pending.add(p);
        return p;
      }
    }
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
