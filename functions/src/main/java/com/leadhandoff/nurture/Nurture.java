package com.leadhandoff.nurture;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreHistory;
import java.time.Instant;
import java.util.Map;

/** What nurturing a lead says: the prospect's acknowledgement and the history entry with why. */
public final class Nurture {
  /** The history event type recorded once the prospect was acknowledged. */
  public static final String NURTURED = "NURTURED";

  private Nurture() {}

  /** The acknowledgement email to the prospect, from templates {@code nurture.*}. */
  public static Email acknowledgement(Submission submission) {
    String firstName = submission.firstName() == null ? "" : submission.firstName().strip();
    return EmailTemplates.render(
        "nurture",
        submission.email(),
        Map.of("greetingName", firstName.isEmpty() ? "there" : firstName));
  }

  /** The history event saying the lead went to nurture, and why. */
  public static HistoryEvent nurtured(Score score, int mqlThreshold, String emailTo, Instant at) {
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
            Integer.toString(mqlThreshold),
            "acknowledgementTo",
            emailTo));
  }
}
