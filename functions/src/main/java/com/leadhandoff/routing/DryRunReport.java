package com.leadhandoff.routing;

import com.leadhandoff.intake.FieldError;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreHistory;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a dry run found: where each lead would go and why, and how the leads spread over teams and
 * reps.
 *
 * @param leads one result per lead, in file order
 * @param reps every active rep of the directory, so a rep who would get nothing shows as 0
 */
public record DryRunReport(List<LeadResult> leads, List<Rep> reps) {
  public DryRunReport {
    leads = List.copyOf(leads);
    reps = List.copyOf(reps);
  }

  /**
   * One lead and what would happen to it.
   *
   * @param number its position in the leads file, from 1
   * @param label its email address, or {@code lead N}
   */
  public record LeadResult(int number, String label, Outcome outcome) {}

  /** What would happen to one lead. */
  public sealed interface Outcome {}

  /** Intake would refuse the lead (or drop it as a bot); it would never be scored. */
  public record Refused(List<FieldError> errors) implements Outcome {
    public Refused {
      errors = List.copyOf(errors);
    }
  }

  /**
   * The lead scores below the MQL threshold: marketing keeps nurturing it.
   *
   * @param threshold the model's MQL threshold, for the report
   */
  public record Nurtured(Score score, int threshold) implements Outcome {}

  /**
   * The lead would be offered to {@code rep}.
   *
   * @param turn the team's simulated round-robin turn that picked the rep; 0 for an owner
   * @param ownership why the rep owns the lead's company and is offered it first, taking no turn;
   *     empty when the rules and the round robin chose the rep
   */
  public record Routed(
      Score score,
      RoutingRules.Decision decision,
      Team team,
      Rep rep,
      long turn,
      java.util.Optional<String> ownership)
      implements Outcome {
    /** A rep chosen by the rules and the round robin. */
    public Routed(Score score, RoutingRules.Decision decision, Team team, Rep rep, long turn) {
      this(score, decision, team, rep, turn, java.util.Optional.empty());
    }
  }

  /** The rules pick a team, but nobody in it could be offered the lead. */
  public record NoRep(Score score, RoutingRules.Decision decision, String reason)
      implements Outcome {}

  /** Team id → leads it would get, for routed leads only; in team id order. */
  public Map<String, Integer> perTeam() {
    Map<String, Integer> perTeam = new TreeMap<>();
    routed().forEach(r -> perTeam.merge(r.team().teamId(), 1, Integer::sum));
    return perTeam;
  }

  /**
   * Rep id → leads the rep would be offered, with every active rep listed; by team, then rep id.
   */
  public Map<String, Integer> perRep() {
    Map<String, Integer> perRep = new LinkedHashMap<>();
    reps.stream()
        .sorted(Comparator.comparing(Rep::teamId).thenComparing(Rep::repId))
        .forEach(rep -> perRep.put(rep.repId(), 0));
    routed().forEach(r -> perRep.merge(r.rep().repId(), 1, Integer::sum));
    return perRep;
  }

  private List<Routed> routed() {
    return leads.stream()
        .map(LeadResult::outcome)
        .filter(o -> o instanceof Routed)
        .map(o -> (Routed) o)
        .toList();
  }

  /** Writes the report for a person: a line per lead with the why below it, then the totals. */
  public void print(PrintStream out) {
    out.printf(
        "%3s  %-40s %5s  %-4s  %-24s %-16s %s%n",
        "#", "lead", "score", "tier", "rule", "team", "rep");
    for (LeadResult lead : leads) {
      printLead(out, lead);
    }
    out.println();
    out.println("Leads per team:");
    perTeam().forEach((team, count) -> out.printf("  %-24s %3d%n", team, count));
    count(out, "(nurtured)", Nurtured.class);
    count(out, "(refused by intake)", Refused.class);
    count(out, "(nobody in the team)", NoRep.class);
    out.println("Leads per rep:");
    Map<String, String> teamOf = reps.stream().collect(Collectors.toMap(Rep::repId, Rep::teamId));
    perRep()
        .forEach(
            (rep, count) ->
                out.printf("  %-24s %3d   %s%n", rep, count, teamOf.getOrDefault(rep, "")));
  }

  private void count(PrintStream out, String what, Class<? extends Outcome> kind) {
    long count = leads.stream().filter(l -> kind.isInstance(l.outcome())).count();
    if (count > 0) {
      out.printf("  %-24s %3d%n", what, count);
    }
  }

  private static void printLead(PrintStream out, LeadResult lead) {
    String row = "%3d  %-40s %5s  %-4s  %-24s %-16s %s%n";
    Outcome outcome = lead.outcome();
    if (outcome instanceof Refused) {
      out.printf(row, lead.number(), lead.label(), "", "", "-", "-", "refused by intake");
    } else if (outcome instanceof Nurtured nurtured) {
      Score score = nurtured.score();
      out.printf(
          row, lead.number(), lead.label(), score.points(), tier(score), "-", "-", "nurtured");
    } else if (outcome instanceof Routed routed) {
      Score score = routed.score();
      out.printf(
          row,
          lead.number(),
          lead.label(),
          score.points(),
          tier(score),
          routed.ownership().isPresent() ? "(account owner)" : ruleId(routed.decision()),
          routed.team().teamId(),
          routed.rep().repId()
              + (routed.ownership().isPresent() ? " (owner)" : " (turn " + routed.turn() + ")"));
    } else {
      NoRep none = (NoRep) outcome;
      Score score = none.score();
      out.printf(
          row,
          lead.number(),
          lead.label(),
          score.points(),
          tier(score),
          ruleId(none.decision()),
          none.decision().teamId(),
          "nobody");
    }
    out.println("     why: " + why(outcome));
  }

  /** Why {@code outcome} is what would happen, in a sentence. */
  public static String why(Outcome outcome) {
    if (outcome instanceof Refused refused) {
      return refused.errors().isEmpty()
          ? "the honeypot field is filled in, so intake drops it as a bot"
          : refused.errors().stream()
              .map(e -> e.field() + " " + e.problem())
              .collect(Collectors.joining("; "));
    }
    if (outcome instanceof Nurtured nurtured) {
      return "score "
          + nurtured.score().points()
          + " is below the MQL threshold "
          + nurtured.threshold()
          + "; scored by: "
          + rules(nurtured.score());
    }
    if (outcome instanceof Routed routed) {
      return routed
              .ownership()
              .map(o -> o + ", offered first (the rules: " + routed.decision().why() + ")")
              .orElse(routed.decision().why())
          + "; scored by: "
          + rules(routed.score());
    }
    NoRep none = (NoRep) outcome;
    return none.decision().why() + "; " + none.reason();
  }

  /** The id of the rule that decided, or {@code (fallback)}. */
  public static String ruleId(RoutingRules.Decision decision) {
    return decision.rule().map(RoutingRule::id).orElse("(fallback)");
  }

  private static String tier(Score score) {
    return score.tier().name().toLowerCase(Locale.ROOT);
  }

  private static String rules(Score score) {
    return ScoreHistory.rules(score);
  }
}
