package com.leadhandoff.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How many offers each rep has open and has had today, held against their caps, and the turns
 * credited back to them; every change is a conditional write, so concurrent leads can never push a
 * rep past a cap or spend one credit twice.
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

        @Override
        public Set<String> withCredit(List<String> repIds) {
          return Set.of();
        }

        @Override
        public boolean useCredit(String repId, String leadId) {
          return false;
        }

        @Override
        public void refundCredit(String repId) {}

        @Override
        public void credit(String repId, String leadId) {}
      };

  /**
   * Takes one open offer and one of today's leads for the rep, or neither.
   *
   * @param day today in the rep's zone: the day {@code maxLeadsPerDay} counts
   * @return empty when taken; otherwise which cap is full, for the lead's history
   */
  Optional<String> reserve(Rep rep, LocalDate day);

  /**
   * {@link #reserve(Rep, LocalDate)}, told what a strongly consistent read a moment before found on
   * the rep's load item, so that a store that counts the day's leads beside the day can make the
   * write that fits first: one write on the rep's first lead of a day as on any other. The hint is
   * never trusted for the caps: a writer racing in between only costs a second write.
   *
   * @param dayStarted whether the load item read counted leads of {@code day} already
   */
  default Optional<String> reserve(Rep rep, LocalDate day, boolean dayStarted) {
    return reserve(rep, day);
  }

  /** Gives back an open offer when it is answered or expires. */
  void release(String repId);

  /** Which of these reps have a turn credited back, as last stored; a hint, not a claim. */
  Set<String> withCredit(List<String> repIds);

  /**
   * Spends one of the rep's credited turns on this lead, if they still have one: of two leads
   * racing for the last credit, only one gets it.
   */
  boolean useCredit(String repId, String leadId);

  /** Puts back a credit spent on a lead the rep then could not take (a cap was full). */
  void refundCredit(String repId);

  /**
   * Credits the rep a turn back for an offer of {@code leadId} that expired or was declined for a
   * routing reason. Holds at most one credit per rep, and none for a lead the rep got with a
   * credit, so a rep who never answers cannot keep jumping the queue.
   */
  void credit(String repId, String leadId);
}
