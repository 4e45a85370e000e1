package com.leadhandoff.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeToAcceptBucketsTest {
  @Test
  void eachTime_fallsInTheBinOfItsLowerBound_boundsIncluded() {
    // GIVEN times right at and around the bin edges (seconds)
    List<Long> seconds =
        List.of(0L, 299L, 300L, 899L, 900L, 1_800L, 3_600L, 7_200L, 14_400L, 28_800L, 500_000L);

    // WHEN counted
    Map<String, Integer> bins = TimeToAcceptBuckets.count(seconds);

    // THEN 5 minutes exactly is in 5-15m, 8 hours and more in 8h+
    assertEquals(
        Map.of(
            "<5m", 2, "5-15m", 2, "15-30m", 1, "30-60m", 1, "1-2h", 1, "2-4h", 1, "4-8h", 1, "8h+",
            2),
        bins);
    assertEquals(TimeToAcceptBuckets.labels(), List.copyOf(bins.keySet()));
  }

  @Test
  void aNegativeTime_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> TimeToAcceptBuckets.count(List.of(-1L)));
  }
}
