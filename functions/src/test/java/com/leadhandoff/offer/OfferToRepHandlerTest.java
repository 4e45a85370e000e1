package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static com.leadhandoff.offer.OfferScenario.REP_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.TestDynamo;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OfferToRepHandlerTest {
  private final OfferScenario scenario = new OfferScenario();

  @Test
  void offer_isStoredOpen_underTheHashOfTheTokenInTheEmailLink() {
    // GIVEN a scored lead  WHEN it is offered with the fixture
    String token = scenario.offered();

    // THEN the offer is open, bound to the rep, the deadline and the task token
    Offer offer = scenario.offer();
    assertEquals(OfferStatus.OPEN, offer.status());
    assertEquals(OfferToken.parse(token).orElseThrow().hash(), offer.tokenHash());
    assertEquals(OfferScenario.fixtureTaskToken(), offer.taskToken());
    assertEquals("rep-ana-ruiz", offer.repId());
    assertEquals(1, offer.attempt());
    assertEquals(OfferScenario.OFFERED_AT, offer.offeredAt());
    assertEquals(OfferScenario.DEADLINE, offer.deadline());
    assertEquals(Optional.of(offer), scenario.offers.findByTokenHash(offer.tokenHash()));
  }

  @Test
  void storedItem_neverContainsTheRawToken() {
    String token = scenario.offered();

    Map<String, AttributeValue> item =
        TestDynamo.client()
            .getItem(
                r ->
                    r.tableName(scenario.tables.get("OffersTable"))
                        .key(
                            Map.of(
                                "leadId", AttributeValue.fromS(LEAD_ID),
                                "offerId", AttributeValue.fromS("001"))))
            .item();
    assertFalse(item.toString().contains(token));
    assertTrue(item.toString().contains(OfferScenario.fixtureTaskToken()));
  }

  @Test
  void rep_isEmailedTheLinkInBothParts_andNeverTheTaskToken() {
    String token = scenario.offered();

    List<Email> sent = scenario.mailer.sentTo(REP_EMAIL);
    assertEquals(1, sent.size());
    String link = OfferScenario.BASE_URL + "/offers/" + token;
    Email email = sent.get(0);
    assertTrue(email.text().contains(link));
    assertTrue(email.html().contains("href=\"" + link + "\""));
    for (String part : List.of(email.subject(), email.text(), email.html())) {
      assertFalse(part.contains(OfferScenario.fixtureTaskToken()));
    }
    assertTrue(email.text().contains("Asked for a demo"));
  }

  @Test
  void offer_isRecordedInTheLeadsHistory() {
    scenario.offered();

    List<HistoryEvent> events = scenario.history.of(LEAD_ID);
    assertEquals(1, events.size());
    HistoryEvent offered = events.get(0);
    assertEquals("OFFERED", offered.type());
    assertEquals(
        "Offered to Ana Ruiz (attempt 1); answer due by Mon 23 Nov 2026, 10:15 UTC",
        offered.summary());
    assertEquals("rep-ana-ruiz", offered.details().get("repId"));
    assertEquals("001", offered.details().get("offerId"));
  }

  @Test
  void deadline_isShownInTheRepsZone_withItsAbbreviation_andTheSlaWindow() {
    // GIVEN a route for a rep in New York with a business-hours window
    scenario.leads.create(OfferScenario.lead("Acme Logistics"));

    // WHEN the lead is offered
    String token =
        scenario.offer(
            route -> {
              route.put("repTimeZone", "America/New_York");
              route.put("answerWindow", "2 hours of working time");
            });

    // THEN the email and the history read the deadline on the rep's clock, 10:15 UTC = 05:15 EST
    Email email = scenario.mailer.sentTo(REP_EMAIL).get(0);
    assertTrue(email.subject().endsWith("answer by Mon 23 Nov 2026, 05:15 EST"), email.subject());
    for (String part : List.of(email.text(), email.html())) {
      assertTrue(part.contains("Mon 23 Nov 2026, 05:15 EST"), part);
      assertTrue(part.contains("2 hours of working time"), part);
    }
    assertEquals(
        "Offered to Ana Ruiz (attempt 1); answer due by Mon 23 Nov 2026, 05:15 EST",
        scenario.history.of(LEAD_ID).get(0).summary());
    // AND the offer keeps both, so the page behind the link reads the same as the email
    Offer offer = scenario.offer();
    assertEquals(Optional.of(ZoneId.of("America/New_York")), offer.repTimeZone());
    assertEquals(Optional.of("2 hours of working time"), offer.answerWindow());
    assertTrue(scenario.show(token).getBody().contains("Mon 23 Nov 2026, 05:15 EST"));
  }

  @Test
  void deadlineInSummerTime_showsTheSummerAbbreviation() {
    scenario.leads.create(OfferScenario.lead("Acme Logistics"));

    scenario.offer(
        route -> {
          route.put("deadline", "2026-07-01T09:00:00Z");
          route.put("repTimeZone", "Europe/Berlin");
        });

    Email email = scenario.mailer.sentTo(REP_EMAIL).get(0);
    assertTrue(email.subject().endsWith("answer by Wed 1 Jul 2026, 11:00 CEST"), email.subject());
  }

  @Test
  void retry_replacesTokenAndTaskToken_resends_andTheEarlierLinkIsUnknown() {
    // GIVEN an offer already sent
    String first = scenario.offered();

    // WHEN the step runs again (a retry) with a new task token
    ObjectNode retry = (ObjectNode) OfferScenario.json(Fixtures.event("offer-to-rep.json"));
    retry.put("taskToken", "second-task-token");
    JsonNode output = OfferScenario.run(scenario.offerToRep, retry.toString());
    String second = OfferScenario.tokenIn(scenario.mailer.sent().get(1).text());

    // THEN the rep gets a second email with a new link, and only that link works
    assertEquals("SENT", output.get("result").asText());
    assertNotEquals(first, second);
    assertEquals(2, scenario.mailer.sentTo(REP_EMAIL).size());
    assertEquals("second-task-token", scenario.offer().taskToken());
    assertEquals(404, scenario.show(first).getStatusCode());
    assertEquals(200, scenario.show(second).getStatusCode());
    assertEquals(List.of("OFFERED", "OFFERED"), scenario.historyTypes());
  }

  @Test
  void sameInvocationAgain_afterTheEmailWentOut_sendsNothing_andTheEmailedLinkStillWorks() {
    // GIVEN an offer sent (its email out, its history written)
    String token = scenario.offered();
    Offer before = scenario.offer();

    // WHEN the same invocation runs again, same task token (the runtime restarted mid-task)
    JsonNode output = OfferScenario.run(scenario.offerToRep, Fixtures.event("offer-to-rep.json"));

    // THEN the same result, no second email or history entry, and the rep's link still works
    assertEquals("SENT", output.get("result").asText());
    assertEquals(1, scenario.mailer.sent().size());
    assertEquals(before, scenario.offer());
    assertEquals(List.of("OFFERED"), scenario.historyTypes());
    assertEquals(200, scenario.show(token).getStatusCode());
  }

  @Test
  void killedJustAfterTheEmail_theSameInvocationAgain_keepsTheEmailedLink() {
    // GIVEN a first try that stored and recorded the offer, emailed the rep and died right after
    scenario.leads.create(OfferScenario.lead("Acme Logistics"));
    OfferToRepHandler dying =
        new OfferToRepHandler(
            scenario.leads,
            scenario.offers,
            scenario.history,
            email -> {
              scenario.mailer.send(email);
              throw new KilledAfterTheEmail();
            },
            scenario.clock,
            OfferScenario.BASE_URL);
    assertThrows(
        KilledAfterTheEmail.class,
        () -> OfferScenario.run(dying, Fixtures.event("offer-to-rep.json")));
    String emailed = OfferScenario.tokenIn(scenario.mailer.sent().get(0).text());

    // WHEN the same invocation runs again, same task token
    JsonNode output = OfferScenario.run(scenario.offerToRep, Fixtures.event("offer-to-rep.json"));

    // THEN no second email; the emailed link still opens the offer
    assertEquals("SENT", output.get("result").asText());
    assertEquals(1, scenario.mailer.sent().size());
    assertEquals(200, scenario.show(emailed).getStatusCode());
    // AND the history records the offer once, saying its email's delivery is not known
    List<HistoryEvent> events = scenario.history.of(LEAD_ID);
    assertEquals(List.of("OFFERED"), scenario.historyTypes());
    assertTrue(events.get(0).summary().contains("may not have arrived"), events.get(0).summary());
  }

  /** Stands for the process killed: an Error, which no step catches, so nothing after it runs. */
  private static final class KilledAfterTheEmail extends Error {}

  @Test
  void diedBeforeTheEmail_theSameInvocationAgain_sendsIt_withALinkThatWorks() {
    // GIVEN a first try that stored the offer and was refused by the provider
    scenario.leads.create(OfferScenario.lead("Acme Logistics"));
    OfferToRepHandler refused =
        new OfferToRepHandler(
            scenario.leads,
            scenario.offers,
            scenario.history,
            email -> {
              throw new IllegalStateException("throttled");
            },
            scenario.clock,
            OfferScenario.BASE_URL);
    assertThrows(
        IllegalStateException.class,
        () -> OfferScenario.run(refused, Fixtures.event("offer-to-rep.json")));

    // WHEN the same invocation runs again
    OfferScenario.run(scenario.offerToRep, Fixtures.event("offer-to-rep.json"));

    // THEN one email goes out and its link works
    assertEquals(1, scenario.mailer.sent().size());
    String token = OfferScenario.tokenIn(scenario.mailer.sent().get(0).text());
    assertEquals(200, scenario.show(token).getStatusCode());
    assertEquals(List.of("OFFERED"), scenario.historyTypes());
  }

  @Test
  void retryAfterTheRepAnswered_sendsNothing_andKeepsTheAnswer() {
    String token = scenario.offered();
    scenario.accept(token);

    JsonNode output = OfferScenario.run(scenario.offerToRep, Fixtures.event("offer-to-rep.json"));

    assertEquals("ALREADY_ANSWERED", output.get("result").asText());
    assertEquals(1, scenario.mailer.sent().size());
    assertEquals(OfferStatus.ACCEPTED, scenario.offer().status());
  }

  @Test
  void missingLead_failsTheStep_andStoresNothing() {
    assertThrows(
        IllegalStateException.class,
        () -> OfferScenario.run(scenario.offerToRep, Fixtures.event("offer-to-rep.json")));

    assertTrue(scenario.offers.find(LEAD_ID, "001").isEmpty());
    assertTrue(scenario.mailer.sent().isEmpty());
  }
}
