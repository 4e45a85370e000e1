package com.leadhandoff.local.asl.engine;

import java.time.Duration;

/**
 * Counts signals posted to executions and not yet fully processed. A signal is counted before it is
 * queued and released only after its handling (and every signal that handling posted) has been
 * counted, so the count reaches zero only when no state transition is in progress.
 */
final class Quiescence {
  private long pending;

  synchronized void begin() {
    pending++;
  }

  synchronized void end() {
    if (--pending == 0) {
      notifyAll();
    }
  }

  /** Waits until nothing is pending; false if {@code timeout} passed first. */
  synchronized boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
