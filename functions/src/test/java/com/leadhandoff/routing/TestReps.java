package com.leadhandoff.routing;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reps the capacity tests route to: active, in Berlin, no skills or away days. */
final class TestReps {
  private TestReps() {}

  /** Rep {@code id} of {@code team}, with its round-robin weight and its caps. */
  static Rep capped(
      String id,
      String team,
      int weight,
      Optional<Integer> maxOpenOffers,
      Optional<Integer> maxLeadsPerDay) {
    return new Rep(
        id,
        id,
        id + "@sales.example.com",
        team,
        true,
        Optional.of(ZoneId.of("Europe/Berlin")),
        weight,
        false,
        Map.of(),
        List.of(),
        maxOpenOffers,
        maxLeadsPerDay);
  }
}
