package com.leadhandoff.report;

import java.util.List;
import java.util.Optional;

/** Percentiles of a report's figures. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code p}th percentile of {@code values} by the nearest-rank method: sorted ascending, the
   * value at rank ⌈p/100 × n⌉ (1-based). Nearest rank always answers with a value that occurred, so
   * a p90 of "3,600 s" is a time some lead really took; the median of an even count is the lower
   * middle value. Empty when there are no values.
   *
   * @param values the figures, in any order
   * @param p the percentile, in (0, 100]
   */
  public static Optional<Long> nearestRank(List<Long> values, int p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("A percentile is in (0, 100], was " + p);
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(rank, 1) - 1));
  }
}
