package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.testing.AtOnce;
import com.leadhandoff.testing.RecordingWorkflow.Sent;
import com.leadhandoff.workflow.Workflow.Callback;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RespondToOfferHandlerTest {
  private final OfferScenario scenario = new OfferScenario();

  private Optional<Owner> owner() {
    return scenario.leads.find(LEAD_ID).flatMap(Lead::owner);
  }

  // ---- accept ------------------------------------------------------------------------------

  @Test
  void acceptInTime_makesTheRepOwner_andResumesTheWorkflowOnce() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(4));

    APIGatewayV2HTTPResponse page = scenario.accept(token);

    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("The lead is yours"));
    assertEquals(OfferStatus.ACCEPTED, scenario.offer().status());
    assertEquals(
        Optional.of(new Owner("rep-ana-ruiz", "Ana Ruiz", "ana.ruiz@example.com", Owner.Role.REP)),
        owner());
    assertEquals(LeadStatus.ACCEPTED, scenario.leads.find(LEAD_ID).orElseThrow().status());
    List<Sent> callbacks = scenario.workflow.callbacks();
    assertEquals(1, callbacks.size());
    assertTrue(callbacks.get(0).success());
    assertEquals(OfferScenario.fixtureTaskToken(), callbacks.get(0).taskToken());
    JsonNode output = OfferScenario.json(callbacks.get(0).output());
    assertEquals("ACCEPTED", output.get("outcome").asText());
    assertEquals("rep-ana-ruiz", output.get("repId").asText());
    assertEquals("001", output.get("offerId").asText());
    HistoryEvent accepted = scenario.history.of(LEAD_ID).get(1);
    assertEquals("OFFER_ACCEPTED", accepted.type());
    assertEquals("Ana Ruiz accepted the lead 4 minutes after it was offered", accepted.summary());
  }

  @Test
  void secondAccept_isIdempotent_withoutASecondCallback() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(1));
    scenario.accept(token);

    APIGatewayV2HTTPResponse again = scenario.accept(token);

    assertEquals(200, again.getStatusCode());
    assertTrue(again.getBody().contains("You already accepted this lead"));
    assertEquals(1, scenario.workflow.callbacks().size());
    assertEquals(List.of("OFFERED", "OFFER_ACCEPTED"), scenario.historyTypes());
  }

  @Test
  void acceptAfterDeadline_showsExpiredPage_andChangesNothing() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(15));

    APIGatewayV2HTTPResponse page = scenario.accept(token);

    assertEquals(410, page.getStatusCode());
    assertTrue(page.getBody().contains("This offer expired and the lead was passed on"));
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
    assertTrue(owner().isEmpty());
    assertTrue(scenario.workflow.callbacks().isEmpty());
    assertEquals(List.of("OFFERED"), scenario.historyTypes());
  }

  @Test
  void acceptOfAnExpiredOffer_showsExpiredPage() {
    String token = scenario.offered();
    scenario.offers.expire(LEAD_ID, "001", OfferScenario.OFFERED_AT.plusSeconds(60));

    assertEquals(410, scenario.accept(token).getStatusCode());
    assertTrue(owner().isEmpty());
    assertTrue(scenario.workflow.callbacks().isEmpty());
  }

  @Test
  void acceptWithAnUnknownToken_showsNotValidPage() {
    scenario.offered();

    APIGatewayV2HTTPResponse page = scenario.accept(OfferToken.generate().value());

    assertEquals(404, page.getStatusCode());
    assertTrue(page.getBody().contains("This link is not valid"));
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
  }

  @Test
  void acceptAfterDecline_isAConflict_andChangesNothing() {
    String token = scenario.offered();
    scenario.decline(token);

    APIGatewayV2HTTPResponse page = scenario.accept(token);

    assertEquals(409, page.getStatusCode());
    assertTrue(page.getBody().contains("You declined this lead"));
    assertEquals(OfferStatus.DECLINED, scenario.offer().status());
    assertTrue(owner().isEmpty());
    assertEquals(1, scenario.workflow.callbacks().size());
  }

  @Test
  void acceptWhoseCallbackFindsTheTaskTimedOut_stillShowsSuccess() {
    // The timer fired a moment before: "Record Missed Offer" will find the offer accepted.
    String token = scenario.offered();
    scenario.workflow.answerWith(Callback.TIMED_OUT);

    APIGatewayV2HTTPResponse page = scenario.accept(token);

    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("The lead is yours"));
    assertEquals(OfferStatus.ACCEPTED, scenario.offer().status());
    assertTrue(owner().isPresent());
  }

  @Test
  void racingAccepts_succeedOnce_andResumeTheWorkflowOnce() throws Exception {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(1));
    List<APIGatewayV2HTTPResponse> pages = AtOnce.times(8, racer -> scenario.accept(token));

    long won = 0;
    for (APIGatewayV2HTTPResponse page : pages) {
      assertEquals(200, page.getStatusCode());
      won += page.getBody().contains("The lead is yours") ? 1 : 0;
    }
    assertEquals(1, won);
    assertEquals(1, scenario.workflow.callbacks().size());
    assertEquals(List.of("OFFERED", "OFFER_ACCEPTED"), scenario.historyTypes());
    assertEquals("rep-ana-ruiz", owner().orElseThrow().id());
  }

  @Test
  void acceptWhenSomebodyElseOwnsTheLead_isAConflict_andTheWorkflowParksIt() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(1));
    scenario.leads.claimOwner(
        LEAD_ID,
        new Owner("boss@example.com", "Bo Boss", "boss@example.com", Owner.Role.MANAGER),
        LeadStatus.ESCALATED);

    APIGatewayV2HTTPResponse page = scenario.accept(token);

    assertEquals(409, page.getStatusCode());
    assertTrue(page.getBody().contains("Someone else already owns this lead"));
    assertEquals("boss@example.com", owner().orElseThrow().id());
    List<Sent> callbacks = scenario.workflow.callbacks();
    assertEquals(1, callbacks.size());
    assertEquals(
        "OWNED_ELSEWHERE", OfferScenario.json(callbacks.get(0).output()).get("outcome").asText());
    assertEquals(List.of("OFFERED", "OWNER_CONFLICT"), scenario.historyTypes());
  }

  // ---- decline -----------------------------------------------------------------------------

  @Test
  void decline_failsTheTaskWithTheReason_andRecordsIt() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(2));

    APIGatewayV2HTTPResponse page = scenario.decline(token);

    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("Thanks — the lead goes to the next rep"));
    String reason = "Not my territory: We do not cover Portugal & Spain yet";
    Offer offer = scenario.offer();
    assertEquals(OfferStatus.DECLINED, offer.status());
    assertEquals(Optional.of(reason), offer.declineReason());
    assertEquals(
        List.of(new Sent(OfferScenario.fixtureTaskToken(), false, null, "OfferDeclined", reason)),
        scenario.workflow.callbacks());
    HistoryEvent declined = scenario.history.of(LEAD_ID).get(1);
    assertEquals("OFFER_DECLINED", declined.type());
    assertEquals("Ana Ruiz declined: " + reason, declined.summary());
    assertEquals(reason, declined.details().get("reason"));
    assertEquals("NOT_MY_TERRITORY", declined.details().get("reasonCode"));
    assertTrue(owner().isEmpty());
  }

  @Test
  void declineAsSpam_sendsTheLeadBackToMarketing_notToTheNextRep() {
    String token = scenario.offered();

    APIGatewayV2HTTPResponse page =
        scenario.decline(token, "reasonCode=SPAM&reason=Company+name+is+a+keyboard+mash");

    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("Thanks — the lead goes back to marketing"), page.getBody());
    String reason = "Spam: Company name is a keyboard mash";
    assertEquals(
        List.of(new Sent(OfferScenario.fixtureTaskToken(), false, null, "LeadRecycled", reason)),
        scenario.workflow.callbacks());
    HistoryEvent declined =
        scenario.history.of(LEAD_ID).stream()
            .filter(e -> e.type().equals("OFFER_DECLINED"))
            .findFirst()
            .orElseThrow();
    assertEquals("SPAM", declined.details().get("reasonCode"));
    assertEquals("true", declined.details().get("recycled"));
  }

  @Test
  void declineWithoutReason_asksForOne_andChangesNothing() {
    String token = scenario.offered();

    for (String form : List.of("", "reason=+++", "reasonCode=OTHER&reason=")) {
      APIGatewayV2HTTPResponse page = scenario.decline(token, form);

      assertEquals(400, page.getStatusCode());
      assertTrue(page.getBody().contains("Please say why you decline"));
      // The page is served at /offers/{token}/decline, so its forms point next door.
      assertTrue(page.getBody().contains("action=\"accept\""));
      assertTrue(page.getBody().contains("action=\"decline\""));
    }
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
    assertTrue(scenario.workflow.callbacks().isEmpty());
    assertEquals(List.of("OFFERED"), scenario.historyTypes());
  }

  @Test
  void declineWithTooLongAReason_isRefused_andChangesNothing() {
    String token = scenario.offered();

    APIGatewayV2HTTPResponse page = scenario.decline(token, "reason=" + "x".repeat(501));

    assertEquals(400, page.getStatusCode());
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
  }

  @Test
  void declineAfterDeadline_showsExpiredPage_andChangesNothing() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(20));

    APIGatewayV2HTTPResponse page = scenario.decline(token);

    assertEquals(410, page.getStatusCode());
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
    assertTrue(scenario.workflow.callbacks().isEmpty());
  }

  @Test
  void declineAfterAccept_isAConflict() {
    String token = scenario.offered();
    scenario.accept(token);

    APIGatewayV2HTTPResponse page = scenario.decline(token);

    assertEquals(409, page.getStatusCode());
    assertTrue(page.getBody().contains("You already accepted this lead"));
    assertEquals(OfferStatus.ACCEPTED, scenario.offer().status());
    assertEquals(1, scenario.workflow.callbacks().size());
  }

  @Test
  void secondDecline_isIdempotent_withoutASecondCallback() {
    String token = scenario.offered();
    scenario.decline(token);

    APIGatewayV2HTTPResponse again = scenario.decline(token);

    assertEquals(200, again.getStatusCode());
    assertTrue(again.getBody().contains("You already declined this lead"));
    assertEquals(1, scenario.workflow.callbacks().size());
  }

  @Test
  void declineWithAnUnknownToken_showsNotValidPage() {
    scenario.offered();

    assertEquals(404, scenario.decline(OfferToken.generate().value()).getStatusCode());
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
  }
}
