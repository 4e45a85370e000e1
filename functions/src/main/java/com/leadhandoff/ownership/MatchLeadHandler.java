package com.leadhandoff.ownership;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;

/**
 * {@code Match Lead}, the first step of the workflow's {@code Take In Lead} state: merges a second
 * submission from the address of an open lead into that lead, the lead holding the claim on the
 * address (so submissions sent at once agree on one); Take In Lead then ends the execution in
 * {@code Merged} instead of a second handoff.
 */
public final class MatchLeadHandler extends TaskHandler<MatchLeadHandler.Input, MatchResult> {
  /** The task input: the lead just received. */
  public record Input(String leadId) {}

  private final DuplicateMerge merge;

  /** For Lambda: collaborators from the function's settings. */
  public MatchLeadHandler() {
    this(Settings.current());
  }

  private MatchLeadHandler(Settings settings) {
    this(
        settings,
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings));
  }

  /**
   * Match Lead from the function's settings, on the given lead store and history (Take In Lead
   * shares them between its steps).
   */
  public MatchLeadHandler(Settings settings, LeadStore leads, LeadHistory history) {
    this(
        new DuplicateMerge(
            leads,
            new DynamoOfferStore(AwsClients.dynamo(), settings.require("OFFERS_TABLE")),
            history,
            Mailers.from(settings),
            settings.clock(),
            new MergeTargets(
                leads,
                new DynamoAddressClaims(
                    AwsClients.dynamo(), settings.require("ADDRESS_CLAIMS_TABLE")),
                settings.clock(),
                OpenLeads.days(settings.integer("OPEN_LEAD_DAYS", OpenLeads.DEFAULT_DAYS)))));
  }

  /** For tests: the merge to run. */
  public MatchLeadHandler(DuplicateMerge merge) {
    super(Input.class);
    this.merge = merge;
  }

  @Override
  protected MatchResult handle(Input input) {
    return merge.match(input.leadId());
  }
}
