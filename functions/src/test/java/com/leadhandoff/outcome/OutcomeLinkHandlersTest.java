package com.leadhandoff.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.offer.OfferToken;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OutcomeLinkHandlersTest {
  private final OutcomeScenario scenario = new OutcomeScenario();
  private final ShowOutcomeHandler show =
      new ShowOutcomeHandler(scenario.links, scenario.outcomes, scenario.clock);
  private final RecordOutcomeHandler record =
      new RecordOutcomeHandler(scenario.links, scenario.outcomes, scenario.clock);

  @Test
  void showPage_asksToConfirmTheLinkedOutcome_andChangesNothing() {
    // GIVEN Ana's accepted lead and the links of her email
    scenario.acceptedLead();
    String token = scenario.token();
    var before = scenario.everything();

    // WHEN a mail scanner and then Ana open the "Meeting booked" link
    show(token, "MEETING");
    APIGatewayV2HTTPResponse page = show(token, "MEETING");

    // THEN the page preselects the outcome and posts to the link itself
    assertEquals(200, page.getStatusCode());
    String html = page.getBody();
    assertTrue(html.contains("<form method=\"post\" action=\"" + token + "\">"), html);
    assertTrue(html.contains("value=\"MEETING\" checked required"), html);
    assertFalse(html.contains("value=\"WON\" checked"), html);
    assertTrue(html.contains("Dana Prospect"), html);
    // AND it states when the link expires, 90 days after it was issued
    assertTrue(html.contains("This link works until Sun 21 Feb 2027, 11:00 UTC"), html);
    // AND nothing was written anywhere
    assertEquals(before, scenario.everything());
    assertTrue(scenario.outcomesRecorded().isEmpty());
  }

  @Test
  void pages_fitAPhoneScreen_andKeepTheTokenPrivate() {
    // GIVEN a link
    scenario.acceptedLead();
    String token = scenario.token();

    // WHEN its page, an invalid link's page and a recorded page are opened
    for (APIGatewayV2HTTPResponse page :
        List.of(show(token, ""), show("not-a-token", ""), post(token, Map.of("outcome", "SQL")))) {
      // THEN each scales to the device, sets no fixed width, and is neither cached nor indexed
      assertTrue(
          page.getBody().contains("name=\"viewport\" content=\"width=device-width"),
          page.getBody());
      assertFalse(Pattern.compile("width:\\s*\\d+px").matcher(page.getBody()).find());
      assertEquals("no-store", page.getHeaders().get("cache-control"));
      assertEquals("no-referrer", page.getHeaders().get("referrer-policy"));
    }
  }

  @Test
  void postingTheFixture_recordsTheOutcomeInHistory_andMakesItTheStage() {
    // GIVEN the link of the fixture's token, issued for Ana's lead
    scenario.acceptedLead();
    APIGatewayV2HTTPEvent event = OutcomeScenario.event("record-outcome.json");
    String token = event.getPathParameters().get("token");
    scenario.links.put(
        new OutcomeLink(
            OfferToken.parse(token).orElseThrow().hash(),
            OutcomeScenario.LEAD_ID,
            "rep-ana",
            "Ana Ruiz",
            scenario.clock.instant(),
            scenario.clock.instant().plus(Duration.ofDays(90))));
    scenario.clock.advance(Duration.ofDays(3));

    // WHEN Ana confirms "Meeting booked" with a note
    APIGatewayV2HTTPResponse page = record.handleRequest(event, null);

    // THEN the page says it is recorded
    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("Outcome recorded"), page.getBody());
    assertTrue(page.getBody().contains("<strong>Meeting booked</strong>"), page.getBody());
    // AND the history keeps it with who, how and the note
    HistoryEvent recorded = scenario.outcomesRecorded().get(0);
    assertEquals(scenario.clock.instant(), recorded.at());
    assertEquals("MEETING", recorded.details().get("outcome"));
    assertEquals("rep-ana", recorded.details().get("by"));
    assertEquals("LINK", recorded.details().get("source"));
    assertEquals("Demo booked for Tuesday", recorded.details().get("note"));
    // AND it is the lead's stage, with the time the lead reached it; the status is untouched
    Stage stage = scenario.leads.stage(OutcomeScenario.LEAD_ID).orElseThrow();
    assertEquals(Outcome.MEETING, stage.outcome());
    assertEquals(scenario.clock.instant(), stage.at());
    assertEquals(scenario.clock.instant().toString(), scenario.leadItem().get("meetingAt").s());
    assertEquals(
        LeadStatus.ACCEPTED, scenario.leads.find(OutcomeScenario.LEAD_ID).orElseThrow().status());
  }

  @Test
  void sameOutcomeTwice_isRecordedOnce_andTheSecondPostSaysSo() {
    // GIVEN Ana recorded "Qualified (SQL)"
    scenario.acceptedLead();
    String token = scenario.token();
    post(token, Map.of("outcome", "SQL"));
    var after = scenario.everything();
    scenario.clock.advance(Duration.ofMinutes(5));

    // WHEN she posts the same outcome again (a double click, a reload)
    APIGatewayV2HTTPResponse again = post(token, Map.of("outcome", "SQL"));

    // THEN the page says it was already recorded and nothing changed
    assertEquals(200, again.getStatusCode());
    assertTrue(again.getBody().contains("Already recorded"), again.getBody());
    assertTrue(again.getBody().contains("Nothing was changed"), again.getBody());
    assertEquals(after, scenario.everything());
    assertEquals(1, scenario.outcomesRecorded().size());
  }

  @Test
  void laterOutcome_movesTheStage_andTheHistoryKeepsEveryStageWithItsTime() {
    // GIVEN Ana recorded SQL, then a meeting two days later
    scenario.acceptedLead();
    String token = scenario.token();
    post(token, Map.of("outcome", "SQL"));
    var sqlAt = scenario.clock.instant();
    scenario.clock.advance(Duration.ofDays(2));
    post(token, Map.of("outcome", "MEETING"));

    // WHEN, three weeks later, the deal is won
    scenario.clock.advance(Duration.ofDays(21));
    APIGatewayV2HTTPResponse page = post(token, Map.of("outcome", "WON"));

    // THEN WON is the stage, and each stage keeps when the lead reached it
    assertEquals(200, page.getStatusCode());
    assertEquals(
        Outcome.WON, scenario.leads.stage(OutcomeScenario.LEAD_ID).orElseThrow().outcome());
    Map<String, AttributeValue> item = scenario.leadItem();
    assertEquals(sqlAt.toString(), item.get("sqlAt").s());
    assertEquals(sqlAt.plus(Duration.ofDays(2)).toString(), item.get("meetingAt").s());
    assertEquals(scenario.clock.instant().toString(), item.get("wonAt").s());
    assertEquals(
        List.of("SQL", "MEETING", "WON"),
        scenario.outcomesRecorded().stream().map(e -> e.details().get("outcome")).toList());
  }

  @Test
  void disqualifiedWithoutReason_isRefusedWithTheFormAgain_andNothingIsRecorded() {
    // GIVEN a link
    scenario.acceptedLead();
    String token = scenario.token();
    var before = scenario.everything();

    // WHEN Ana posts "Disqualified" without choosing why
    APIGatewayV2HTTPResponse page =
        post(token, Map.of("outcome", "DISQUALIFIED", "note", "gone quiet"));

    // THEN she gets the form back, her choice and note kept, with the problem named
    assertEquals(400, page.getStatusCode());
    assertTrue(page.getBody().contains("Please choose why the lead is disqualified."));
    assertTrue(page.getBody().contains("value=\"DISQUALIFIED\" checked"), page.getBody());
    assertTrue(page.getBody().contains(">gone quiet</textarea>"), page.getBody());
    assertEquals(before, scenario.everything());
  }

  @Test
  void disqualifiedWithAReasonFromTheList_keepsTheReason() {
    // GIVEN a link
    scenario.acceptedLead();
    String token = scenario.token();

    // WHEN Ana disqualifies the lead for having no budget
    APIGatewayV2HTTPResponse page =
        post(token, Map.of("outcome", "DISQUALIFIED", "reason", "NO_BUDGET"));

    // THEN the page and the stage name the reason
    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("Disqualified</strong> (No budget)"), page.getBody());
    assertEquals(
        java.util.Optional.of(DisqualifyReason.NO_BUDGET),
        scenario.leads.stage(OutcomeScenario.LEAD_ID).orElseThrow().reason());
    assertEquals("NO_BUDGET", scenario.outcomesRecorded().get(0).details().get("reason"));
  }

  @Test
  void expiredLink_isRefusedOnGetAndPost_sayingWhenItExpired() {
    // GIVEN a link 90 days old
    scenario.acceptedLead();
    String token = scenario.token();
    scenario.clock.advance(OutcomeScenario.LIFETIME);
    var before = scenario.everything();

    // WHEN Ana opens it and posts to it
    APIGatewayV2HTTPResponse shown = show(token, "WON");
    APIGatewayV2HTTPResponse posted = post(token, Map.of("outcome", "WON"));

    // THEN both pages say it expired and when, and nothing is recorded
    for (APIGatewayV2HTTPResponse page : List.of(shown, posted)) {
      assertEquals(410, page.getStatusCode());
      assertTrue(page.getBody().contains("This link has expired"), page.getBody());
      assertTrue(page.getBody().contains("Sun 21 Feb 2027, 11:00 UTC"), page.getBody());
    }
    assertEquals(before, scenario.everything());
  }

  @Test
  void unknownOrMalformedToken_showsNotValidPage_withoutAStackTrace() {
    // GIVEN a lead with links
    scenario.acceptedLead();
    scenario.token();

    // WHEN links that are not its own are opened or posted to
    for (String token : List.of(OfferToken.generate().value(), "not-a-token", "")) {
      for (APIGatewayV2HTTPResponse page :
          List.of(show(token, "SQL"), post(token, Map.of("outcome", "SQL")))) {
        // THEN each says the link is not valid
        assertEquals(404, page.getStatusCode());
        assertTrue(page.getBody().contains("This link is not valid"), page.getBody());
      }
    }
    assertTrue(scenario.outcomesRecorded().isEmpty());
  }

  @Test
  void leadWithoutAnOwnerNow_takesNoOutcome() {
    // GIVEN a link of a lead that was parked since
    scenario.acceptedLead();
    String token = scenario.token();
    scenario.leads.setStatus(OutcomeScenario.LEAD_ID, LeadStatus.NEEDS_ATTENTION);

    // WHEN Ana posts an outcome
    APIGatewayV2HTTPResponse page = post(token, Map.of("outcome", "WON"));

    // THEN the page says the lead takes none, and nothing is recorded
    assertEquals(409, page.getStatusCode());
    assertTrue(page.getBody().contains("NEEDS_ATTENTION"), page.getBody());
    assertTrue(scenario.outcomesRecorded().isEmpty());
    assertTrue(scenario.leads.stage(OutcomeScenario.LEAD_ID).isEmpty());
  }

  @Test
  void hostileLeadDataAndNote_areEscapedOnEveryPage() {
    // GIVEN a lead whose prospect typed markup into the form, accepted by Ana
    String script = "<script>alert(1)</script>";
    scenario.lead(script, "<img src=x onerror=alert(2)>");
    scenario.leads.claimOwner(OutcomeScenario.LEAD_ID, OutcomeScenario.ANA, LeadStatus.ACCEPTED);
    String token = scenario.token();

    // WHEN the page is opened, and a refused form echoes a hostile note
    String shown = show(token, "\"><script>").getBody();
    String refused =
        post(token, Map.of("outcome", "DISQUALIFIED", "note", "</textarea>" + script)).getBody();
    String done = post(token, Map.of("outcome", "LOST", "note", script)).getBody();

    // THEN no markup from the lead or the note reaches a page unescaped
    for (String html : List.of(shown, refused, done)) {
      assertFalse(html.contains("<script>"), html);
      assertFalse(html.contains("<img src=x"), html);
    }
    assertTrue(shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), shown);
    assertTrue(refused.contains("&lt;/textarea&gt;&lt;script&gt;"), refused);
    // AND the note is kept as typed, for whoever renders it next to escape
    assertEquals(script, scenario.outcomesRecorded().get(0).details().get("note"));
  }

  @Test
  void onlyTheTokensHashIsStored() {
    // GIVEN a lead
    scenario.acceptedLead();

    // WHEN its links are issued
    String token = scenario.token();

    // THEN no table holds the token, and the links table holds its hash
    String everything = scenario.everything().toString();
    assertFalse(everything.contains(token));
    assertTrue(everything.contains(OfferToken.parse(token).orElseThrow().hash()));
  }

  private APIGatewayV2HTTPResponse show(String token, String outcome) {
    APIGatewayV2HTTPEvent event = OutcomeScenario.event("show-outcome.json");
    event.setPathParameters(Map.of("token", token));
    event.setQueryStringParameters(Map.of("outcome", outcome));
    return show.handleRequest(event, null);
  }

  private APIGatewayV2HTTPResponse post(String token, Map<String, String> form) {
    APIGatewayV2HTTPEvent event = OutcomeScenario.event("record-outcome.json");
    event.setPathParameters(Map.of("token", token));
    event.setIsBase64Encoded(false);
    event.setBody(
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
    return record.handleRequest(event, null);
  }
}
