package com.leadhandoff.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.clock.ScaledClock;
import com.leadhandoff.local.clock.VirtualClock;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests named after the EventBridge Scheduler User Guide's "Schedule types" they check. */
class SchedulesTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  private final VirtualClock clock = new VirtualClock(START);
  private final List<String> invocations = new ArrayList<>();
  private final Functions functions =
      new Functions() {
        @Override
        public Invocation invoke(String name, byte[] payload) {
          invocations.add(
              name + "@" + clock.now() + " " + new String(payload, StandardCharsets.UTF_8));
          return new Invocation.Success("null".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Invocation invoke(String name, JsonNode payload) {
          return invoke(name, payload.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Set<String> names() {
          return Set.of("Sweeper");
        }
      };

  @Test
  void rateBasedSchedules_parseMinutesHoursAndDays() {
    assertEquals(Optional.of(Duration.ofMinutes(5)), Schedules.rate("rate(5 minutes)"));
    assertEquals(Optional.of(Duration.ofMinutes(1)), Schedules.rate("rate(1 minute)"));
    assertEquals(Optional.of(Duration.ofHours(2)), Schedules.rate("rate(2 hours)"));
    assertEquals(Optional.of(Duration.ofDays(1)), Schedules.rate("rate(1 day)"));
    assertEquals(Optional.empty(), Schedules.rate("cron(0 8 * * ? *)"));
    assertEquals(Optional.empty(), Schedules.rate("rate(0 minutes)"));
  }

  @Test
  void rateSchedule_firesEveryPeriodOfRuntimeTime_withItsInput() {
    List<String> notes = new ArrayList<>();
    try (Schedules schedules =
        Schedules.start(
            List.of(
                new Schedule(
                    "Sweeper", "Sweep", "rate(5 minutes)", Optional.of("{\"go\":1}"), true),
                new Schedule("Sweeper", "Nightly", "cron(0 2 * * ? *)", Optional.empty(), true),
                new Schedule("Sweeper", "Off", "rate(1 minute)", Optional.empty(), false)),
            clock,
            functions,
            Runnable::run,
            notes::add)) {
      clock.advance(Duration.ofMinutes(4));
      assertEquals(List.of(), invocations);

      clock.advance(Duration.ofMinutes(11));

      assertEquals(
          List.of(
              "Sweeper@2026-11-23T09:05:00Z {\"go\":1}",
              "Sweeper@2026-11-23T09:10:00Z {\"go\":1}",
              "Sweeper@2026-11-23T09:15:00Z {\"go\":1}"),
          invocations);
      assertEquals(2, notes.size(), notes.toString());
    }
    clock.advance(Duration.ofMinutes(10));
    assertEquals(3, invocations.size(), "a closed schedule fires no more");
  }

  @Test
  void rateSchedule_whenRuntimeTimeJumpsHours_firesOnceForTheJump_thenKeepsItsGrid()
      throws Exception {
    try (ScaledClock scaled = ScaledClock.held(START, 60);
        Schedules schedules =
            Schedules.start(
                List.of(
                    new Schedule("Sweeper", "Sweep", "rate(5 minutes)", Optional.empty(), true)),
                scaled,
                functions,
                Runnable::run,
                note -> {})) {
      // GIVEN a clock standing still and a workflow timer three hours ahead
      Instant offerDeadline = START.plus(Duration.ofHours(3));
      scaled.schedule(offerDeadline, () -> {});

      // WHEN a demo skips to it
      scaled.skipToNextTimer();

      // THEN the sweep ran once for the 36 periods skipped, and next runs on its five-minute grid
      assertTrue(schedules.awaitIdle(Duration.ofSeconds(5)));
      assertEquals(1, invocations.size(), invocations.toString());
      assertEquals(Optional.of(offerDeadline.plus(Duration.ofMinutes(5))), scaled.nextTimer());
    }
  }

  @Test
  void nextDue_isTheFirstGridTimeAfterNow() {
    Instant fired = START;
    Duration period = Duration.ofMinutes(5);

    assertEquals(START.plusSeconds(300), Schedules.nextDue(fired, period, START));
    assertEquals(
        START.plusSeconds(3900), Schedules.nextDue(fired, period, START.plusSeconds(3600)));
    assertEquals(
        START.plusSeconds(3900), Schedules.nextDue(fired, period, START.plusSeconds(3601)));
  }
}
