package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RoundRobinTest {
  private static final Team TEAM =
      new Team("inbound-sales", "Inbound Sales", "Morgan Lee", "morgan@sales.test", true);
  private static final Rep ANA = rep("ana-ruiz", "Ana Ruiz", true);
  private static final Rep BEN = rep("ben-okafor", "Ben Okafor", true);
  private static final Rep CHLOE = rep("chloe-martin", "Chloe Martin", true);

  private final AtomicLong counter = new AtomicLong();

  @Test
  void consecutiveTurns_goRoundTheRepsInOrder() {
    List<String> chosen = new ArrayList<>();
    for (int lead = 0; lead < 6; lead++) {
      chosen.add(
          chosen(
              RoundRobin.select(
                  TEAM, List.of(ANA, BEN, CHLOE), Map.of(), counter::incrementAndGet)));
    }
    assertEquals(
        List.of("ana-ruiz", "ben-okafor", "chloe-martin", "ana-ruiz", "ben-okafor", "chloe-martin"),
        chosen);
  }

  @Test
  void turnPastTheEnd_wrapsAroundToTheFirstRep() {
    List<Rep> reps = List.of(ANA, BEN, CHLOE);
    assertEquals("ana-ruiz", chosen(RoundRobin.select(TEAM, reps, Map.of(), () -> 4)));
    assertEquals("chloe-martin", chosen(RoundRobin.select(TEAM, reps, Map.of(), () -> 99)));
    assertEquals("ana-ruiz", chosen(RoundRobin.select(TEAM, reps, Map.of(), () -> 100)));
  }

  @Test
  void repsAlreadyOffered_areNeverChosen_andSaidWhy() {
    Selection selection =
        RoundRobin.select(
            TEAM,
            List.of(ANA, BEN, CHLOE),
            Map.of("ana-ruiz", "already offered", "chloe-martin", "declined"),
            () -> 1);

    Selection.Chosen chosen = assertInstanceOf(Selection.Chosen.class, selection);
    assertEquals(BEN, chosen.rep());
    assertEquals(
        List.of(
            new Selection.Skipped(ANA, "already offered"),
            new Selection.Skipped(CHLOE, "declined")),
        chosen.skipped());
  }

  @Test
  void remainingCandidates_shareTheTurns() {
    Map<String, String> excluded = Map.of("ben-okafor", "already offered");
    List<Rep> reps = List.of(ANA, BEN, CHLOE);
    assertEquals("ana-ruiz", chosen(RoundRobin.select(TEAM, reps, excluded, () -> 1)));
    assertEquals("chloe-martin", chosen(RoundRobin.select(TEAM, reps, excluded, () -> 2)));
    assertEquals("ana-ruiz", chosen(RoundRobin.select(TEAM, reps, excluded, () -> 3)));
  }

  @Test
  void inactiveReps_areSkipped() {
    Rep away = rep("aaron-price", "Aaron Price", false);
    Selection selection =
        RoundRobin.select(TEAM, List.of(away, ANA, BEN), Map.of(), counter::incrementAndGet);

    Selection.Chosen chosen = assertInstanceOf(Selection.Chosen.class, selection);
    assertEquals(ANA, chosen.rep());
    assertEquals(List.of(new Selection.Skipped(away, "inactive")), chosen.skipped());
  }

  @Test
  void emptyTeam_leavesNobody_andTakesNoTurn() {
    Selection selection = RoundRobin.select(TEAM, List.of(), Map.of(), counter::incrementAndGet);

    Selection.NoneLeft none = assertInstanceOf(Selection.NoneLeft.class, selection);
    assertEquals("no active rep left in team Inbound Sales", none.reason());
    assertEquals(0, counter.get());
  }

  @Test
  void everyRepAlreadyOffered_leavesNobody_withEverySkipExplained() {
    Selection selection =
        RoundRobin.select(
            TEAM,
            List.of(ANA, BEN),
            Map.of("ana-ruiz", "declined", "ben-okafor", "let offer 002 expire"),
            counter::incrementAndGet);

    Selection.NoneLeft none = assertInstanceOf(Selection.NoneLeft.class, selection);
    assertEquals(
        List.of(
            new Selection.Skipped(ANA, "declined"),
            new Selection.Skipped(BEN, "let offer 002 expire")),
        none.skipped());
    assertEquals(0, counter.get());
  }

  @Test
  void chosen_carriesTheTurnThatPickedIt() {
    Selection.Chosen chosen =
        assertInstanceOf(
            Selection.Chosen.class, RoundRobin.select(TEAM, List.of(ANA, BEN), Map.of(), () -> 7));
    assertEquals(7, chosen.turn());
    assertEquals(ANA, chosen.rep());
  }

  private static String chosen(Selection selection) {
    return assertInstanceOf(Selection.Chosen.class, selection).rep().repId();
  }

  private static Rep rep(String id, String name, boolean active) {
    return new Rep(id, name, id + "@sales.test", "inbound-sales", active);
  }
}
