package com.leadhandoff.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoUnsubscribes;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.TestDynamo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** RFC 8058 one-click unsubscribe, from the email's headers to the held-back introduction. */
class UnsubscribeLinkTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  private static final Pattern LINK =
      Pattern.compile("<(https://leads\\.example\\.com/unsubscribe/([A-Za-z0-9_-]{43}))>");

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoUnsubscribes store =
      new DynamoUnsubscribes(TestDynamo.client(), tables.get("UnsubscribesTable"));
  private final LeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final RecordingMailer ses = new RecordingMailer();
  private final UnsubscribeMailer mailer =
      new UnsubscribeMailer(ses, store, "https://leads.example.com/", CLOCK);
  private final UnsubscribeHandler handler =
      new UnsubscribeHandler(new Unsubscribe(store, history, CLOCK));

  private static Email intro(Email.Kind kind) {
    return EmailTemplates.renderToProspect(
        "intro",
        "Ada@Analytical.example",
        Map.of(
            "lead",
            Map.of("greetingName", "Ada"),
            "rep",
            Map.of("name", "Ben", "email", "b@x.example")),
        "lead-1",
        kind);
  }

  private String sendAndTakeToken(Email.Kind kind) {
    assertTrue(mailer.deliver(intro(kind)));
    Email sent = ses.sent().get(ses.sent().size() - 1);
    String header =
        sent.headers().stream()
            .filter(h -> h.name().equals("List-Unsubscribe"))
            .findFirst()
            .orElseThrow()
            .value();
    Matcher m = LINK.matcher(header);
    assertTrue(m.matches(), header);
    assertTrue(
        sent.headers()
            .contains(new Email.Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
    assertTrue(sent.html().contains("href=\"" + m.group(1) + "\""), "the body has the same link");
    assertTrue(sent.text().contains(m.group(1)));
    assertFalse(sent.html().contains(EmailTemplates.UNSUBSCRIBE_PLACEHOLDER));
    return m.group(2);
  }

  private APIGatewayV2HTTPResponse call(String method, String token) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setPathParameters(Map.of("token", token));
    event.setRequestContext(
        APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(
                APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
            .build());
    event.setBody("List-Unsubscribe=One-Click");
    return handler.handleRequest(event, null);
  }

  @Test
  void prospectEmail_carriesAOneClickLinkWhoseHashAloneIsStored() {
    // WHEN an introduction goes to a prospect
    String token = sendAndTakeToken(Email.Kind.COMMERCIAL);
    // THEN the table holds the token's hash, never the token
    String stored = TestDynamo.everything(tables).get("UnsubscribesTable").toString();
    assertFalse(stored.contains(token));
    assertTrue(stored.contains(com.leadhandoff.offer.OfferToken.parse(token).orElseThrow().hash()));
  }

  @Test
  void get_showsAButtonAndChangesNothing() {
    String token = sendAndTakeToken(Email.Kind.COMMERCIAL);
    var before = TestDynamo.everything(tables);
    // WHEN a mail scanner or the prospect opens the link
    APIGatewayV2HTTPResponse page = call("GET", token);
    // THEN a confirmation page with a POST button, and nothing written
    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("<form method=\"post\""), page.getBody());
    assertEquals(before, TestDynamo.everything(tables));
    assertFalse(store.isUnsubscribed("ada@analytical.example"));
  }

  @Test
  void oneClickPost_unsubscribes_recordsHistory_andHoldsBackTheNextIntroduction() {
    String token = sendAndTakeToken(Email.Kind.COMMERCIAL);
    // WHEN the mailbox provider posts List-Unsubscribe=One-Click, twice
    assertEquals(200, call("POST", token).getStatusCode());
    assertEquals(200, call("POST", token).getStatusCode());
    // THEN the address (any case) is unsubscribed, the lead's history says so once
    assertTrue(store.isUnsubscribed("ADA@analytical.example"));
    assertEquals(
        1,
        history.of("lead-1").stream()
            .filter(e -> e.type().equals(Unsubscribe.UNSUBSCRIBED))
            .count());
    // AND another sales email is held back, while a transactional acknowledgement still goes
    int sent = ses.sent().size();
    assertFalse(mailer.deliver(intro(Email.Kind.COMMERCIAL)));
    assertEquals(sent, ses.sent().size());
    sendAndTakeToken(Email.Kind.TRANSACTIONAL);
    assertEquals(sent + 1, ses.sent().size());
  }

  @Test
  void unknownOrMalformedToken_is404_andChangesNothing() {
    var before = TestDynamo.everything(tables);
    assertEquals(404, call("POST", "not-a-token").getStatusCode());
    assertEquals(404, call("POST", "A".repeat(43)).getStatusCode());
    assertEquals(before, TestDynamo.everything(tables));
  }

  @Test
  void emailToARep_passesThroughUntouched() {
    Email offer = new Email("rep@x.example", "s", "t", "<p>h</p>");
    assertTrue(mailer.deliver(offer));
    assertEquals(offer, ses.sent().get(0));
  }
}
