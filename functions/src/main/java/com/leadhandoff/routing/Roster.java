package com.leadhandoff.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A team's active reps as routing reads them.
 *
 * @param reps the active reps, in a stable order (by rep id)
 * @param withCredit the ids of those holding a turn credited back, when the directory read them
 *     with the reps (a hint, as {@link Capacity#withCredit}); empty when it did not, and {@link
 *     Capacity} is asked
 */
public record Roster(List<Rep> reps, Optional<Set<String>> withCredit) {
  public Roster {
    reps = List.copyOf(reps);
    withCredit = withCredit.map(Set::copyOf);
  }
}
