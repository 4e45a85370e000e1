package com.leadhandoff.scoring;

import com.leadhandoff.history.HistoryEvent;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** How a score is written into a lead's history, so managers can read why it went where it went. */
public final class ScoreHistory {
  /** The history event type of a scoring decision. */
  public static final String SCORED = "SCORED";

  private ScoreHistory() {}

  /** The event recording {@code score}, judged against {@code mqlThreshold}. */
  public static HistoryEvent scored(Score score, int mqlThreshold, Instant at) {
    String verdict =
        score.qualified()
            ? "qualified, at or above the MQL threshold " + mqlThreshold
            : "not qualified, below the MQL threshold " + mqlThreshold;
    return new HistoryEvent(
        at,
        SCORED,
        "Scored "
            + score.points()
            + " ("
            + score.tier().name().toLowerCase(java.util.Locale.ROOT)
            + "): "
            + verdict,
        Map.of(
            "points", Integer.toString(score.points()),
            "tier", score.tier().name(),
            "qualified", Boolean.toString(score.qualified()),
            "mqlThreshold", Integer.toString(mqlThreshold),
            "rules", rules(score)));
  }

  /** The rules that fired with their points, e.g. {@code "demo-request +30, free-email -20"}. */
  public static String rules(Score score) {
    if (score.reasons().isEmpty()) {
      return "none fired";
    }
    return score.reasons().stream()
        .map(r -> r.rule() + " " + (r.points() >= 0 ? "+" : "") + r.points())
        .collect(Collectors.joining(", "));
  }
}
