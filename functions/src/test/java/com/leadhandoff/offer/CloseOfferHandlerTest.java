package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static com.leadhandoff.offer.OfferScenario.REP_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.TestDynamo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CloseOfferHandlerTest {
  private static final int MAX_OFFERS = 3;

  private final OfferScenario scenario = new OfferScenario();
  private final CloseOfferHandler handler =
      new CloseOfferHandler(
          scenario.offers,
          scenario.leads,
          scenario.history,
          scenario.mailer,
          scenario.clock,
          MAX_OFFERS);

  private JsonNode close(String reason) {
    ObjectNode input = (ObjectNode) OfferScenario.json(Fixtures.event("close-offer.json"));
    input.put("reason", reason);
    return OfferScenario.run(handler, input.toString());
  }

  private List<Email> expiryEmails() {
    return scenario.mailer.sentTo(REP_EMAIL).stream()
        .filter(e -> e.subject().startsWith("Offer expired"))
        .toList();
  }

  @Test
  void timedOut_expiresTheOffer_tellsTheRep_andRecordsTheMiss() {
    scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(15));

    JsonNode closed = OfferScenario.run(handler, Fixtures.event("close-offer.json"));

    assertEquals("EXPIRED", closed.get("outcome").asText());
    assertTrue(closed.get("offersLeft").asBoolean());
    assertEquals(OfferStatus.EXPIRED, scenario.offer().status());
    List<Email> sent = expiryEmails();
    assertEquals(1, sent.size());
    assertEquals("Offer expired: Jane Doe (Acme Logistics) was passed on", sent.get(0).subject());
    assertTrue(sent.get(0).text().contains("passed on"));
    assertTrue(sent.get(0).html().contains("Jane Doe"));
    HistoryEvent expired = scenario.history.of(LEAD_ID).get(1);
    assertEquals("OFFER_EXPIRED", expired.type());
    assertEquals("Ana Ruiz did not answer within 15 minutes", expired.summary());
    assertEquals("rep-ana-ruiz", expired.details().get("repId"));
  }

  @Test
  void timedOutAfterTheRepAccepted_reportsAccepted_withoutAnEmail() {
    // The accept won the race against the timer; the workflow goes on to Follow Up.
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(14));
    scenario.accept(token);
    scenario.clock.advance(Duration.ofMinutes(1));

    JsonNode closed = close("TIMED_OUT");

    assertEquals("ACCEPTED", closed.get("outcome").asText());
    assertEquals(OfferStatus.ACCEPTED, scenario.offer().status());
    assertTrue(expiryEmails().isEmpty());
    assertEquals(List.of("OFFERED", "OFFER_ACCEPTED"), scenario.historyTypes());
  }

  @Test
  void timedOutAfterTheRepDeclined_reportsDeclined_withoutAnEmail() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(1));
    scenario.decline(token);
    scenario.clock.advance(Duration.ofMinutes(14));

    JsonNode closed = close("TIMED_OUT");

    assertEquals("DECLINED", closed.get("outcome").asText());
    assertTrue(expiryEmails().isEmpty());
  }

  @Test
  void retriedExpiry_sendsNoSecondEmail_andRecordsNoSecondMiss() {
    scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(15));
    close("TIMED_OUT");
    scenario.clock.advance(Duration.ofSeconds(5));

    JsonNode again = close("TIMED_OUT");

    assertEquals("EXPIRED", again.get("outcome").asText());
    assertEquals(1, expiryEmails().size());
    assertEquals(List.of("OFFERED", "OFFER_EXPIRED"), scenario.historyTypes());
  }

  @Test
  void firstTryKilledAfterExpiring_theRetryRecordsTheMissAndTellsTheRep_once() {
    // GIVEN the first try expired the offer and the process died before anything else
    scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(15));
    Offer offer = scenario.offer();
    assertTrue(scenario.offers.expire(LEAD_ID, offer.offerId(), scenario.clock.instant()));

    // WHEN the step is invoked again, twice
    JsonNode retried = close("TIMED_OUT");
    JsonNode again = close("TIMED_OUT");

    // THEN the miss is recorded and the rep told, once
    assertEquals("EXPIRED", retried.get("outcome").asText());
    assertEquals("EXPIRED", again.get("outcome").asText());
    assertEquals(1, expiryEmails().size());
    assertEquals(List.of("OFFERED", "OFFER_EXPIRED"), scenario.historyTypes());
  }

  @Test
  void sameInvocationTwice_expiresOnce_tellsTheRepOnce_andGivesTheirCapacityBackOnce() {
    // GIVEN an offer past its deadline whose rep holds one open offer, before Record Missed Offer
    DynamoCapacity capacity =
        new DynamoCapacity(TestDynamo.client(), scenario.tables.get("RepsTable"));
    CloseOfferHandler counting =
        new CloseOfferHandler(
            new DynamoOfferStore(TestDynamo.client(), scenario.tables.get("OffersTable"), capacity),
            scenario.leads,
            scenario.history,
            scenario.mailer,
            scenario.clock,
            MAX_OFFERS);
    scenario.offered();
    TestDynamo.client()
        .putItem(
            r ->
                r.tableName(scenario.tables.get("RepsTable"))
                    .item(
                        Map.of(
                            "repId", AttributeValue.fromS("load#rep-ana-ruiz"),
                            "openOffers", AttributeValue.fromN("1"))));
    scenario.clock.advance(Duration.ofMinutes(15));
    String input =
        ((ObjectNode) OfferScenario.json(Fixtures.event("close-offer.json")))
            .put("reason", "TIMED_OUT")
            .toString();

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = OfferScenario.run(counting, input);
    var afterFirst = TestDynamo.everything(scenario.tables);
    scenario.clock.advance(Duration.ofSeconds(30));
    JsonNode second = OfferScenario.run(counting, input);

    // THEN the second returns the same, so Accepted Meanwhile? and Offers Left? take the same way
    assertEquals(first, second);
    assertEquals("EXPIRED", second.get("outcome").asText());
    // AND changes no item: one miss on record, the open offer given back and the turn credited once
    assertEquals(afterFirst, TestDynamo.everything(scenario.tables));
    assertEquals(List.of("OFFERED", "OFFER_EXPIRED"), scenario.historyTypes());
    assertEquals("0", capacity.load("rep-ana-ruiz").get("openOffers").n());
    assertEquals("1", capacity.load("rep-ana-ruiz").get("credits").n());
    // AND the rep is told once
    assertEquals(1, expiryEmails().size());
  }

  @Test
  void declined_reportsDeclined_andLeavesTheRecordingToTheAnswer() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(1));
    scenario.decline(token);

    JsonNode closed = close("DECLINED");

    assertEquals("DECLINED", closed.get("outcome").asText());
    assertTrue(closed.get("offersLeft").asBoolean());
    assertTrue(expiryEmails().isEmpty());
    assertEquals(List.of("OFFERED", "OFFER_DECLINED"), scenario.historyTypes());
  }

  @Test
  void sameInvocationTwice_declined_returnsTheSame_andWritesNothing() {
    // GIVEN an offer the rep declined, just before Record Declined Offer (or Record Recycled Offer)
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(1));
    scenario.decline(token);
    var beforeFirst = TestDynamo.everything(scenario.tables);
    int emailsBefore = scenario.mailer.sent().size();

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = close("DECLINED");
    scenario.clock.advance(Duration.ofSeconds(30));
    JsonNode second = close("DECLINED");

    // THEN both return the same, so Offers Left? takes the same way, and neither writes or sends
    assertEquals(first, second);
    assertEquals("DECLINED", second.get("outcome").asText());
    assertEquals(beforeFirst, TestDynamo.everything(scenario.tables));
    assertEquals(emailsBefore, scenario.mailer.sent().size());
  }

  @Test
  void offersLeft_untilTheLastAttemptAllowed() {
    scenario.leads.create(OfferScenario.lead("Acme"));
    scenario.offer(route -> route.put("attempt", MAX_OFFERS - 1));
    scenario.clock.advance(Duration.ofMinutes(15));
    assertTrue(close("TIMED_OUT").get("offersLeft").asBoolean());
  }

  @Test
  void noOffersLeft_afterTheLastAttemptAllowed() {
    scenario.leads.create(OfferScenario.lead("Acme"));
    scenario.offer(route -> route.put("attempt", MAX_OFFERS));
    scenario.clock.advance(Duration.ofMinutes(15));

    JsonNode closed = close("TIMED_OUT");

    assertEquals("EXPIRED", closed.get("outcome").asText());
    assertEquals(false, closed.get("offersLeft").asBoolean());
  }

  @Test
  void acceptThatStoppedAfterClosingTheOffer_isFinishedWhenTheWaitEnds() {
    // GIVEN the rep's accept closed the offer and stopped before claiming the lead
    scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(14));
    assertTrue(scenario.offers.accept(LEAD_ID, "001", scenario.clock.instant()));
    scenario.clock.advance(Duration.ofMinutes(1));

    // WHEN the wait times out and "Move Offer On" closes the offer
    JsonNode closed = close("TIMED_OUT");

    // THEN the acceptance stands, finished: the rep owns the lead and it is recorded
    assertEquals("ACCEPTED", closed.get("outcome").asText());
    com.leadhandoff.lead.Lead lead = scenario.leads.find(LEAD_ID).orElseThrow();
    assertEquals(scenario.offer().repId(), lead.owner().orElseThrow().id());
    assertTrue(
        scenario.history.of(LEAD_ID).stream().anyMatch(e -> e.type().equals("OFFER_ACCEPTED")));
  }
}
