package com.leadhandoff.scoring;

import java.util.List;

/**
 * A lead's score and why.
 *
 * @param points 0 to 100
 * @param qualified whether the points reach the model's MQL threshold
 * @param reasons every rule that fired, with its points, in model order
 */
public record Score(int points, Tier tier, boolean qualified, List<Reason> reasons) {
  public Score {
    reasons = List.copyOf(reasons);
  }

  /** How urgently sales should respond. */
  public enum Tier {
    HOT,
    WARM,
    COLD
  }

  /**
   * One rule that fired.
   *
   * @param rule the rule's id in the scoring model
   * @param description what the rule means, as shown to the rep
   * @param points what it added (negative for negative rules)
   */
  public record Reason(String rule, String description, int points) {}
}
