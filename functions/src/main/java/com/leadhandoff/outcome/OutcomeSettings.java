package com.leadhandoff.outcome;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOutcomeLinks;
import com.leadhandoff.store.LeadHistories;
import java.time.Duration;

/** The outcome collaborators the deployed functions build from their settings. */
public final class OutcomeSettings {
  private OutcomeSettings() {}

  /** {@code OUTCOME_LINKS_TABLE}. */
  public static OutcomeLinkStore links(Settings settings) {
    return new DynamoOutcomeLinks(AwsClients.dynamo(), settings.require("OUTCOME_LINKS_TABLE"));
  }

  /** Outcomes on {@code LEADS_TABLE} and {@code HISTORY_TABLE}. */
  public static Outcomes outcomes(Settings settings) {
    DynamoLeadStore leads =
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE"));
    return new Outcomes(
        leads,
        leads,
        // With the lead events: an outcome is published as "Outcome Recorded".
        LeadHistories.of(settings),
        settings.clock());
  }

  /** The issuer of an owner email's links: {@code PUBLIC_BASE_URL}, {@code OUTCOME_LINK_DAYS}. */
  public static OutcomeLinkIssuer issuer(Settings settings) {
    return new OutcomeLinkIssuer(
        links(settings),
        settings.clock(),
        settings.require("PUBLIC_BASE_URL"),
        Duration.ofDays(
            settings.integer(
                "OUTCOME_LINK_DAYS", (int) OutcomeLinkIssuer.DEFAULT_LIFETIME.toDays())));
  }
}
