package com.leadhandoff.local.events;

import java.time.Duration;

/** Counts work under way, so that a caller can wait until none is. */
final class InFlight {
  private long running;

  synchronized void begin() {
    running++;
  }

  synchronized void end() {
    if (--running == 0) {
      notifyAll();
    }
  }

  /** Waits until nothing runs; false if {@code timeout} passed first. */
  synchronized boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
