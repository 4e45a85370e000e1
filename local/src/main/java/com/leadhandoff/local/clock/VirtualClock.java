package com.leadhandoff.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Time that only moves when a test says so. {@link #advance} fires due timers in time order on the
 * calling thread, each seeing {@link #now()} equal to its due time, and runs the settle hooks after
 * each one so that what a timer triggers completes before time moves on. Nothing ever sleeps.
 */
public final class VirtualClock implements RuntimeClock {
  private final PriorityQueue<Entry> timers = new PriorityQueue<>();
  private final List<Runnable> settleHooks = new CopyOnWriteArrayList<>();
  private volatile Instant now;
  private long sequence;

  /** A virtual clock standing still at {@code start}. */
  public VirtualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Clock clock() {
    return new View(ZoneOffset.UTC);
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public synchronized Timer schedule(Instant when, Runnable task) {
    Entry entry = new Entry(when, sequence++, task);
    timers.add(entry);
    return entry;
  }

  @Override
  public void addSettleHook(Runnable hook) {
    settleHooks.add(hook);
  }

  /** Moves time forward by {@code duration}, firing every timer that falls due on the way. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a virtual clock cannot go back: " + duration);
    }
    advanceTo(now.plus(duration));
  }

  /** Moves time forward to {@code target}, firing every timer due at or before it, in order. */
  public void advanceTo(Instant target) {
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("a virtual clock cannot go back to " + target);
    }
    settle();
    while (true) {
      Entry next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target;
          return;
        }
        timers.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.fire();
      settle();
    }
  }

  /** When the earliest timer not yet fired or cancelled is due, if any. */
  public synchronized java.util.Optional<Instant> nextDue() {
    return timers.stream().filter(e -> !e.cancelled).map(e -> e.due).min(Instant::compareTo);
  }

  /** How many timers are scheduled and not yet fired or cancelled. */
  public synchronized int pendingTimers() {
    return (int) timers.stream().filter(e -> !e.cancelled).count();
  }

  private void settle() {
    settleHooks.forEach(Runnable::run);
  }

  private final class Entry implements Timer, Comparable<Entry> {
    private final Instant due;
    private final long seq;
    private final Runnable task;
    private boolean cancelled;
    private boolean fired;

    Entry(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    void fire() {
      synchronized (VirtualClock.this) {
        if (cancelled) {
          return;
        }
        fired = true;
      }
      task.run();
    }

    @Override
    public Instant due() {
      return due;
    }

    @Override
    public boolean cancel() {
      synchronized (VirtualClock.this) {
        if (cancelled || fired) {
          return false;
        }
        cancelled = true;
        timers.remove(this);
        return true;
      }
    }

    @Override
    public int compareTo(Entry other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(seq, other.seq);
    }
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
      return now;
    }
  }
}
