package com.leadhandoff.report;

import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.sla.SlaFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Works out a report's {@link Calibration} from the SLA facts of the period's leads. */
final class ScoreCalibration {
  /** The outcomes that make a lead SQL: a meeting or a win implies it was qualified first. */
  private static final Set<Outcome> SQL_OR_LATER =
      Set.of(Outcome.SQL, Outcome.MEETING, Outcome.WON);

  private ScoreCalibration() {}

  static Calibration of(Collection<SlaFacts> facts) {
    Map<String, int[]> tiers = new LinkedHashMap<>();
    for (Score.Tier tier : Score.Tier.values()) {
      tiers.put(tier.name(), new int[2]);
    }
    Map<String, int[]> otherTiers = new TreeMap<>();
    int[] unscored = new int[2];
    Map<String, int[]> rules = new TreeMap<>();
    for (SlaFacts f : facts) {
      boolean sql = becameSql(f);
      Optional<String> tier = f.origin().tier().filter(t -> !t.isBlank());
      int[] tierCount =
          tier.isEmpty()
              ? unscored
              : tiers.containsKey(tier.get())
                  ? tiers.get(tier.get())
                  : otherTiers.computeIfAbsent(tier.get(), t -> new int[2]);
      add(tierCount, sql);
      // A rule listed twice for one lead still counts the lead once.
      f.origin().scoringRules().stream()
          .distinct()
          .forEach(rule -> add(rules.computeIfAbsent(rule, r -> new int[2]), sql));
    }
    tiers.putAll(otherTiers);
    if (unscored[0] > 0) {
      tiers.put(GroupBy.NONE, unscored);
    }
    return new Calibration(rows(tiers), rows(rules));
  }

  /**
   * Whether the lead became SQL: it has an owner and one of them reported SQL or a later stage (the
   * funnel's SQL stage counts the same leads).
   */
  static boolean becameSql(SlaFacts f) {
    return f.owner().isPresent() && f.outcomes().keySet().stream().anyMatch(SQL_OR_LATER::contains);
  }

  private static void add(int[] count, boolean sql) {
    count[0]++;
    if (sql) {
      count[1]++;
    }
  }

  private static List<Calibration.Row> rows(Map<String, int[]> counts) {
    List<Calibration.Row> rows = new ArrayList<>();
    counts.forEach(
        (name, c) ->
            rows.add(
                new Calibration.Row(name, c[0], c[1], SlaReportCalculator.share(c[1], c[0], 3))));
    return rows;
  }
}
