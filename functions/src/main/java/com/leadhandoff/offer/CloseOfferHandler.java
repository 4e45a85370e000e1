package com.leadhandoff.offer;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.Clock;

/**
 * Closes the offer the workflow stopped waiting for: a step of "Move Offer On", and "Record
 * Recycled Offer", whose result lands at {@code $.closed}.
 */
public final class CloseOfferHandler
    extends TaskHandler<CloseOfferHandler.Input, OfferCloser.Closed> {
  /** Reps offered a lead before it is escalated, when {@code MAX_OFFERS} is not set. */
  static final int DEFAULT_MAX_OFFERS = 3;

  /** The task's parameters. */
  public record Input(String leadId, String offerId, OfferCloser.Reason reason) {}

  private final OfferCloser closer;

  public CloseOfferHandler() {
    this(Settings.current());
  }

  private CloseOfferHandler(Settings settings) {
    this(
        new DynamoOfferStore(
            AwsClients.dynamo(),
            settings.require("OFFERS_TABLE"),
            new DynamoCapacity(AwsClients.dynamo(), settings.require("REPS_TABLE"))),
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        Mailers.from(settings),
        settings.clock(),
        settings.integer("MAX_OFFERS", DEFAULT_MAX_OFFERS));
  }

  /**
   * @param maxOffers how many reps are offered a lead before it goes to the manager
   */
  public CloseOfferHandler(
      OfferStore offers,
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      int maxOffers) {
    super(Input.class);
    this.closer = new OfferCloser(offers, leads, history, mailer, clock, maxOffers);
  }

  @Override
  protected OfferCloser.Closed handle(Input input) {
    return closer.close(input.leadId(), input.offerId(), input.reason());
  }
}
