package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsFromHistory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.DynamoSlaFactsStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.RecordingWorkflow;
import com.leadhandoff.testing.TestDynamo;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a first offer and a reminder cost in DynamoDB requests, with Offer To Rep wired from its
 * settings as deployed and every request it sends counted, and that the SLA facts a first offer
 * writes without reading the history back are those the whole history gives.
 */
class OfferToRepRequestsTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final List<String> requests = new ArrayList<>();
  private final RecordingMailer mailer = new RecordingMailer();
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final MutableClock clock = new MutableClock(OfferScenario.OFFERED_AT);
  private final Settings settings =
      Settings.of(
          Map.of(
              "LEADS_TABLE", tables.get("LeadsTable"),
              "OFFERS_TABLE", tables.get("OffersTable"),
              "HISTORY_TABLE", tables.get("HistoryTable"),
              "SLA_FACTS_TABLE", tables.get("SlaFactsTable"),
              "PUBLIC_BASE_URL", OfferScenario.BASE_URL),
          clock);
  private final DynamoDbClient counted = CountedDynamo.of(tables, requests);
  private final OfferToRepHandler offerToRep =
      new OfferToRepHandler(
          settings,
          counted,
          mailer,
          new RemindRepHandler(
              new DynamoOfferStore(counted, tables.get("OffersTable")),
              new DynamoLeadStore(counted, tables.get("LeadsTable")),
              LeadHistories.of(settings, counted),
              mailer,
              new RecordingWorkflow(),
              clock));

  @Test
  void firstOffer_makesTwoRequests_theLead_theOfferWithItsClaimItsEntryAndTheFacts() {
    // GIVEN a lead received, scored and routed, its history as the steps before wrote it
    Lead lead = storedLead();

    // WHEN Offer To Rep offers it to the first rep
    offer();

    // THEN it read the lead and made one write before the email, and nothing else: a third
    // request fails this
    assertEquals(
        List.of("GetItem LeadsTable", "TransactWriteItems HistoryTable+OffersTable+SlaFactsTable"),
        requests);
    assertEquals(1, mailer.sent().size());
    assertEquals(
        List.of("RECEIVED", "SCORED", "ROUTED", "OFFERED"),
        history.of(LEAD_ID).stream().map(HistoryEvent::type).toList());
    assertEquals(lead.leadId(), storedFacts().leadId());
  }

  @Test
  void firstOffer_storesTheFactsTheWholeHistoryGives() {
    // GIVEN a lead received from a campaign and scored
    storedLead();

    // WHEN it is offered
    offer();

    // THEN the facts stored are those worked out from its whole history: receipt, origin, offer
    SlaFacts stored = storedFacts();
    assertEquals(factsFromTheWholeHistory(), stored);
    assertEquals(Optional.of("linkedin"), stored.origin().source());
    assertEquals(Optional.of("HOT"), stored.origin().tier());
    assertEquals(1, stored.offers().size());
  }

  @Test
  void firstOffer_ofALeadWithFactsAlready_keepsWhatOnlyTheHistoryKnows() {
    // GIVEN a lead whose owner-to-be reported an outcome before any offer, so it has facts
    storedLead();
    new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"))
        .put(SlaFactsFromHistory.of(LEAD_ID, recordOutcome(), team -> Optional.empty()));

    // WHEN it is offered
    offer();

    // THEN the facts still hold the outcome beside the offer, as the whole history gives them: the
    // write refused for the facts is made again without them, and they are worked out from the
    // whole history after the email
    SlaFacts stored = storedFacts();
    assertEquals(factsFromTheWholeHistory(), stored);
    assertTrue(stored.outcomes().containsKey(Outcome.SQL), stored.toString());
    assertEquals(1, stored.offers().size());
    assertEquals(
        List.of(
            "GetItem LeadsTable",
            "TransactWriteItems HistoryTable+OffersTable+SlaFactsTable",
            "TransactWriteItems HistoryTable+OffersTable",
            "Query HistoryTable",
            "PutItem SlaFactsTable"),
        requests);
    assertEquals(1, offeredEntries());
  }

  @Test
  void secondOffer_makesFourRequests_theLead_theOfferWithItsClaimAndEntry_theFactsFromTheHistory() {
    // GIVEN a lead whose first offer expired
    storedLead();
    offer();
    clock.advance(Duration.ofMinutes(15));
    history.record(
        LEAD_ID,
        new HistoryEvent(
            clock.instant(),
            "OFFER_EXPIRED",
            "Ana Ruiz did not answer in time",
            Map.of("offerId", "001", "attempt", "1", "repId", "rep-ana-ruiz")));
    requests.clear();

    // WHEN it is offered to the next rep
    ObjectNode next = (ObjectNode) OfferScenario.json(Fixtures.event("offer-to-rep.json"));
    ObjectNode route = (ObjectNode) next.get("route");
    route.put("offerId", "002").put("attempt", 2).put("deadline", "2026-11-23T10:45:00Z");
    next.put("taskToken", "second-offer-task-token");
    OfferScenario.run(offerToRep, next.toString());

    // THEN the entry went with the offer; the facts, which hold the first offer's breach, come
    // from the whole history
    assertEquals(
        List.of(
            "GetItem LeadsTable",
            "TransactWriteItems HistoryTable+OffersTable",
            "Query HistoryTable",
            "PutItem SlaFactsTable"),
        requests);
    assertEquals(2, mailer.sent().size());
    SlaFacts stored = storedFacts();
    assertEquals(factsFromTheWholeHistory(), stored);
    assertEquals(2, stored.offers().size());
    assertEquals(1, stored.breaches().size());
  }

  @Test
  void reminder_makesFourRequests_theOfferMovedAndRead_theLead_theHistory_theEntryWithTheFacts() {
    // GIVEN an offer nobody answered for half of its 15 minutes
    storedLead();
    offer();
    clock.advance(Duration.ofSeconds(450));
    requests.clear();

    // WHEN its first reminder is due
    ObjectNode reminder = (ObjectNode) OfferScenario.json(Fixtures.event("offer-to-rep.json"));
    ((ObjectNode) reminder.get("route")).put("reminder", 1);
    reminder.put("taskToken", "reminder-task-token");
    OfferScenario.run(offerToRep, reminder.toString());

    // THEN the write that moved the wait also gave the offer; the facts still come from the
    // history (a reminder only counts in them), read before the entry, which is written with them
    assertEquals(
        List.of(
            "UpdateItem OffersTable",
            "GetItem LeadsTable",
            "Query HistoryTable",
            "TransactWriteItems HistoryTable+SlaFactsTable"),
        requests);
    assertEquals(2, mailer.sent().size());
    assertEquals(1, storedFacts().remindersSent());
    assertEquals(factsFromTheWholeHistory(), storedFacts());
  }

  private long offeredEntries() {
    return history.of(LEAD_ID).stream().filter(e -> e.type().equals("OFFERED")).count();
  }

  /** The fixture's lead with the entries intake, Score Lead and Route Lead write. */
  private Lead storedLead() {
    return OfferScenario.storedLead(tables.get("LeadsTable"), history);
  }

  private List<HistoryEvent> recordOutcome() {
    history.record(
        LEAD_ID,
        new HistoryEvent(
            OfferScenario.OFFERED_AT.minusSeconds(30),
            "OUTCOME_RECORDED",
            "Qualified",
            Map.of("outcome", "SQL")));
    return history.of(LEAD_ID);
  }

  private SlaFacts factsFromTheWholeHistory() {
    return SlaFactsFromHistory.of(LEAD_ID, history.of(LEAD_ID), team -> Optional.empty());
  }

  private SlaFacts storedFacts() {
    List<SlaFacts> day =
        new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"))
            .receivedOn(
                OfferScenario.lead("Acme Logistics")
                    .receivedAt()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate());
    assertEquals(1, day.size(), day.toString());
    return day.get(0);
  }

  /** Runs Offer To Rep with the fixture {@code offer-to-rep.json}, as Lambda would. */
  private void offer() {
    OfferScenario.run(offerToRep, Fixtures.event("offer-to-rep.json"));
  }
}
