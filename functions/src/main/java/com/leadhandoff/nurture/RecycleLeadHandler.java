package com.leadhandoff.nurture;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.ownership.AddressRelease;
import com.leadhandoff.scoring.UnknownLeadException;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.Clock;
import java.util.Map;

/**
 * {@code Recycle Lead}: a rep declined the lead as not a fit, spam or bad data, so sales should not
 * work it. Hands it back to marketing (status RECYCLED) with the rep's reason in its history. The
 * prospect is not emailed: a spam or bad-data lead must not get mail. A retry records nothing
 * twice.
 */
public final class RecycleLeadHandler
    extends TaskHandler<RecycleLeadHandler.Input, RecycleLeadHandler.Result> {
  /** The history entry a recycled lead gets. */
  public static final String RECYCLED = "RECYCLED";

  /**
   * The task input.
   *
   * @param leadId the lead
   * @param reason the rep's reason as they gave it (the decline's Cause)
   */
  public record Input(String leadId, String reason) {}

  /**
   * What the step did.
   *
   * @param recycled true if the lead was handed back now, false if an earlier attempt had
   */
  public record Result(String leadId, boolean recycled) {}

  private final LeadStore leads;
  private final LeadHistory history;
  private final Clock clock;
  private final AddressRelease addressRelease;

  /** For Lambda. */
  public RecycleLeadHandler() {
    this(Settings.current());
  }

  private RecycleLeadHandler(Settings settings) {
    this(
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        settings.clock(),
        new AddressRelease(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            new DynamoAddressClaims(
                AwsClients.dynamo(), settings.require("ADDRESS_CLAIMS_TABLE"))));
  }

  /** For tests. */
  public RecycleLeadHandler(
      LeadStore leads, LeadHistory history, Clock clock, AddressRelease addressRelease) {
    super(Input.class);
    this.leads = leads;
    this.history = history;
    this.clock = clock;
    this.addressRelease = addressRelease;
  }

  @Override
  protected Result handle(Input input) {
    String leadId = input.leadId();
    leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    if (history.of(leadId).stream().anyMatch(e -> e.type().equals(RECYCLED))) {
      // Released again: an earlier attempt may have stopped between its entry and the release.
      addressRelease.closed(leadId);
      return new Result(leadId, false);
    }
    String reason =
        input.reason() == null || input.reason().isBlank() ? "no reason given" : input.reason();
    leads.setStatus(leadId, LeadStatus.RECYCLED);
    history.record(
        leadId,
        new HistoryEvent(
            clock.instant(),
            RECYCLED,
            "Handed back to marketing: " + reason,
            Map.of("reason", reason)));
    // Back with marketing: a new submission from the address is a new chance for sales.
    addressRelease.closed(leadId);
    return new Result(leadId, true);
  }
}
