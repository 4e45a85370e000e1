package com.leadhandoff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRank_takesTheValueAtRankCeilingOfPTimesN_fromUnsortedValues() {
    // GIVEN ten times to accept, 1..10 minutes in seconds, out of order
    List<Long> values = List.of(600L, 60L, 300L, 120L, 540L, 180L, 480L, 240L, 420L, 360L);

    // WHEN p50 and p90 are taken
    Optional<Long> p50 = Percentiles.nearestRank(values, 50);
    Optional<Long> p90 = Percentiles.nearestRank(values, 90);

    // THEN they are the 5th and 9th smallest (ranks ceil(5.0) and ceil(9.0))
    assertEquals(Optional.of(300L), p50);
    assertEquals(Optional.of(540L), p90);
  }

  @Test
  void nearestRank_isTheLowerMiddleForAnEvenCount_andRoundsRanksUp() {
    // GIVEN four values
    List<Long> values = List.of(40L, 10L, 30L, 20L);

    // WHEN p50, p90 and p1 are taken
    // THEN p50 is rank 2 (no averaging), p90 rank ceil(3.6) = 4, p1 rank ceil(0.04) = 1
    assertEquals(Optional.of(20L), Percentiles.nearestRank(values, 50));
    assertEquals(Optional.of(40L), Percentiles.nearestRank(values, 90));
    assertEquals(Optional.of(10L), Percentiles.nearestRank(values, 1));
  }

  @Test
  void nearestRank_ofOneValue_isThatValue_andOfNone_isEmpty() {
    // GIVEN one value, and none
    // WHEN percentiles are taken
    // THEN every percentile of one value is the value; none has no percentile
    assertEquals(Optional.of(7L), Percentiles.nearestRank(List.of(7L), 90));
    assertEquals(Optional.of(7L), Percentiles.nearestRank(List.of(7L), 50));
    assertEquals(Optional.empty(), Percentiles.nearestRank(List.of(), 50));
  }

  @Test
  void nearestRank_refusesAPercentileOutsideOneToAHundred() {
    // GIVEN values
    List<Long> values = List.of(1L, 2L);

    // WHEN p0 or p101 is asked
    // THEN it is refused
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(values, 0));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(values, 101));
  }
}
