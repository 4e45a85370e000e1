package com.leadhandoff.local.bench;

import java.util.Arrays;

/** Latency figures of one phase, in milliseconds. */
record Stats(int count, double p50, double p99, double max) {

  /** The nearest-rank percentiles of {@code nanos}. */
  static Stats of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Stats(
        sorted.length,
        millis(rank(sorted, 0.50)),
        millis(rank(sorted, 0.99)),
        millis(sorted[sorted.length - 1]));
  }

  private static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
