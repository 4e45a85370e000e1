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

/**
 * "Offer To Rep": stores the offer and emails the rep their link. Invoked with {@code
 * .waitForTaskToken}: the workflow then waits for the rep's answer, not for this return value.
 */
public final class OfferToRepHandler
    extends TaskHandler<OfferToRepHandler.Input, OfferToRepHandler.Output> {

  /** The task's payload: the lead, the chosen rep ({@code $.route}) and the task token. */
  public record Input(String leadId, OfferRoute route, String taskToken) {}

  /** What was done; the workflow ignores it, but the execution history shows it. */
  public record Output(String offerId, OfferSender.Result result) {}

  private final OfferSender sender;

  public OfferToRepHandler() {
    this(Settings.current());
  }

  private OfferToRepHandler(Settings settings) {
    this(
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        new DynamoOfferStore(AwsClients.dynamo(), settings.require("OFFERS_TABLE")),
        LeadHistories.of(settings),
        Mailers.from(settings),
        settings.clock(),
        settings.require("PUBLIC_BASE_URL"));
  }

  /**
   * @param publicBaseUrl where reps reach the API; offer links start with it
   */
  public OfferToRepHandler(
      LeadStore leads,
      OfferStore offers,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      String publicBaseUrl) {
    super(Input.class);
    this.sender = new OfferSender(leads, offers, history, mailer, clock, publicBaseUrl);
  }

  @Override
  protected Output handle(Input input) {
    return new Output(
        input.route().offerId(), sender.offer(input.leadId(), input.route(), input.taskToken()));
  }
}
