package com.leadhandoff.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team's active reps as routing reads them.
 *
 * @param reps the active reps, in a stable order (by rep id)
 * @param withCredit the ids of those holding a turn credited back, when the directory read them
 *     with the reps (a hint, as {@link Capacity#withCredit}); empty when it did not, and {@link
 *     Capacity} is asked
 * @param loadDays when the directory read the reps' load items with them (strongly consistent): rep
 *     id → the day the rep's count of leads belongs to, for the reps whose load item has one; a rep
 *     left out has no count yet. Empty when the load items were not read. Routing uses it to choose
 *     the reservation's first write (see {@link Capacity#reserve(Rep, java.time.LocalDate,
 *     boolean)}), never as a claim.
 */
public record Roster(
    List<Rep> reps, Optional<Set<String>> withCredit, Optional<Map<String, String>> loadDays) {
  public Roster {
    reps = List.copyOf(reps);
    withCredit = withCredit.map(Set::copyOf);
    loadDays = loadDays.map(Map::copyOf);
  }

  /** A roster read without the reps' load days. */
  public Roster(List<Rep> reps, Optional<Set<String>> withCredit) {
    this(reps, withCredit, Optional.empty());
  }

  /**
   * Whether the rep's load item, as read with the roster, counts leads of {@code day}; empty when
   * the load items were not read.
   */
  public Optional<Boolean> dayStarted(String repId, java.time.LocalDate day) {
    return loadDays.map(days -> day.toString().equals(days.get(repId)));
  }
}
