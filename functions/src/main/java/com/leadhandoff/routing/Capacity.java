package com.leadhandoff.routing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How many offers each rep has open and has had today, held against their caps with conditional
 * writes, so concurrent leads can never push a rep past a cap.
 */
public interface Capacity {
  /** Never full: for simulations and for teams that run without caps. */
  Capacity UNLIMITED =
      new Capacity() {
        @Override
        public Optional<String> reserve(Rep rep, LocalDate day) {
          return Optional.empty();
        }

        @Override
        public void release(String repId) {}
      };

  /**
   * Takes one open offer and one of today's leads for the rep, or neither.
   *
   * @param day today in the rep's zone: the day {@code maxLeadsPerDay} counts
   * @return empty when taken; otherwise which cap is full, for the lead's history
   */
  Optional<String> reserve(Rep rep, LocalDate day);

  /** Gives back an open offer when it is answered or expires. */
  void release(String repId);
}
