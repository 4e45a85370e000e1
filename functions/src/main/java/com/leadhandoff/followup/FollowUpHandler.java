package com.leadhandoff.followup;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.outcome.OutcomeSettings;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.workflow.Turns;
import java.util.Map;

/**
 * Step {@code Follow Up}: a rep accepted the lead. The state machine discards the result; it is
 * returned for the execution history.
 */
public final class FollowUpHandler
    extends TaskHandler<FollowUpHandler.Input, FollowUpHandler.Result> {

  /** The task input: the accepted lead. */
  public record Input(String leadId, Map<String, Object> answer) {
    /** Follows up a lead without checking an answer, as the watchdog and tests do. */
    public Input(String leadId) {
      this(leadId, null);
    }
  }

  /**
   * What happened.
   *
   * @param outcome FOLLOWED_UP or ALREADY_FOLLOWED_UP
   * @param repId the rep who owns the lead
   */
  public record Result(String outcome, String repId) {}

  private final FollowUp followUp;

  /** For Lambda: collaborators from the function's settings. */
  public FollowUpHandler() {
    this(Settings.current());
  }

  private FollowUpHandler(Settings settings) {
    this(
        new FollowUp(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            new DynamoDirectory(
                AwsClients.dynamo(),
                settings.require("TEAMS_TABLE"),
                settings.require("REPS_TABLE")),
            LeadHistories.of(settings),
            Mailers.from(settings),
            settings.clock(),
            FollowUps.bundled(),
            OutcomeSettings.issuer(settings)));
  }

  /** For tests: the follow-up to run. */
  public FollowUpHandler(FollowUp followUp) {
    super(Input.class);
    this.followUp = followUp;
  }

  @Override
  protected Result handle(Input input) {
    Map<String, Object> answer = input.answer();
    // The wait's answer ($.answer): the rep's acceptance, or the turn Move Offer On took when the
    // rep accepted as the last wait ended. Anything else parks the lead, so a person sorts out who
    // owns it (OfferAnswers: only an acceptance resumes a wait with a result).
    if (answer != null
        && !"ACCEPTED".equals(answer.get("outcome"))
        && !Turns.ACCEPTED_MEANWHILE.equals(answer.get("Error"))) {
      throw new UnexpectedAnswer("Follow Up expects an acceptance, the wait ended with " + answer);
    }
    FollowUpOutcome outcome = followUp.followUp(input.leadId());
    return new Result(
        outcome instanceof FollowUpOutcome.FollowedUp ? "FOLLOWED_UP" : "ALREADY_FOLLOWED_UP",
        outcome.repId());
  }
}
