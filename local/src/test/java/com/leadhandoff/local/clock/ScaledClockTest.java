package com.leadhandoff.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScaledClockTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void scale60_passesFifteenMinutesInFifteenRealSeconds() {
    AtomicLong nanos = new AtomicLong(1_000);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      nanos.addAndGet(Duration.ofSeconds(15).toNanos());
      assertEquals(T0.plus(Duration.ofMinutes(15)), clock.now());
      assertEquals(Duration.ofSeconds(15), clock.realDelay(Duration.ofMinutes(15)));
      assertEquals(Duration.ZERO, clock.realDelay(Duration.ofSeconds(-5)));
    }
  }

  @Test
  void heldClock_standsAtItsOrigin_andItsTimersWait_untilItBegins() throws Exception {
    try (ScaledClock clock = ScaledClock.held(T0, 3600)) {
      java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
      clock.schedule(T0.plusSeconds(1), fired::countDown);
      RuntimeClock.Timer cancelled =
          clock.schedule(
              T0.plusSeconds(1),
              () -> {
                throw new AssertionError("a cancelled timer fired");
              });
      assertTrue(cancelled.cancel());

      Thread.sleep(50); // 50 ms real would be 3 minutes of this clock, were it running
      assertEquals(T0, clock.now());
      assertEquals(1, fired.getCount());

      clock.begin();
      assertTrue(fired.await(5, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(clock.now().isAfter(T0));
    }
  }

  @Test
  void nonPositiveScale_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ScaledClock(0));
  }

  @Test
  void pause_stopsRuntimeTime_andResumeCarriesOnFromThePausedInstant() {
    AtomicLong nanos = new AtomicLong(1_000);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      nanos.addAndGet(Duration.ofSeconds(10).toNanos());
      clock.pause();
      assertTrue(clock.paused());

      nanos.addAndGet(Duration.ofMinutes(5).toNanos());
      assertEquals(T0.plus(Duration.ofMinutes(10)), clock.now());
      assertEquals(T0.plus(Duration.ofMinutes(10)), clock.clock().instant());

      clock.resume();
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      assertFalse(clock.paused());
      assertEquals(T0.plus(Duration.ofMinutes(11)), clock.now());
    }
  }

  @Test
  void pausedClock_defersTimersNotYetDue_andResumeArmsThemAgain() {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      clock.schedule(T0.plus(Duration.ofMinutes(15)), () -> {});
      assertEquals(1, clock.armedTimers());

      clock.pause();
      clock.schedule(T0.plus(Duration.ofMinutes(20)), () -> {});
      assertEquals(0, clock.armedTimers());

      clock.resume();
      assertEquals(2, clock.armedTimers());
    }
  }

  @Test
  void skipToNextTimer_movesTimeToTheEarliestDueTime_andFiresOnlyThatTimer() throws Exception {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      CountDownLatch first = new CountDownLatch(1);
      AtomicBoolean second = new AtomicBoolean();
      clock.schedule(T0.plus(Duration.ofMinutes(30)), () -> second.set(true));
      clock.schedule(T0.plus(Duration.ofMinutes(15)), first::countDown);

      assertEquals(Optional.of(T0.plus(Duration.ofMinutes(15))), clock.skipToNextTimer());

      assertTrue(first.await(5, TimeUnit.SECONDS), "the earliest timer fires once time reached it");
      assertEquals(T0.plus(Duration.ofMinutes(15)), clock.now());
      assertEquals(List.of(T0.plus(Duration.ofMinutes(30))), clock.pendingDues());
      assertFalse(second.get());
    }
  }

  @Test
  void skip_hasFiredEveryTimerNowDue_whenItReturns() {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      // GIVEN a paused clock with a sweep and an offer deadline two hours ahead
      clock.pause();
      List<String> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
      clock.scheduleBackground(T0.plus(Duration.ofMinutes(5)), () -> fired.add("sweep"));
      clock.schedule(T0.plus(Duration.ofHours(2)), () -> fired.add("deadline"));

      // WHEN the demo skips
      clock.skipToNextTimer();

      // THEN both ran, in due order, before the skip returned: a caller waiting for their work
      // next cannot miss it
      assertEquals(List.of("sweep", "deadline"), fired);
      assertEquals(List.of(), clock.pendingDues());
    }
  }

  @Test
  void skipWhilePaused_firesTheTimer_andStaysPausedAtItsDueTime() throws Exception {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      CountDownLatch fired = new CountDownLatch(1);
      clock.pause();
      clock.schedule(T0.plus(Duration.ofHours(2)), fired::countDown);

      clock.skipToNextTimer();
      nanos.addAndGet(Duration.ofMinutes(1).toNanos());

      assertTrue(fired.await(5, TimeUnit.SECONDS));
      assertTrue(clock.paused());
      assertEquals(T0.plus(Duration.ofHours(2)), clock.now());
    }
  }

  @Test
  void skipWithNoTimer_leavesTimeAlone_andCancelledTimersAreNotSkippedTo() {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      clock.schedule(T0.plus(Duration.ofMinutes(5)), () -> {}).cancel();

      assertEquals(Optional.empty(), clock.skipToNextTimer());
      assertEquals(T0, clock.now());
      assertEquals(Optional.empty(), clock.nextTimer());
    }
  }

  @Test
  void skip_passesOverBackgroundChores_toTheNextWorkflowTimer_firingBothOnTheWay()
      throws Exception {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      CountDownLatch both = new CountDownLatch(2);
      clock.scheduleBackground(T0.plus(Duration.ofMinutes(5)), both::countDown);
      clock.schedule(T0.plus(Duration.ofHours(1)), both::countDown);

      assertEquals(Optional.of(T0.plus(Duration.ofHours(1))), clock.skipToNextTimer());

      assertTrue(both.await(5, TimeUnit.SECONDS), "the sweep it passed and the offer timer");
      assertEquals(List.of(), clock.pendingDues());
    }
  }

  @Test
  void skip_withOnlyBackgroundChoresPending_goesToTheEarliest() {
    AtomicLong nanos = new AtomicLong(0);
    try (ScaledClock clock = new ScaledClock(T0, 60, nanos::get)) {
      clock.scheduleBackground(T0.plus(Duration.ofMinutes(10)), () -> {});
      clock.scheduleBackground(T0.plus(Duration.ofMinutes(5)), () -> {});

      assertEquals(Optional.of(T0.plus(Duration.ofMinutes(5))), clock.nextTimer());
    }
  }
}
