package com.leadhandoff.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Round robin over a team's reps: inactive reps and reps this lead was already offered to are
 * passed over, and the team's turn number picks among the rest. Turns come from an atomic counter,
 * so two leads routed at the same moment get different turns and, with the same candidates,
 * different reps.
 */
public final class RoundRobin {
  private RoundRobin() {}

  /**
   * Chooses the rep for the next offer.
   *
   * @param team the team the lead goes to
   * @param reps the team's reps in their stable order (by rep id)
   * @param excluded rep id → why that rep must not be offered this lead again
   * @param nextTurn takes the team's next turn (1, 2, 3…); called only when someone can be chosen,
   *     so a lead nobody can take uses up no turn
   */
  public static Selection select(
      Team team, List<Rep> reps, Map<String, String> excluded, LongSupplier nextTurn) {
    List<Rep> candidates = new ArrayList<>();
    List<Selection.Skipped> skipped = new ArrayList<>();
    for (Rep rep : reps) {
      if (!rep.active()) {
        skipped.add(new Selection.Skipped(rep, "inactive"));
      } else if (excluded.containsKey(rep.repId())) {
        skipped.add(new Selection.Skipped(rep, excluded.get(rep.repId())));
      } else {
        candidates.add(rep);
      }
    }
    if (candidates.isEmpty()) {
      return new Selection.NoneLeft("no active rep left in team " + team.name(), skipped);
    }
    long turn = nextTurn.getAsLong();
    // Turns start at 1; floorMod keeps a counter that was ever reset or wrapped in range.
    Rep chosen = candidates.get((int) Math.floorMod(turn - 1, (long) candidates.size()));
    return new Selection.Chosen(chosen, turn, skipped);
  }
}
