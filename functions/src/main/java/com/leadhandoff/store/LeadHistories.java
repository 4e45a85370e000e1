package com.leadhandoff.store;

import com.leadhandoff.attention.ParkedLeadMetrics;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.events.EventBridgeLeadEvents;
import com.leadhandoff.events.PublishingLeadHistory;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.metrics.EmfLeadMetrics;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.sla.SlaFactsRecorder;
import com.leadhandoff.sla.SlaPolicies;
import com.leadhandoff.sla.SlaPolicy;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lead history a function records to: {@code HISTORY_TABLE}, counting parked leads in the
 * {@code LeadsParked} metric, plus the SLA facts when the function has {@code SLA_FACTS_TABLE}
 * (with the metrics of those facts, in the namespace {@code POWERTOOLS_METRICS_NAMESPACE}) and the
 * lead events when it has {@code EVENT_BUS_NAME}, as the template gives them.
 */
public final class LeadHistories {
  private LeadHistories() {}

  // Read once per container, on first use: only functions that record SLA facts need it.
  private static final class Calendars {
    static final Optional<SlaPolicy> POLICY = SlaPolicies.bundled(Set.of());
  }

  /** The history of the function whose settings these are. */
  public static LeadHistory of(Settings settings) {
    return of(settings, AwsClients.dynamo());
  }

  /** The same, with the history on {@code dynamo} (a handler given its client, as in tests). */
  public static LeadHistory of(Settings settings, DynamoDbClient dynamo) {
    EmfLeadMetrics metrics =
        new EmfLeadMetrics(
            settings.get("POWERTOOLS_METRICS_NAMESPACE").orElse(EmfLeadMetrics.DEFAULT_NAMESPACE));
    String historyTable = settings.require("HISTORY_TABLE");
    LeadHistory history =
        new ParkedLeadMetrics(new DynamoLeadHistory(dynamo, historyTable), metrics);
    Optional<String> factsTable = settings.get("SLA_FACTS_TABLE");
    if (factsTable.isPresent()) {
      Function<String, Optional<BusinessCalendar>> calendars =
          team -> Calendars.POLICY.flatMap(p -> Optional.ofNullable(p.calendars().get(team)));
      history =
          new SlaFactsRecorder(
              history,
              new DynamoSlaFactsStore(dynamo, factsTable.get(), historyTable),
              calendars,
              metrics);
    }
    Optional<String> bus = settings.get("EVENT_BUS_NAME");
    if (bus.isPresent()) {
      history =
          new PublishingLeadHistory(
              history, new EventBridgeLeadEvents(AwsClients.eventBridge(), bus.get()));
    }
    return history;
  }
}
