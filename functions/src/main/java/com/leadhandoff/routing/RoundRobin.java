package com.leadhandoff.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Weighted round robin over a team's reps. Inactive, paused and out-of-office reps and reps this
 * lead was already offered to are passed over; reps outside working hours too while a colleague is
 * working, and reps at one of their caps. The team's turn number picks among the rest. Turns come
 * from an atomic counter and map to one slot each of a fixed schedule, so two leads routed at the
 * same moment get different turns and, with the same candidates, different slots.
 */
public final class RoundRobin {
  private RoundRobin() {}

  /** What choosing a rep claims in the store: a place under the caps, a credited turn. */
  public interface Claims {
    /** No caps and no credits: for simulations. */
    Claims NONE =
        new Claims() {
          @Override
          public Optional<String> reserve(Rep rep) {
            return Optional.empty();
          }

          @Override
          public Set<String> withCredit(List<Rep> reps) {
            return Set.of();
          }

          @Override
          public boolean useCredit(Rep rep) {
            return false;
          }

          @Override
          public void refundCredit(Rep rep) {}
        };

    /** Takes a place under the rep's caps; empty when taken, else which cap is full. */
    Optional<String> reserve(Rep rep);

    /** Ids of the reps who seem to hold a credited turn. */
    Set<String> withCredit(List<Rep> reps);

    /** Spends the rep's credited turn; false when another lead spent it first. */
    boolean useCredit(Rep rep);

    /** Puts back a credit spent on a rep who then had no room under a cap. */
    void refundCredit(Rep rep);
  }

  /**
   * Chooses the rep for the next offer, at no particular time and without caps: only the pause
   * switch counts.
   *
   * @see #select(Team, List, Map, Availability, Claims, LongSupplier)
   */
  public static Selection select(
      Team team, List<Rep> reps, Map<String, String> excluded, LongSupplier nextTurn) {
    return select(team, reps, excluded, Availability.timeless(), Claims.NONE, nextTurn);
  }

  /**
   * Chooses the rep for the next offer.
   *
   * @param team the team the lead goes to
   * @param reps the team's reps in their stable order (by rep id)
   * @param excluded rep id → why that rep must not be offered this lead again
   * @param availability who is paused, away or off shift at the moment of routing
   * @param claims places under the reps' caps and their credited turns. A rep holding a credit is
   *     chosen first, without taking a turn; otherwise reps are asked for room in schedule order
   *     from the turn's slot on, so a rep at a cap passes the turn to the next rep of the round
   * @param nextTurn takes the team's next turn (1, 2, 3…); called only when someone can be chosen,
   *     so a lead nobody can take uses up no turn (unless everyone turns out to be at a cap)
   */
  public static Selection select(
      Team team,
      List<Rep> reps,
      Map<String, String> excluded,
      Availability availability,
      Claims claims,
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
    if (working.isEmpty() && offShift.isEmpty()) {
      return new Selection.NoneLeft("no active rep left in team " + team.name(), skipped);
    }
    List<Selection.Skipped> full = new ArrayList<>();
    // A credited turn goes first and takes no turn from the counter; 0 marks it in the history.
    long turn = 0;
    Optional<Rep> chosen = credited(working, claims, full);
    if (chosen.isEmpty() && !working.isEmpty()) {
      turn = nextTurn.getAsLong();
      chosen = reserveInTurn(working, turn, claims, full);
    }
    if (chosen.isPresent()) {
      skipped.addAll(offShift);
      skipped.addAll(full);
      return new Selection.Chosen(chosen.get(), turn, ordered(skipped, reps));
    }
    // Nobody on shift can take it: offering now still beats leaving the lead unowned, and its
    // deadline only starts counting at the team's next opening.
    List<Rep> offShiftReps = offShift.stream().map(Selection.Skipped::rep).toList();
    chosen = credited(offShiftReps, claims, full);
    if (chosen.isEmpty() && !offShiftReps.isEmpty()) {
      turn = turn == 0 ? nextTurn.getAsLong() : turn;
      chosen = reserveInTurn(offShiftReps, turn, claims, full);
    }
    skipped.addAll(full);
    if (chosen.isEmpty()) {
      skipped.addAll(offShift.stream().filter(s -> !tried(full, s.rep())).toList());
      return new Selection.NoneLeft(
          "every available rep in team " + team.name() + " is at a cap", ordered(skipped, reps));
    }
    String caveat =
        working.isEmpty()
            ? "nobody in the team is in working hours, so offered outside them"
            : "everyone in working hours is at a cap, so offered outside them";
    return new Selection.Chosen(chosen.get(), turn, ordered(skipped, reps), Optional.of(caveat));
  }

  /** The first candidate, in team order, who holds a credited turn and has room under the caps. */
  private static Optional<Rep> credited(
      List<Rep> candidates, Claims claims, List<Selection.Skipped> full) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Set<String> holders = claims.withCredit(candidates);
    for (Rep rep : candidates) {
      if (!holders.contains(rep.repId()) || tried(full, rep) || !claims.useCredit(rep)) {
        continue;
      }
      Optional<String> why = claims.reserve(rep);
      if (why.isEmpty()) {
        return Optional.of(rep);
      }
      claims.refundCredit(rep);
      full.add(new Selection.Skipped(rep, why.get()));
    }
    return Optional.empty();
  }

  /** The first rep from the turn's slot on who has room under their caps; the full ones noted. */
  private static Optional<Rep> reserveInTurn(
      List<Rep> candidates, long turn, Claims claims, List<Selection.Skipped> full) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<Rep> slots = schedule(candidates);
    // Turns start at 1; floorMod keeps a counter that was ever reset or wrapped in range.
    int first = (int) Math.floorMod(turn - 1, (long) slots.size());
    for (int i = 0; i < slots.size(); i++) {
      Rep rep = slots.get((first + i) % slots.size());
      if (tried(full, rep)) {
        continue;
      }
      Optional<String> why = claims.reserve(rep);
      if (why.isEmpty()) {
        return Optional.of(rep);
      }
      full.add(new Selection.Skipped(rep, why.get()));
    }
    return Optional.empty();
  }

  private static boolean tried(List<Selection.Skipped> full, Rep rep) {
    return full.stream().anyMatch(s -> s.rep().equals(rep));
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
