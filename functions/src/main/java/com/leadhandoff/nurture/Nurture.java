package com.leadhandoff.nurture;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreHistory;
import java.time.Instant;
import java.util.Map;

/**
 * What nurturing a lead says: the history entry with why. The prospect was thanked by {@code
 * Acknowledge Lead} before, without a promise of a call.
 */
public final class Nurture {
  /** The history event type recorded once the prospect was acknowledged. */
  public static final String NURTURED = "NURTURED";

  private Nurture() {}

  /** The history event saying the lead went to nurture, and why. */
  public static HistoryEvent nurtured(Score score, int mqlThreshold, Instant at) {
    String reason =
        "scored "
            + score.points()
            + ", below the MQL threshold "
            + mqlThreshold
            + "; rules: "
            + ScoreHistory.rules(score);
    return new HistoryEvent(
        at,
        NURTURED,
        "Handed back to marketing for nurture: " + reason,
        Map.of(
            "reason",
            reason,
            "points",
            Integer.toString(score.points()),
            "mqlThreshold",
            Integer.toString(mqlThreshold)));
  }
}
