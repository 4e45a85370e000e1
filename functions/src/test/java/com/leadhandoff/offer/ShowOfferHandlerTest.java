package com.leadhandoff.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.lead.Lead;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowOfferHandlerTest {
  private final OfferScenario scenario = new OfferScenario();

  @Test
  void openOffer_showsTheLeadWithAcceptAndDeclineForms() {
    String token = scenario.offered();

    APIGatewayV2HTTPResponse page = scenario.show(token);

    assertEquals(200, page.getStatusCode());
    String html = page.getBody();
    assertTrue(html.contains("<form method=\"post\" action=\"" + token + "/accept\">"), html);
    assertTrue(html.contains("<form method=\"post\" action=\"" + token + "/decline\">"));
    assertTrue(html.contains("name=\"reasonCode\" required"));
    assertTrue(html.contains("<textarea id=\"reason\" name=\"reason\""));
    assertTrue(html.contains("Jane Doe"));
    assertTrue(html.contains("82/100 (Hot)"));
    assertTrue(html.contains("Company of 200 to 1,000 employees"));
    assertTrue(html.contains("Mon 23 Nov 2026, 10:15 UTC"));
  }

  @Test
  void lookingAtAnOffer_changesNothing() {
    String token = scenario.offered();
    Offer before = scenario.offer();

    scenario.show(token);
    scenario.show(token);

    assertEquals(before, scenario.offer());
    assertTrue(scenario.workflow.callbacks().isEmpty());
    assertEquals(List.of("OFFERED"), scenario.historyTypes());
    assertTrue(scenario.leads.find(OfferScenario.LEAD_ID).flatMap(Lead::owner).isEmpty());
  }

  @Test
  void everyPage_carriesHeadersThatKeepTheTokenPrivate() {
    String token = scenario.offered();

    for (APIGatewayV2HTTPResponse page :
        List.of(scenario.show(token), scenario.show(OfferToken.generate().value()))) {
      assertEquals("text/html; charset=utf-8", page.getHeaders().get("content-type"));
      assertEquals("no-store", page.getHeaders().get("cache-control"));
      assertTrue(page.getHeaders().get("x-robots-tag").contains("noindex"));
      assertEquals("no-referrer", page.getHeaders().get("referrer-policy"));
    }
  }

  @Test
  void unknownOrMalformedToken_showsNotValidPage() {
    scenario.offered();

    for (String token : List.of(OfferToken.generate().value(), "not-a-token", "")) {
      APIGatewayV2HTTPResponse page = scenario.show(token);
      assertEquals(404, page.getStatusCode());
      assertTrue(page.getBody().contains("This link is not valid"));
    }
  }

  @Test
  void offerPastItsDeadline_showsExpiredPage_evenBeforeTheWorkflowClosedIt() {
    String token = scenario.offered();
    scenario.clock.advance(Duration.ofMinutes(15));

    APIGatewayV2HTTPResponse page = scenario.show(token);

    assertEquals(410, page.getStatusCode());
    assertTrue(page.getBody().contains("This offer expired and the lead was passed on"));
    assertEquals(OfferStatus.OPEN, scenario.offer().status());
  }

  @Test
  void expiredOffer_showsExpiredPage() {
    String token = scenario.offered();
    scenario.offers.expire(OfferScenario.LEAD_ID, "001", OfferScenario.DEADLINE);

    assertEquals(410, scenario.show(token).getStatusCode());
  }

  @Test
  void acceptedOffer_showsAlreadyAcceptedPage() {
    String token = scenario.offered();
    scenario.accept(token);

    APIGatewayV2HTTPResponse page = scenario.show(token);

    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("You already accepted this lead"));
    assertFalse(page.getBody().contains("<form"));
  }

  @Test
  void declinedOffer_showsDeclinedPageWithConflict() {
    String token = scenario.offered();
    scenario.decline(token);

    APIGatewayV2HTTPResponse page = scenario.show(token);

    assertEquals(409, page.getStatusCode());
    assertTrue(page.getBody().contains("You declined this lead"));
  }

  @Test
  void leadValues_areEscapedOnThePage() {
    scenario.leads.create(OfferScenario.lead("<script>alert(1)</script>"));
    String token = scenario.offer(route -> {});

    String html = scenario.show(token).getBody();

    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }
}
