package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static com.leadhandoff.offer.OfferScenario.REP_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
