package com.leadhandoff.local.events;

import com.leadhandoff.local.clock.RuntimeClock;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler on the runtime clock: each enabled {@code rate(…)} schedule invokes its
 * function every period of runtime time, the first time one period after the start, with the
 * schedule's {@code Input} (or {@code {}}). With a virtual clock a test fires them by advancing it;
 * with a scaled one a demo sees them sped up. {@code cron(…)} and {@code at(…)} are not run.
 */
public final class Schedules implements AutoCloseable {
  // EventBridge Scheduler User Guide, "Schedule types": rate(value unit), unit minute(s),
  // hour(s) or day(s), singular for 1.
  private static final Pattern RATE =
      Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

  private final RuntimeClock clock;
  private final Functions functions;
  private final Executor executor;
  private final List<RuntimeClock.Timer> timers = new ArrayList<>();
  private final InFlight running = new InFlight();
  private volatile boolean closed;

  private Schedules(RuntimeClock clock, Functions functions, Executor executor) {
    this.clock = clock;
    this.functions = functions;
    this.executor = executor;
  }

  /**
   * Starts every schedule it can run.
   *
   * @param executor where invocations run: the clock's own thread must stay free, except on a
   *     virtual clock, where running them on the advancing thread makes a test deterministic
   * @param notes told of each schedule that does not run locally, and why
   */
  public static Schedules start(
      List<Schedule> schedules,
      RuntimeClock clock,
      Functions functions,
      Executor executor,
      Consumer<String> notes) {
    Schedules started = new Schedules(clock, functions, executor);
    for (Schedule schedule : schedules) {
      String name = schedule.functionName() + "." + schedule.eventId();
      if (!schedule.enabled()) {
        notes.accept(name + " is DISABLED");
        continue;
      }
      Optional<Duration> period = rate(schedule.expression());
      if (period.isEmpty()) {
        notes.accept(
            name + " (" + schedule.expression() + ") does not fire locally; only rate(…) does");
        continue;
      }
      started.next(schedule, clock.now().plus(period.get()), period.get());
    }
    return started;
  }

  /** The period of a {@code rate(…)} expression; empty for any other expression. */
  public static Optional<Duration> rate(String expression) {
    Matcher m = RATE.matcher(expression.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long value = Long.parseLong(m.group(1));
    if (value < 1) {
      return Optional.empty();
    }
    return Optional.of(
        switch (m.group(2)) {
          case "minute", "minutes" -> Duration.ofMinutes(value);
          case "hour", "hours" -> Duration.ofHours(value);
          default -> Duration.ofDays(value);
        });
  }

  private synchronized void next(Schedule schedule, Instant due, Duration period) {
    if (closed) {
      return;
    }
    timers.removeIf(t -> !t.due().isAfter(clock.now()));
    timers.add(
        clock.scheduleBackground(
            due,
            () -> {
              next(schedule, nextDue(due, period, clock.now()), period);
              running.begin();
              try {
                executor.execute(
                    () -> {
                      try {
                        invoke(schedule);
                      } finally {
                        running.end();
                      }
                    });
              } catch (RuntimeException e) {
                running.end();
                throw e;
              }
            }));
  }

  /**
   * The first due time after {@code now} on the schedule's grid. When runtime time jumped (a demo
   * skipped a weekend), the schedule fires once for the jump, as a schedule that was late does,
   * rather than once per period it passed: a weekend of a five-minute watchdog is 576 sweeps.
   */
  static Instant nextDue(Instant fired, Duration period, Instant now) {
    Instant next = fired.plus(period);
    if (next.isAfter(now)) {
      return next;
    }
    long behind = Duration.between(next, now).toNanos() / period.toNanos() + 1;
    return next.plus(period.multipliedBy(behind));
  }

  /**
   * Waits until no scheduled invocation is running; false if {@code timeout} passed first. A demo
   * skipping time waits for the sweep it set off before it skips again.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return running.await(timeout);
  }

  private void invoke(Schedule schedule) {
    if (closed) {
      return;
    }
    byte[] payload = schedule.input().orElse("{}").getBytes(StandardCharsets.UTF_8);
    Invocation result = functions.invoke(schedule.functionName(), payload);
    if (result instanceof Invocation.Failure failure) {
      // Scheduler retries per its RetryPolicy; locally the next period is the retry.
      System.err.println(
          "schedule "
              + schedule.functionName()
              + "."
              + schedule.eventId()
              + " failed: "
              + failure.errorType()
              + ": "
              + failure.errorMessage());
    }
  }

  /** Stops every schedule; an invocation under way finishes. */
  @Override
  public synchronized void close() {
    closed = true;
    timers.forEach(RuntimeClock.Timer::cancel);
    timers.clear();
  }
}
