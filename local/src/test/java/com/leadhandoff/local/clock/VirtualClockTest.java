package com.leadhandoff.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void advance_firesDueTimersInTimeOrderEachAtItsDueTime() {
    VirtualClock clock = new VirtualClock(T0);
    List<String> fired = new ArrayList<>();
    clock.schedule(T0.plusSeconds(30), () -> fired.add("b@" + clock.now()));
    clock.schedule(T0.plusSeconds(10), () -> fired.add("a@" + clock.now()));
    clock.schedule(T0.plusSeconds(90), () -> fired.add("late"));

    clock.advance(Duration.ofMinutes(1));

    assertEquals(List.of("a@" + T0.plusSeconds(10), "b@" + T0.plusSeconds(30)), fired);
    assertEquals(T0.plusSeconds(60), clock.now());
    assertEquals(T0.plusSeconds(60), clock.clock().instant());
    assertEquals(1, clock.pendingTimers());
  }

  @Test
  void timerScheduledByATimer_firesInTheSameAdvanceIfDue() {
    VirtualClock clock = new VirtualClock(T0);
    List<Instant> fired = new ArrayList<>();
    clock.schedule(
        T0.plusSeconds(5),
        () -> clock.schedule(clock.now().plusSeconds(5), () -> fired.add(clock.now())));
    clock.advance(Duration.ofSeconds(20));
    assertEquals(List.of(T0.plusSeconds(10)), fired);
  }

  @Test
  void cancelledTimer_neverFires_andSettleHooksRunAfterEachTimer() {
    VirtualClock clock = new VirtualClock(T0);
    List<String> log = new ArrayList<>();
    RuntimeClock.Timer cancelled = clock.schedule(T0.plusSeconds(1), () -> log.add("cancelled"));
    clock.schedule(T0.plusSeconds(2), () -> log.add("timer"));
    clock.addSettleHook(() -> log.add("settle"));

    assertTrue(cancelled.cancel());
    assertFalse(cancelled.cancel());
    clock.advance(Duration.ofSeconds(5));

    assertEquals(List.of("settle", "timer", "settle"), log);
  }

  @Test
  void goingBack_isRefused() {
    VirtualClock clock = new VirtualClock(T0);
    assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(T0.minusSeconds(1)));
  }
}
