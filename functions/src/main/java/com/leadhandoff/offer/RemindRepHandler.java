package com.leadhandoff.offer;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import com.leadhandoff.workflow.Workflow;
import java.time.Clock;

/**
 * Reminds the rep of an offer still open and waits on with a new task token: the reminder waits of
 * "Offer To Rep" (see {@link OfferToRepHandler}), invoked with {@code .waitForTaskToken}, so the
 * workflow waits for the rep's answer, not for this return.
 */
public final class RemindRepHandler
    extends TaskHandler<RemindRepHandler.Input, RemindRepHandler.Output> {

  /**
   * The task's payload.
   *
   * @param reminder the reminder due ({@code $.route.next}); only its number is read
   * @param taskToken the token of the reminder's wait
   */
  public record Input(String leadId, String offerId, Reminder reminder, String taskToken) {}

  /** The part of {@code $.route.next} this step needs. */
  public record Reminder(int number) {}

  /** What was done; the workflow ignores it, but the execution history shows it. */
  public record Output(String offerId, int reminder, OfferReminders.Result result) {}

  private final OfferReminders reminders;

  public RemindRepHandler() {
    this(Settings.current());
  }

  private RemindRepHandler(Settings settings) {
    this(
        new DynamoOfferStore(AwsClients.dynamo(), settings.require("OFFERS_TABLE")),
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        Mailers.from(settings),
        // Callbacks need no state machine ARN: the task token names the waiting task. Built on the
        // first reminder: Offer To Rep's first offer, its commonest run, never answers a token.
        new StepFunctionsWorkflow(AwsClients.stepFunctionsOnFirstUse(), ""),
        settings.clock());
  }

  public RemindRepHandler(
      OfferStore offers,
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      Workflow workflow,
      Clock clock) {
    super(Input.class);
    this.reminders = new OfferReminders(offers, leads, history, mailer, workflow, clock);
  }

  @Override
  protected Output handle(Input input) {
    if (input.reminder() == null || input.taskToken() == null) {
      throw new IllegalArgumentException(
          "Remind Rep needs leadId, offerId, reminder.number and taskToken");
    }
    int number = input.reminder().number();
    return new Output(
        input.offerId(),
        number,
        reminders.remind(input.leadId(), input.offerId(), number, input.taskToken()));
  }
}
