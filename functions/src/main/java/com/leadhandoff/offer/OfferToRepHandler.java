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
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * "Offer To Rep": the offer's every wait for the rep's answer. Invoked with {@code
 * .waitForTaskToken}, so the workflow waits for the answer, not for this return value. The first
 * wait stores the offer and emails the rep their link; each later one (the route's {@code reminder}
 * set by "Move Offer On") reminds the rep and moves the wait to the new token, or passes on an
 * answer that raced the reminder. One state for both keeps a reminder at two state transitions
 * (this wait and the step before it).
 */
public final class OfferToRepHandler
    extends TaskHandler<OfferToRepHandler.Input, OfferToRepHandler.Output> {

  /** The task's payload: the lead, the chosen rep ({@code $.route}) and the task token. */
  public record Input(String leadId, OfferRoute route, String taskToken) {}

  /**
   * What was done; the workflow ignores it, but the execution history shows it.
   *
   * @param reminder the reminder this wait sent or passed on from; absent for the offer itself
   * @param result what became of the offer or the reminder
   */
  public record Output(String offerId, Integer reminder, String result) {}

  private final OfferSender sender;
  private final RemindRepHandler reminders;

  public OfferToRepHandler() {
    this(Settings.current());
  }

  private OfferToRepHandler(Settings settings) {
    this(settings, AwsClients.dynamo(), Mailers.from(settings), new RemindRepHandler());
  }

  /**
   * Offer To Rep wired from {@code settings} as deployed, on the given DynamoDB client and mailer
   * (a test counts the requests a first offer makes through it).
   *
   * @param reminders the step that reminds the rep when the route names a reminder
   */
  public OfferToRepHandler(
      Settings settings, DynamoDbClient dynamo, Mailer mailer, RemindRepHandler reminders) {
    this(
        new DynamoLeadStore(dynamo, settings.require("LEADS_TABLE")),
        DynamoOfferStore.withRecords(
            dynamo,
            settings.require("OFFERS_TABLE"),
            settings.require("HISTORY_TABLE"),
            settings.get("SLA_FACTS_TABLE")),
        LeadHistories.of(settings, dynamo),
        mailer,
        settings.clock(),
        settings.require("PUBLIC_BASE_URL"),
        reminders);
  }

  /**
   * An Offer To Rep that sends offers only: a route with a reminder is refused.
   *
   * @param publicBaseUrl where reps reach the API; offer links start with it
   */
  public OfferToRepHandler(
      LeadStore leads,
      OfferStore offers,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      String publicBaseUrl) {
    this(leads, offers, history, mailer, clock, publicBaseUrl, null);
  }

  /**
   * @param publicBaseUrl where reps reach the API; offer links start with it
   * @param reminders the step that reminds the rep when the route names a reminder
   */
  public OfferToRepHandler(
      LeadStore leads,
      OfferStore offers,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      String publicBaseUrl,
      RemindRepHandler reminders) {
    super(Input.class);
    this.sender = new OfferSender(leads, offers, history, mailer, clock, publicBaseUrl);
    this.reminders = reminders;
  }

  @Override
  protected Output handle(Input input) {
    if (input.route() == null || input.taskToken() == null) {
      throw new IllegalArgumentException("Offer To Rep needs leadId, route and taskToken");
    }
    Integer reminder = input.route().reminder();
    if (reminder == null) {
      return new Output(
          input.route().offerId(),
          null,
          sender.offer(input.leadId(), input.route(), input.taskToken()).name());
    }
    if (reminders == null) {
      throw new IllegalStateException(
          "This Offer To Rep sends no reminders, asked for " + reminder);
    }
    RemindRepHandler.Output reminded =
        reminders.apply(
            new RemindRepHandler.Input(
                input.leadId(),
                input.route().offerId(),
                new RemindRepHandler.Reminder(reminder),
                input.taskToken()));
    return new Output(reminded.offerId(), reminder, reminded.result().name());
  }
}
