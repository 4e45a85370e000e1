package com.leadhandoff.outcome;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOutcomeLinks;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A lead on the in-process DynamoDB, owned or not, with outcome links issued for it. */
final class OutcomeScenario {
  static final String LEAD_ID = "01JDQ3T5ZK8V6M4N2P7R9S0ABC";
  static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");
  static final Owner ANA = new Owner("rep-ana", "Ana Ruiz", "ana@sales.test", Owner.Role.REP);
  static final Duration LIFETIME = Duration.ofDays(90);

  final Map<String, String> tables = TestDynamo.tables();
  final MutableClock clock = new MutableClock(RECEIVED.plus(Duration.ofHours(1)));
  final DynamoLeadStore leads = new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  final DynamoOutcomeLinks links =
      new DynamoOutcomeLinks(TestDynamo.client(), tables.get("OutcomeLinksTable"));
  final Outcomes outcomes = new Outcomes(leads, leads, history, clock);
  final OutcomeLinkIssuer issuer =
      new OutcomeLinkIssuer(links, clock, "https://leads.test/", LIFETIME);

  /** Stores the lead, scored and routed, from a prospect named {@code firstName}. */
  void lead(String firstName, String company) {
    Submission submission =
        new Submission(
            "dana@acme.example",
            firstName,
            "Prospect",
            company,
            "Head of Operations",
            "+49 30 1234567",
            "DE",
            250,
            "Logistics",
            "We need this before Q1.",
            "demo-request",
            "google",
            "cpc",
            "winter-launch",
            List.of("/pricing"));
    leads.create(Lead.received(LEAD_ID, RECEIVED, submission));
    leads.saveScore(
        LEAD_ID,
        new Score(72, Score.Tier.WARM, true, List.of(new Score.Reason("demo", "Demo", 40))),
        LeadStatus.ROUTING);
  }

  /** Stores the lead, accepted by Ana. */
  void acceptedLead() {
    lead("Dana", "Acme GmbH");
    leads.claimOwner(LEAD_ID, ANA, LeadStatus.ACCEPTED);
  }

  /** Issues the links of Ana's email; returns the token in them. */
  String token() {
    String url = issuer.issue(LEAD_ID, ANA).links().get(0).get("url");
    return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
  }

  List<HistoryEvent> outcomesRecorded() {
    return history.of(LEAD_ID).stream()
        .filter(e -> e.type().equals(Outcomes.OUTCOME_RECORDED))
        .toList();
  }

  /** Every item of every table: what "nothing changed" compares. */
  Map<String, List<Map<String, AttributeValue>>> everything() {
    return TestDynamo.everything(tables);
  }

  Map<String, AttributeValue> leadItem() {
    return TestDynamo.client()
        .getItem(
            r ->
                r.tableName(tables.get("LeadsTable"))
                    .key(Map.of("leadId", AttributeValue.fromS(LEAD_ID)))
                    .consistentRead(true))
        .item();
  }

  /** The fixture {@code name} of {@code events/}. */
  static APIGatewayV2HTTPEvent event(String name) {
    try {
      return Json.MAPPER.readValue(Fixtures.event(name), APIGatewayV2HTTPEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
