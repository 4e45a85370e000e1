package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.leadhandoff.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightedRoundRobinTest {
  private static final Team TEAM =
      new Team("inbound-sales", "Inbound Sales", "Morgan Lee", "morgan@sales.test", true);
  private static final RoundRobin.Claims NO_CAPS = RoundRobin.Claims.NONE;

  @ParameterizedTest(name = "weights {0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 1 1 | a b c",
        "1 2 1 | b a c b",
        "3 1 | a a b a",
        "2 2 | a b a b",
        "1 1 4 | c a c b c c",
        "5 | a a a a a",
      })
  void oneRound_givesEachRepTheirWeight_interleaved(String weights, String expected) {
    List<Rep> reps = reps(weights);
    AtomicLong counter = new AtomicLong();
    List<String> round = new ArrayList<>();
    for (int lead = 0; lead < expected.split(" ").length; lead++) {
      round.add(chosen(RoundRobin.select(TEAM, reps, Map.of(), counter::incrementAndGet)));
    }

    assertEquals(List.of(expected.split(" ")), round);
  }

  @ParameterizedTest(name = "weights {0}")
  @CsvSource({"1 2 3", "4 1", "1 1 1 7", "10 3 2"})
  void overManyRounds_turnsAreSharedExactlyByWeight(String weights) {
    List<Rep> reps = reps(weights);
    int perRound = reps.stream().mapToInt(Rep::weight).sum();
    int rounds = 50;
    Map<String, Integer> turns = new HashMap<>();
    // Turns taken out of order, as concurrent leads would, still fill every slot once a round.
    List<Long> numbers = new ArrayList<>();
    for (long turn = 1; turn <= (long) perRound * rounds; turn++) {
      numbers.add(turn);
    }
    Collections.shuffle(numbers, new Random(42));
    for (long turn : numbers) {
      turns.merge(chosen(RoundRobin.select(TEAM, reps, Map.of(), () -> turn)), 1, Integer::sum);
    }

    for (Rep rep : reps) {
      assertEquals(rep.weight() * rounds, turns.get(rep.repId()), rep.repId());
    }
  }

  @Test
  void awayReps_areSkipped_withWhy_andTheRestShareTheTurns() {
    Rep ana = rep("a", 1, false, List.of());
    Rep ben = rep("b", 1, false, List.of(new OutOfOffice(day("2026-11-23"), day("2026-11-27"))));
    Rep chloe = rep("c", 1, true, List.of());
    Rep dan = rep("d", 2, false, List.of());
    Availability monday =
        Availability.at(Instant.parse("2026-11-23T10:00:00Z"), t -> Optional.empty());

    Selection.Chosen chosen =
        assertInstanceOf(
            Selection.Chosen.class,
            RoundRobin.select(
                TEAM, List.of(ana, ben, chloe, dan), Map.of(), monday, NO_CAPS, () -> 1));

    assertEquals(dan, chosen.rep());
    assertEquals(
        List.of(
            new Selection.Skipped(ben, "out of office until 2026-11-27"),
            new Selection.Skipped(chloe, "paused")),
        chosen.skipped());
    assertEquals(Optional.empty(), chosen.caveat());
  }

  @Test
  void repOffShift_isSkipped_whileAColleagueWorks() {
    Rep berlin = rep("a", 1, false, List.of());
    Rep tokyo =
        new Rep(
            "t",
            "t",
            "t@sales.test",
            "inbound-sales",
            true,
            Optional.of(ZoneId.of("Asia/Tokyo")),
            1,
            false,
            Map.of(DayOfWeek.MONDAY, List.of(new WorkingInterval(540, 1020))),
            List.of());
    // 10:00 UTC is 19:00 in Tokyo: the Tokyo rep has gone home, the rep on team hours works.
    Availability monday =
        Availability.at(Instant.parse("2026-11-23T10:00:00Z"), t -> Optional.empty());

    for (long turn = 1; turn <= 4; turn++) {
      long taken = turn;
      Selection.Chosen chosen =
          assertInstanceOf(
              Selection.Chosen.class,
              RoundRobin.select(
                  TEAM, List.of(berlin, tokyo), Map.of(), monday, NO_CAPS, () -> taken));
      assertEquals(berlin, chosen.rep());
      assertEquals(
          List.of(
              new Selection.Skipped(
                  tokyo, "outside working hours (own hours; Mon 19:00 Asia/Tokyo)")),
          chosen.skipped());
    }
  }

  @Test
  void nobodyOnShift_leadStillGoesRound_andSaysSo() {
    Rep tokyo =
        new Rep(
            "t",
            "t",
            "t@sales.test",
            "inbound-sales",
            true,
            Optional.of(ZoneId.of("Asia/Tokyo")),
            1,
            false,
            Map.of(DayOfWeek.MONDAY, List.of(new WorkingInterval(540, 1020))),
            List.of());
    Rep paused = rep("p", 1, true, List.of());
    Availability monday =
        Availability.at(Instant.parse("2026-11-23T10:00:00Z"), t -> Optional.empty());

    Selection.Chosen chosen =
        assertInstanceOf(
            Selection.Chosen.class,
            RoundRobin.select(TEAM, List.of(paused, tokyo), Map.of(), monday, NO_CAPS, () -> 1));

    assertEquals(tokyo, chosen.rep());
    assertEquals(List.of(new Selection.Skipped(paused, "paused")), chosen.skipped());
    assertEquals(
        Optional.of("nobody in the team is in working hours, so offered outside them"),
        chosen.caveat());
  }

  @Test
  void everyoneAway_leavesNobody_andTakesNoTurn() {
    Rep paused = rep("p", 1, true, List.of());
    Rep away = rep("o", 1, false, List.of(new OutOfOffice(day("2026-11-23"), day("2026-11-23"))));
    AtomicLong counter = new AtomicLong();
    Availability monday =
        Availability.at(Instant.parse("2026-11-23T10:00:00Z"), t -> Optional.empty());

    Selection.NoneLeft none =
        assertInstanceOf(
            Selection.NoneLeft.class,
            RoundRobin.select(
                TEAM, List.of(paused, away), Map.of(), monday, NO_CAPS, counter::incrementAndGet));

    assertEquals(
        List.of(
            new Selection.Skipped(paused, "paused"),
            new Selection.Skipped(away, "out of office until 2026-11-23")),
        none.skipped());
    assertEquals(0, counter.get());
  }

  @ParameterizedTest(name = "credits {0}, spendable {1}, full {2} → {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // holders | credit still there | at a cap | chosen, turn taken, refunded
        "-   | -   | -   | a 1 -",
        "c   | c   | -   | c 0 -",
        "b c | b c | -   | b 0 -",
        "c   | -   | -   | a 1 -",
        "c   | c   | c   | a 1 c",
        "b c | b c | b   | c 0 b",
      })
  void creditedRep_goesFirst_withoutATurn_unlessTheCreditIsGoneOrTheyAreFull(
      String holders, String spendable, String full, String expected) {
    List<Rep> reps = reps("1 1 1");
    List<String> refunded = new ArrayList<>();
    AtomicLong counter = new AtomicLong();
    RoundRobin.Claims claims =
        new RoundRobin.Claims() {
          @Override
          public Optional<String> reserve(Rep rep) {
            return ids(full).contains(rep.repId()) ? Optional.of("at a cap") : Optional.empty();
          }

          @Override
          public Set<String> withCredit(List<Rep> candidates) {
            return Set.copyOf(ids(holders));
          }

          @Override
          public boolean useCredit(Rep rep) {
            return ids(spendable).contains(rep.repId());
          }

          @Override
          public void refundCredit(Rep rep) {
            refunded.add(rep.repId());
          }
        };
    Availability anytime =
        Availability.at(Instant.parse("2026-11-23T10:00:00Z"), t -> Optional.empty());

    Selection.Chosen chosen =
        assertInstanceOf(
            Selection.Chosen.class,
            RoundRobin.select(TEAM, reps, Map.of(), anytime, claims, counter::incrementAndGet));

    String[] want = expected.split(" ");
    assertEquals(want[0], chosen.rep().repId());
    assertEquals(Long.parseLong(want[1]), chosen.turn());
    assertEquals(Long.parseLong(want[1]), counter.get(), "a credited pick takes no turn");
    assertEquals(ids(want[2]), refunded);
  }

  private static List<String> ids(String text) {
    return text.isBlank() || text.equals("-") ? List.of() : List.of(text.trim().split(" "));
  }

  /** Reps a, b, c… with the given weights, in that order. */
  private static List<Rep> reps(String weights) {
    int[] values = Arrays.stream(weights.split(" ")).mapToInt(Integer::parseInt).toArray();
    List<Rep> reps = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      reps.add(rep(String.valueOf((char) ('a' + i)), values[i], false, List.of()));
    }
    return reps;
  }

  private static Rep rep(String id, int weight, boolean paused, List<OutOfOffice> away) {
    return new Rep(
        id,
        id,
        id + "@sales.test",
        "inbound-sales",
        true,
        Optional.of(ZoneId.of("UTC")),
        weight,
        paused,
        Map.of(),
        away);
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  private static String chosen(Selection selection) {
    return assertInstanceOf(Selection.Chosen.class, selection).rep().repId();
  }
}
