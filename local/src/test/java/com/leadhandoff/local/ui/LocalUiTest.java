package com.leadhandoff.local.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.eventbridge.EventBridgeEndpoint;
import com.leadhandoff.local.eventbridge.EventBuses;
import com.leadhandoff.local.ses.Outbox;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.sfn.TinyEngine;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalUiTest {
  private static final String OFFER_LINK = "http://localhost:3000/offers/tok123";

  private final HttpClient http = HttpClient.newHttpClient();
  private Outbox outbox;
  private TinyEngine local;
  private HttpServer server;
  private EventBuses buses;

  @BeforeEach
  void start() throws IOException {
    outbox = Outbox.inMemory();
    local = new TinyEngine();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    buses = EventBuses.inMemory(java.util.Set.of("lead-events"));
    server.createContext(LocalUi.BASE, new LocalUi(outbox, local.backend(), buses));
    server.createContext(
        "/_aws/events",
        new EventBridgeEndpoint(buses, java.time.Clock.systemUTC(), "000000000000", "eu-west-1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    local.close();
  }

  @Test
  void index_linksToEveryPage() throws Exception {
    HttpResponse<String> page = get("/_local/");

    assertEquals(200, page.statusCode());
    for (String link :
        List.of(
            "/_local/demo",
            "/_local/leads",
            "/_local/mail",
            "/_local/executions",
            "/_local/events",
            "/_local/reports",
            "/_local/outbox")) {
      assertTrue(page.body().contains("href=\"" + link + "\""), link);
    }
  }

  @Test
  void demoForm_postsEveryIntakeFieldToLeads() throws Exception {
    HttpResponse<String> page = get("/_local/demo");

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<form class=\"lead\" method=\"post\" action=\"/leads\">"));
    for (String field :
        List.of(
            "email",
            "firstName",
            "lastName",
            "company",
            "jobTitle",
            "phone",
            "country",
            "companySize",
            "industry",
            "message",
            "formId",
            "utm_source",
            "utm_medium",
            "utm_campaign",
            "website",
            "redirect")) {
      assertTrue(page.body().contains("name=\"" + field + "\""), field);
    }
    assertTrue(page.body().contains("value=\"/_local/thanks\""));
    assertTrue(page.body().contains("<option value=\"contact-sales\">"));
    assertEquals(200, get("/_local/thanks").statusCode());
  }

  @Test
  void mail_escapesSubjectAndFramesHtmlWithClickableLinks() throws Exception {
    // GIVEN an email whose subject and body try to inject markup
    outbox.add(
        email(
            "m1",
            "<script>alert(1)</script> New lead",
            "<p onclick=\"x()\">Hi</p><a href=\"" + OFFER_LINK + "\">Accept</a>"));

    // WHEN the outbox page is shown
    HttpResponse<String> page = get("/_local/mail");

    // THEN the subject is text, the HTML sits escaped in a sandboxed frame, the link is clickable
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("<script>alert(1)</script>"));
    assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt; New lead"));
    assertFalse(page.body().contains("<p onclick"));
    assertTrue(page.body().contains("sandbox=\"allow-top-navigation-by-user-activation"));
    assertTrue(page.body().contains("srcdoc=\"&lt;base target"));
    assertTrue(page.body().contains("<a href=\"" + OFFER_LINK + "\">"));
  }

  @Test
  void mail_showsAnInlineImageInTheHtmlPart_andListsTheAttachment() throws Exception {
    // GIVEN a digest-like email whose HTML shows cid:chart, with the PNG attached INLINE
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    SentEmail base = email("m2", "Weekly lead digest", "<img src=\"cid:chart\" alt=\"chart\">");
    outbox.add(
        new SentEmail(
            base.messageId(),
            base.from(),
            base.to(),
            base.cc(),
            base.bcc(),
            base.replyTo(),
            base.subject(),
            base.text(),
            base.html(),
            base.links(),
            base.sentAt(),
            List.of(
                new com.leadhandoff.local.ses.SentAttachment(
                    "chart.png", "image/png", "INLINE", "chart", png)),
            List.of(),
            "",
            java.util.Map.of()));

    // WHEN the outbox page is shown
    String page = get("/_local/mail").body();

    // THEN the frame's HTML carries the image itself, and the attachment is listed
    String dataUrl = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    assertTrue(page.replace("&#x3D;", "=").contains(dataUrl), page);
    assertFalse(page.contains("&quot;cid:chart&quot;"), "no cid: left in the frame's HTML");
    assertTrue(
        page.contains("chart.png <span class=\"muted\">(image/png, inline, cid:chart, 7 bytes)"));
    // AND the text part is there too
    assertTrue(page.contains("<summary>Text part</summary>"));
  }

  @Test
  void mail_showsTextPartWhenThereIsNoHtml() throws Exception {
    outbox.add(email("m1", "Plain", ""));

    HttpResponse<String> page = get("/_local/mail");

    assertTrue(page.body().contains("<pre>Visit " + OFFER_LINK + " &lt;now&gt;</pre>"));
    assertFalse(page.body().contains("<iframe"));
  }

  @Test
  void outboxJson_isArrayNewestFirstWithTheFieldsScriptsUse() throws Exception {
    outbox.add(email("older", "First", "<a href=\"" + OFFER_LINK + "\">Accept</a>"));
    outbox.add(email("newer", "Second", ""));

    HttpResponse<String> response = get("/_local/outbox");

    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode emails = Json.MAPPER.readTree(response.body());
    assertEquals(2, emails.size());
    JsonNode newest = emails.get(0);
    assertEquals("newer", newest.get("messageId").asText());
    assertEquals("rep@example.com", newest.get("to").get(0).asText());
    assertEquals("leads@example.com", newest.get("from").asText());
    assertEquals("Second", newest.get("subject").asText());
    assertEquals("Visit " + OFFER_LINK + " <now>", newest.get("text").asText());
    assertEquals("", newest.get("html").asText());
    assertEquals("2025-03-04T09:15:00Z", newest.get("sentAt").asText());
    assertEquals(OFFER_LINK, emails.get(1).get("links").get(0).asText());
  }

  @Test
  void executions_listsNameStatusAndLinksToHistory() throws Exception {
    local.engine.startExecution(local.machineArn, Optional.of("lead-1"), "{}");
    local.engine.awaitIdle();

    HttpResponse<String> page = get("/_local/executions");

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(">lead-1</a>"));
    assertTrue(page.body().contains("RUNNING"));
    assertTrue(page.body().contains("2025-03-04 09:00:00 UTC"));
    // jmustache escapes "=" too; a browser reads &#x3D; in an attribute as "=".
    assertTrue(page.body().contains("href=\"/_local/execution?arn&#x3D;arn%3Aaws%3Astates"));
  }

  @Test
  void execution_showsEventsByStateName() throws Exception {
    String arn =
        local
            .engine
            .startExecution(
                local.machineArn,
                Optional.of("lead-1"),
                "{\"leadId\":\"1\",\"note\":\"<script>x()</script>\"}")
            .executionArn();
    local.engine.awaitIdle();

    HttpResponse<String> page =
        get("/_local/execution?arn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8));

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("States: Offer To Rep"));
    assertTrue(
        page.body()
            .contains(
                "<td data-label=\"State\">Offer To Rep</td><td data-label=\"Event\">"
                    + "TaskScheduled</td>"));
    assertTrue(
        page.body().contains("&quot;note&quot; : &quot;&lt;script&gt;x()&lt;/script&gt;&quot;"));
    assertFalse(page.body().contains("<script>"));
  }

  @Test
  void unknownExecutionOrPage_isNotFound() throws Exception {
    assertEquals(404, get("/_local/execution?arn=nope").statusCode());
    assertEquals(404, get("/_local/nothing-here").statusCode());
  }

  @Test
  void post_isNotAllowed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/_local/mail"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(405, response.statusCode());
  }

  private static SentEmail email(String id, String subject, String html) {
    String text = "Visit " + OFFER_LINK + " <now>";
    return new SentEmail(
        id,
        "leads@example.com",
        List.of("rep@example.com"),
        List.of(),
        List.of(),
        List.of(),
        subject,
        text,
        html,
        com.leadhandoff.local.ses.Links.in(text, html),
        Instant.parse("2025-03-04T09:15:00Z"));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.getAddress().getPort() + path);
  }

  @Test
  void events_showEachEventAsACard_newestFirst_escaped() throws Exception {
    // GIVEN two lead events put on the bus, one whose summary holds markup
    putEvent("Lead Received", "{\"leadId\":\"lead-1\",\"summary\":\"From <b>form</b>\"}");
    putEvent("Lead Accepted", "{\"leadId\":\"lead-1\",\"summary\":\"Ana accepted\"}");

    // WHEN the events page is shown
    HttpResponse<String> page = get("/_local/events");

    // THEN each is a card (no wide table, so it fits a phone), newest first, with text escaped
    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.indexOf("Lead Accepted") < body.indexOf("Lead Received"), body);
    assertTrue(body.contains("From &lt;b&gt;form&lt;/b&gt;"), body);
    assertTrue(body.contains("<code>lead-1</code>"), body);
    assertFalse(body.contains("<table"), "cards, not a table that overflows 390 px");
    assertTrue(body.contains("2 event(s)"), body);
  }

  @Test
  void eventsJson_isTheEventsAsEventBridgeDeliversThem() throws Exception {
    // GIVEN an event put on the bus
    putEvent("Lead Scored", "{\"leadId\":\"lead-2\",\"points\":80}");

    // WHEN the JSON is fetched
    JsonNode events = Json.MAPPER.readTree(get("/_local/events.json").body());

    // THEN it carries the envelope's fields and the detail as an object
    assertEquals(1, events.size());
    assertEquals("Lead Scored", events.get(0).get("detail-type").asText());
    assertEquals("lead-handoff", events.get(0).get("source").asText());
    assertEquals(80, events.get(0).get("detail").get("points").asInt());
  }

  private void putEvent(String detailType, String detail) throws Exception {
    String body =
        Json.MAPPER
            .createObjectNode()
            .set(
                "Entries",
                Json.MAPPER
                    .createArrayNode()
                    .add(
                        Json.MAPPER
                            .createObjectNode()
                            .put("EventBusName", "lead-events")
                            .put("Source", "lead-handoff")
                            .put("DetailType", detailType)
                            .put("Detail", detail)))
            .toString();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + server.getAddress().getPort() + "/_aws/events"))
                .header("X-Amz-Target", "AWSEvents.PutEvents")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(0, Json.MAPPER.readTree(response.body()).get("FailedEntryCount").asInt());
  }
}
