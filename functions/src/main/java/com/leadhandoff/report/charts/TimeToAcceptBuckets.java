package com.leadhandoff.report.charts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bins of the time-to-accept histogram: uneven on purpose, since a lead's chances fall fastest
 * in the first minutes (first touch within 5 minutes for hot leads, 15–30 for warm), and a tail of
 * hours is what a manager has to see. Each bin holds the times at or above its lower bound and
 * below the next one's; the last is open-ended.
 */
public final class TimeToAcceptBuckets {
  private static final List<Duration> LOWER_BOUNDS =
      List.of(
          Duration.ZERO,
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8));
  private static final List<String> LABELS =
      List.of("<5m", "5-15m", "15-30m", "30-60m", "1-2h", "2-4h", "4-8h", "8h+");

  private TimeToAcceptBuckets() {}

  /**
   * How many of {@code workingSeconds} fall in each bin, every bin present (in order, by label).
   *
   * @param workingSeconds times to accept in working seconds; a negative one is refused
   */
  public static Map<String, Integer> count(List<Long> workingSeconds) {
    int[] counts = new int[LOWER_BOUNDS.size()];
    for (long seconds : workingSeconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("A time to accept is not negative, was " + seconds);
      }
      counts[bin(seconds)]++;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      out.put(LABELS.get(i), counts[i]);
    }
    return out;
  }

  /** The labels of the bins, shortest times first. */
  public static List<String> labels() {
    return new ArrayList<>(LABELS);
  }

  private static int bin(long seconds) {
    int bin = 0;
    for (int i = 0; i < LOWER_BOUNDS.size(); i++) {
      if (seconds >= LOWER_BOUNDS.get(i).getSeconds()) {
        bin = i;
      }
    }
    return bin;
  }
}
