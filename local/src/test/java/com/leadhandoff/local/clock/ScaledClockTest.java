package com.leadhandoff.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void nonPositiveScale_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ScaledClock(0));
  }
}
