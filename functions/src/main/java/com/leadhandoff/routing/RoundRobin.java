package com.leadhandoff.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Weighted round robin over a team's reps. Inactive, paused and out-of-office reps and reps this
 * lead was already offered to are passed over; reps outside working hours too while a colleague is
 * working. The team's turn number picks among the rest. Turns come from an atomic counter and map
 * to one slot each of a fixed schedule, so two leads routed at the same moment get different turns
 * and, with the same candidates, different slots.
 */
public final class RoundRobin {
  private RoundRobin() {}

  /**
   * Chooses the rep for the next offer, at no particular time: only the pause switch counts.
   *
   * @see #select(Team, List, Map, Availability, LongSupplier)
   */
  public static Selection select(
      Team team, List<Rep> reps, Map<String, String> excluded, LongSupplier nextTurn) {
    return select(team, reps, excluded, Availability.timeless(), nextTurn);
  }

  /**
   * Chooses the rep for the next offer.
   *
   * @param team the team the lead goes to
   * @param reps the team's reps in their stable order (by rep id)
   * @param excluded rep id → why that rep must not be offered this lead again
   * @param availability who is paused, away or off shift at the moment of routing
   * @param nextTurn takes the team's next turn (1, 2, 3…); called only when someone can be chosen,
   *     so a lead nobody can take uses up no turn
   */
  public static Selection select(
      Team team,
      List<Rep> reps,
      Map<String, String> excluded,
      Availability availability,
      LongSupplier nextTurn) {
    List<Rep> working = new ArrayList<>();
    List<Selection.Skipped> offShift = new ArrayList<>();
    List<Selection.Skipped> skipped = new ArrayList<>();
    for (Rep rep : reps) {
      Optional<String> away = availability.away(rep);
      Optional<String> offHours = availability.offHours(rep);
      if (!rep.active()) {
        skipped.add(new Selection.Skipped(rep, "inactive"));
      } else if (excluded.containsKey(rep.repId())) {
        skipped.add(new Selection.Skipped(rep, excluded.get(rep.repId())));
      } else if (away.isPresent()) {
        skipped.add(new Selection.Skipped(rep, away.get()));
      } else if (offHours.isPresent()) {
        offShift.add(new Selection.Skipped(rep, offHours.get()));
      } else {
        working.add(rep);
      }
    }
    Optional<String> caveat = Optional.empty();
    List<Rep> candidates = working;
    if (working.isEmpty() && !offShift.isEmpty()) {
      // Nobody is on shift: offering now still beats leaving the lead unowned, and its deadline
      // only starts counting at the team's next opening.
      candidates = offShift.stream().map(Selection.Skipped::rep).toList();
      caveat = Optional.of("nobody in the team is in working hours, so offered outside them");
    } else {
      skipped.addAll(offShift);
    }
    if (candidates.isEmpty()) {
      return new Selection.NoneLeft("no active rep left in team " + team.name(), skipped);
    }
    long turn = nextTurn.getAsLong();
    List<Rep> slots = schedule(candidates);
    // Turns start at 1; floorMod keeps a counter that was ever reset or wrapped in range.
    Rep chosen = slots.get((int) Math.floorMod(turn - 1, (long) slots.size()));
    return new Selection.Chosen(chosen, turn, ordered(skipped, reps), caveat);
  }

  /**
   * One round of turns: every rep appears as often as their weight, interleaved (smooth weighted
   * round robin, as nginx balances upstreams) so a heavy rep's turns are spread over the round
   * instead of coming back to back. Depends only on the candidates, so every router computes the
   * same schedule and the atomic turn alone decides the slot.
   */
  static List<Rep> schedule(List<Rep> reps) {
    int total = reps.stream().mapToInt(Rep::weight).sum();
    int[] current = new int[reps.size()];
    List<Rep> slots = new ArrayList<>(total);
    for (int slot = 0; slot < total; slot++) {
      int best = 0;
      for (int i = 0; i < reps.size(); i++) {
        current[i] += reps.get(i).weight();
        if (current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      slots.add(reps.get(best));
    }
    return slots;
  }

  /** Skipped reps in the team's order, so the history reads the same way every time. */
  private static List<Selection.Skipped> ordered(List<Selection.Skipped> skipped, List<Rep> reps) {
    List<Selection.Skipped> sorted = new ArrayList<>(skipped);
    sorted.sort((a, b) -> Integer.compare(reps.indexOf(a.rep()), reps.indexOf(b.rep())));
    return sorted;
  }
}
