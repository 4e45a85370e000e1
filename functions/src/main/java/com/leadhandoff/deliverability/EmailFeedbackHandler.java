package com.leadhandoff.deliverability;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.email.SesMailer;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadFlags;
import com.leadhandoff.store.DynamoRepAdminStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.util.List;

/**
 * The EventBridge rule's target for SES bounce and complaint events of the stack's configuration
 * set (see {@link EmailFeedback} for the event).
 */
public final class EmailFeedbackHandler extends TaskHandler<JsonNode, EmailFeedbackHandler.Result> {

  /** What was done, per address, for the invocation's log. */
  public record Result(String kind, List<EmailFeedbackHandling.Action> actions) {}

  private final EmailFeedbackHandling handling;

  /** For Lambda: collaborators from the function's settings. */
  public EmailFeedbackHandler() {
    this(Settings.current());
  }

  private EmailFeedbackHandler(Settings settings) {
    this(
        new EmailFeedbackHandling(
            new DynamoRepAdminStore(
                AwsClients.dynamo(),
                settings.require("TEAMS_TABLE"),
                settings.require("REPS_TABLE")),
            LeadHistories.of(settings),
            new DynamoLeadFlags(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            Mailers.from(settings),
            settings.require("FALLBACK_MANAGER_ADDRESS"),
            settings.clock()));
  }

  /** For tests: the handling to run. */
  public EmailFeedbackHandler(EmailFeedbackHandling handling) {
    super(JsonNode.class);
    this.handling = handling;
  }

  @Override
  protected Result handle(JsonNode event) {
    EmailFeedback feedback = EmailFeedback.from(event, SesMailer.LEAD_ID_TAG);
    return new Result(feedback.kind().name(), handling.handle(feedback));
  }
}
