package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.clock.RuntimeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One issued task token and its waiting task. Closing is a compare-and-set under this object's
 * lock, so an answer racing a timeout has exactly one winner.
 */
final class TaskToken {
  final String value;
  final Execution execution;
  final long runId;
  private boolean open = true;
  private Instant lastBeat;
  private Optional<Duration> heartbeat = Optional.empty();
  private Optional<Instant> deadline = Optional.empty();
  private RuntimeClock.Timer timeoutTimer;
  private RuntimeClock.Timer heartbeatTimer;

  TaskToken(String value, Execution execution, long runId) {
    this.value = value;
    this.execution = execution;
    this.runId = runId;
  }

  synchronized boolean isOpen() {
    return open;
  }

  /** Closes the token; false if it was already closed (the other side of a race won). */
  synchronized boolean close() {
    if (!open) {
      return false;
    }
    open = false;
    if (timeoutTimer != null) {
      timeoutTimer.cancel();
    }
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
    }
    return true;
  }

  /** Records a heartbeat; false if the token is closed. */
  synchronized boolean beat(Instant now) {
    if (!open) {
      return false;
    }
    lastBeat = now;
    return true;
  }

  /**
   * Starts the TimeoutSeconds and HeartbeatSeconds clocks of the waiting task; a deadline already
   * past (a task invoked again after a restart keeps its first deadline) expires the token at once.
   */
  void arm(RuntimeClock clock, Optional<Instant> deadline, Optional<Duration> heartbeat) {
    resume(clock, deadline, heartbeat, clock.now());
  }

  /**
   * Re-arms a token restored from a store with the clocks it had: the timeout at its original
   * deadline, the heartbeat relative to the last beat. A deadline that passed while the runtime was
   * stopped expires the token at once, as the earlier of the two would have.
   */
  void resume(
      RuntimeClock clock,
      Optional<Instant> deadline,
      Optional<Duration> heartbeat,
      Instant lastBeat) {
    Optional<String> overdue;
    synchronized (this) {
      // Kept also when an answer closed the token before it was armed (a rep who clicks while the
      // offer's Lambda is still returning): the execution is saved as waiting on it until the
      // answer is taken, and a waiting task without its clocks could not be saved.
      this.deadline = deadline;
      this.heartbeat = heartbeat;
      this.lastBeat = lastBeat;
      if (!open) {
        return;
      }
      Optional<Instant> beatDue = heartbeat.map(lastBeat::plus);
      overdue = overdue(clock.now(), deadline, beatDue);
      if (overdue.isEmpty()) {
        deadline.ifPresent(
            due -> timeoutTimer = clock.schedule(due, () -> expire(ErrorNames.TIMEOUT)));
        beatDue.ifPresent(due -> scheduleHeartbeat(clock, due));
      }
    }
    overdue.ifPresent(this::expire);
  }

  /** The error of whichever deadline passed first, if any has. */
  private static Optional<String> overdue(
      Instant now, Optional<Instant> deadline, Optional<Instant> beatDue) {
    boolean timedOut = deadline.isPresent() && !deadline.get().isAfter(now);
    boolean noBeat = beatDue.isPresent() && !beatDue.get().isAfter(now);
    if (timedOut && (!noBeat || !beatDue.get().isBefore(deadline.get()))) {
      return Optional.of(ErrorNames.TIMEOUT);
    }
    return noBeat ? Optional.of(ErrorNames.HEARTBEAT_TIMEOUT) : Optional.empty();
  }

  Optional<Instant> deadline() {
    return deadline;
  }

  Optional<Duration> heartbeat() {
    return heartbeat;
  }

  synchronized Instant lastBeat() {
    return lastBeat;
  }

  private void scheduleHeartbeat(RuntimeClock clock, Instant due) {
    heartbeatTimer = clock.schedule(due, () -> checkHeartbeat(clock));
  }

  /** A heartbeat timer fired: time out unless a heartbeat arrived since it was set. */
  private void checkHeartbeat(RuntimeClock clock) {
    synchronized (this) {
      if (!open) {
        return;
      }
      Instant due = lastBeat.plus(heartbeat.orElseThrow());
      if (clock.now().isBefore(due)) {
        scheduleHeartbeat(clock, due);
        return;
      }
    }
    expire(ErrorNames.HEARTBEAT_TIMEOUT);
  }

  private void expire(String error) {
    if (close()) {
      execution.post(new Signal.TaskClosed(runId, this, new TaskResult.TimedOut(error)));
    }
  }
}
