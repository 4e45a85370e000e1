package com.leadhandoff.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
}
