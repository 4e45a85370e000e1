package com.leadhandoff.attention;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.ownership.AddressRelease;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;

/**
 * Step {@code Park Lead}: every Catch of the state machine ends here. The input is read as plain
 * JSON so that no shape of failed state can make this step fail too.
 */
public final class ParkLeadHandler extends TaskHandler<JsonNode, ParkLeadHandler.Result> {

  /**
   * What happened; the state machine discards it, the execution history keeps it.
   *
   * @param leadId the parked lead's id, empty when the state carried none
   */
  public record Result(String leadId, boolean leadMarked, boolean alerted) {}

  private final LeadParking parking;
  private final AddressRelease addressRelease;

  /** For Lambda: collaborators from the function's settings. */
  public ParkLeadHandler() {
    this(Settings.current());
  }

  private ParkLeadHandler(Settings settings) {
    this(
        new LeadParking(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            new DynamoOfferStore(
                AwsClients.dynamo(),
                settings.require("OFFERS_TABLE"),
                new DynamoCapacity(AwsClients.dynamo(), settings.require("REPS_TABLE"))),
            LeadHistories.of(settings),
            Mailers.from(settings),
            settings.clock(),
            settings.require("FALLBACK_MANAGER_ADDRESS")),
        new AddressRelease(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            new DynamoAddressClaims(
                AwsClients.dynamo(), settings.require("ADDRESS_CLAIMS_TABLE"))));
  }

  /**
   * For tests.
   *
   * @param parking the parking to run
   * @param addressRelease frees a parked lead's address: a new submission gets a handoff that works
   */
  public ParkLeadHandler(LeadParking parking, AddressRelease addressRelease) {
    super(JsonNode.class);
    this.parking = parking;
    this.addressRelease = addressRelease;
  }

  @Override
  protected Result handle(JsonNode input) {
    ParkOutcome outcome = parking.park(Incident.from(input));
    if (outcome.leadMarked()) {
      outcome.leadId().ifPresent(addressRelease::closed);
    }
    return new Result(outcome.leadId().orElse(""), outcome.leadMarked(), outcome.alerted());
  }
}
