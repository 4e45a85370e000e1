package com.leadhandoff.nurture;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.ownership.AddressRelease;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoringModel;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.scoring.UnknownLeadException;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.Clock;

/**
 * {@code Nurture Lead}: the lead did not qualify. Hands the lead back to marketing (status NURTURE)
 * and records why; the prospect was already thanked by {@code Acknowledge Lead}. A retry after the
 * history entry was written records nothing again.
 */
public final class NurtureLeadHandler
    extends TaskHandler<NurtureLeadHandler.Input, NurtureLeadHandler.Result> {
  /** The task input: which lead to nurture. */
  public record Input(String leadId) {}

  /**
   * What the step did.
   *
   * @param nurtured true if the lead was handed back now, false if an earlier attempt had
   */
  public record Result(String leadId, boolean nurtured) {}

  private final LeadStore leads;
  private final LeadHistory history;
  private final ScoringModel model;
  private final Clock clock;
  private final AddressRelease addressRelease;

  /** For Lambda. */
  public NurtureLeadHandler() {
    this(Settings.current());
  }

  private NurtureLeadHandler(Settings settings) {
    this(
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        ScoringModels.bundled(),
        settings.clock(),
        new AddressRelease(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            new DynamoAddressClaims(
                AwsClients.dynamo(), settings.require("ADDRESS_CLAIMS_TABLE"))));
  }

  /** For tests. */
  public NurtureLeadHandler(
      LeadStore leads,
      LeadHistory history,
      ScoringModel model,
      Clock clock,
      AddressRelease addressRelease) {
    super(Input.class);
    this.leads = leads;
    this.history = history;
    this.model = model;
    this.clock = clock;
    this.addressRelease = addressRelease;
  }

  @Override
  protected Result handle(Input input) {
    String leadId = input.leadId();
    Lead lead = leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    Score score =
        lead.score()
            .filter(s -> !s.qualified())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Lead "
                            + leadId
                            + " is not an unqualified scored lead; Nurture Lead runs only after"
                            + " Score Lead found it below the MQL threshold"));
    if (history.of(leadId).stream().anyMatch(e -> e.type().equals(Nurture.NURTURED))) {
      // Released again: an earlier attempt may have stopped between its entry and the release.
      addressRelease.closed(leadId);
      return new Result(leadId, false);
    }
    leads.setStatus(leadId, LeadStatus.NURTURE);
    history.record(leadId, Nurture.nurtured(score, model.mqlThreshold(), clock.instant()));
    // Back with marketing: a new submission from the address is a new chance for sales.
    addressRelease.closed(leadId);
    return new Result(leadId, true);
  }
}
