package com.leadhandoff.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;

/**
 * Runtime time that runs {@code scale} times faster than real time, starting at the real time of
 * construction: with scale 60 an SLA of 15 minutes passes in 15 real seconds. Scale 1 is real time.
 *
 * <p>It can be paused, resumed and moved on to its next timer ({@link ClockControls}), so a person
 * walking a demo can read an offer email before it expires. It keeps its pending timers for that: a
 * pause disarms those not yet due, a resume or a skip arms them again for the new time.
 */
public final class ScaledClock implements RuntimeClock, ClockControls, AutoCloseable {
  private final double scale;
  private final LongSupplier nanoTime;
  private final ClockThread thread = new ClockThread();
  private final Clock view;
  // Every change of time (pause, resume, skip) starts a new segment; reads need no lock.
  private volatile Segment segment;
  private final Set<Pending> pending = new LinkedHashSet<>();

  /**
   * A stretch of runtime time: it was {@code start} at real {@code startNanos}, and runs on from
   * there unless paused.
   */
  private record Segment(Instant start, long startNanos, boolean paused) {}

  /** A timer not yet fired; {@code armed} is its real-time trigger, null while the clock waits. */
  private static final class Pending {
    final Instant due;
    final Runnable task;
    final boolean background;
    ScheduledFuture<?> armed;

    Pending(Instant due, Runnable task, boolean background) {
      this.due = due;
      this.task = task;
      this.background = background;
    }
  }

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
    this.scale = scale;
    this.nanoTime = nanoTime;
    this.segment = new Segment(origin, nanoTime.getAsLong(), false);
    this.view = new View(ZoneOffset.UTC);
  }

  @Override
  public double scale() {
    return scale;
  }

  @Override
  public Clock clock() {
    return view;
  }

  @Override
  public Instant now() {
    Segment s = segment;
    if (s.paused()) {
      return s.start();
    }
    long realElapsed = nanoTime.getAsLong() - s.startNanos();
    return s.start().plusNanos((long) (realElapsed * scale));
  }

  @Override
  public Optional<ClockControls> controls() {
    return Optional.of(this);
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
    return add(new Pending(when, task, false));
  }

  @Override
  public Timer scheduleBackground(Instant when, Runnable task) {
    return add(new Pending(when, task, true));
  }

  private Timer add(Pending timer) {
    Instant when = timer.due;
    synchronized (this) {
      pending.add(timer);
      arm(timer);
    }
    return new Timer() {
      @Override
      public Instant due() {
        return when;
      }

      @Override
      public boolean cancel() {
        synchronized (ScaledClock.this) {
          disarm(timer);
          return pending.remove(timer);
        }
      }
    };
  }

  /**
   * A clock standing at {@code origin} until {@link #begin()}: the runtime starts it once it
   * serves, so the seconds it spends loading (hours, at a large scale) do not pass deadlines before
   * anything could act on them. Timers set meanwhile wait for it, as on a paused clock.
   */
  public static ScaledClock held(Instant origin, double scale) {
    ScaledClock clock = new ScaledClock(origin, scale);
    // Paused at the origin itself, not the moment after: nothing is scheduled yet.
    clock.segment = new Segment(origin, clock.nanoTime.getAsLong(), true);
    clock.held = true;
    return clock;
  }

  private boolean held;

  /** Sets a {@link #held} clock running from its origin; else nothing (a paused one stays so). */
  public synchronized void begin() {
    if (held) {
      held = false;
      resume();
    }
  }

  @Override
  public boolean paused() {
    return segment.paused();
  }

  @Override
  public synchronized void pause() {
    if (segment.paused()) {
      return;
    }
    segment = new Segment(now(), nanoTime.getAsLong(), true);
    pending.forEach(this::rearm);
  }

  @Override
  public synchronized void resume() {
    if (!segment.paused()) {
      return;
    }
    segment = new Segment(segment.start(), nanoTime.getAsLong(), false);
    pending.forEach(this::rearm);
  }

  @Override
  public synchronized Optional<Instant> nextTimer() {
    Optional<Instant> workflow =
        pending.stream().filter(p -> !p.background).map(p -> p.due).min(Comparator.naturalOrder());
    return workflow.or(() -> pending.stream().map(p -> p.due).min(Comparator.naturalOrder()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The timers now due have fired (their tasks ran on the calling thread, in due order) by the
   * time this returns, so a caller that next waits for the work they started sees its result.
   */
  @Override
  public Optional<Instant> skipToNextTimer() {
    Optional<Instant> moved;
    boolean jumped = false;
    List<Pending> due = new ArrayList<>();
    synchronized (this) {
      Instant now = now();
      Optional<Instant> next = nextTimer();
      if (next.isEmpty() || !next.get().isAfter(now)) {
        // Nothing pending, or the next timer is already due: it fires now, below.
        moved = next.map(when -> now);
      } else {
        segment = new Segment(next.get(), nanoTime.getAsLong(), segment.paused());
        moved = next;
        jumped = true;
      }
      // The due timers are taken from the pending set here, under the lock, and run by this
      // thread below: were they re-armed, the clock thread could be running one still when this
      // method returns, and a caller waiting for their work next would miss it.
      pending.stream()
          .filter(this::due)
          .sorted(Comparator.comparing((Pending p) -> p.due))
          .forEach(due::add);
      due.forEach(
          timer -> {
            pending.remove(timer);
            disarm(timer);
          });
      if (jumped) {
        pending.forEach(this::rearm);
      }
    }
    due.forEach(timer -> timer.task.run());
    return moved;
  }

  /** Whether the timer is due at the current runtime time. */
  private boolean due(Pending timer) {
    return !timer.due.isAfter(now());
  }

  private void rearm(Pending timer) {
    disarm(timer);
    arm(timer);
  }

  // Callers hold the lock. A paused clock arms only what is already due: the rest waits for resume.
  private void arm(Pending timer) {
    if (segment.paused() && !due(timer)) {
      return;
    }
    timer.armed = thread.after(realDelay(Duration.between(now(), timer.due)), () -> fire(timer));
  }

  private void disarm(Pending timer) {
    if (timer.armed != null) {
      timer.armed.cancel(false);
      timer.armed = null;
    }
  }

  private void fire(Pending timer) {
    synchronized (this) {
      if (!pending.contains(timer)) {
        return;
      }
      if (!due(timer)) {
        // Real delays round; a trigger that comes a hair early waits the rest.
        arm(timer);
        return;
      }
      pending.remove(timer);
      disarm(timer);
    }
    timer.task.run();
  }

  /** How many pending timers have a real-time trigger set (for tests: a paused clock defers). */
  synchronized long armedTimers() {
    return pending.stream().filter(p -> p.armed != null).count();
  }

  /** The timers still pending, soonest first (for tests). */
  synchronized List<Instant> pendingDues() {
    List<Instant> dues = new ArrayList<>();
    pending.forEach(p -> dues.add(p.due));
    dues.sort(Comparator.naturalOrder());
    return dues;
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
