package com.leadhandoff.scoring;

import com.leadhandoff.lead.Submission;
import java.util.List;

/**
 * The qualification criteria marketing and sales agreed on, as loaded from {@code
 * config/scoring-model.yaml} by {@link ScoringModels}.
 *
 * @param mqlThreshold the points (0 to 100) a lead needs to be qualified and handed to sales
 * @param tiers the points at which a lead is hot or warm
 * @param rules every rule, fit first, then intent, then negative, each list in file order
 */
public record ScoringModel(int mqlThreshold, Tiers tiers, List<Rule> rules) {
  public ScoringModel {
    rules = List.copyOf(rules);
  }

  /**
   * Tier cut-offs.
   *
   * @param hot the least points of a hot lead
   * @param warm the least points of a warm lead; fewer is cold
   */
  public record Tiers(int hot, int warm) {
    /** The tier of a lead with {@code points}. */
    public Score.Tier of(int points) {
      return points >= hot ? Score.Tier.HOT : points >= warm ? Score.Tier.WARM : Score.Tier.COLD;
    }
  }

  /** Scores a submission: every rule that fires, in model order, with the total kept in 0..100. */
  public Score score(Submission submission) {
    List<Score.Reason> reasons =
        rules.stream()
            .filter(rule -> rule.when().test(submission))
            .map(rule -> new Score.Reason(rule.id(), rule.description(), rule.points()))
            .toList();
    int total = reasons.stream().mapToInt(Score.Reason::points).sum();
    int points = Math.max(0, Math.min(100, total));
    return new Score(points, tiers.of(points), points >= mqlThreshold, reasons);
  }
}
