package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.api.SignedRequests;
import com.leadhandoff.local.workflow.LeadHandoffRuntime.Response;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A person's walk through the product over HTTP on localhost: the demo form posts a lead, the
 * outbox (as JSON, the way scripts read it) holds the rep's offer, the offer link shows the
 * confirmation page, Accept hands the lead over and the follow-up emails appear. The only thing not
 * done over HTTP is waiting for the workflow to settle, which the runtime reports exactly.
 */
class LeadHandoffEndToEndTest {
  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();

  @Test
  void demoForm_offerEmail_accept_followUp() throws Exception {
    Response form = local.get("/_local/demo");
    assertEquals(200, form.status());
    assertTrue(
        form.body().contains("action=\"/leads\""), "the demo form posts to the intake route");
    String prospect = value(form.body(), "email");

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", prospect);
    fields.put("firstName", value(form.body(), "firstName"));
    fields.put("lastName", "Walkthrough");
    fields.put("company", value(form.body(), "company"));
    fields.put("jobTitle", value(form.body(), "jobTitle"));
    fields.put("country", value(form.body(), "country"));
    fields.put("companySize", value(form.body(), "companySize"));
    fields.put("industry", value(form.body(), "industry"));
    fields.put("formId", "demo-request");
    // A source of its own: other tests walk the same demo form, campaign and all, on this runtime.
    assertEquals("local-ui", hidden(form.body(), "utm_source"));
    fields.put("utm_source", "end-to-end-test");
    fields.put("utm_campaign", hidden(form.body(), "utm_campaign"));
    fields.put("redirect", "/_local/thanks");
    fields.put("website", "");
    Response posted = local.postForm("/leads", fields);
    assertEquals(303, posted.status(), posted.body());
    assertEquals(List.of("/_local/thanks"), posted.headers().get("location"));
    local.settle();

    // The demo form's campaign is in config/follow-ups.yaml: the prospect is thanked for it.
    JsonNode thanks = onlyEmail("Thanks for requesting a personal demo");
    assertEquals(prospect, thanks.get("to").get(0).asText());
    assertTrue(thanks.get("text").asText().contains("will contact you by"), "with a time");
    JsonNode offer = onlyEmail("New lead for you: Ada Walkthrough");
    String rep = offer.get("to").get(0).asText();
    String link = offer.get("links").get(0).asText();
    assertTrue(link.startsWith(local.runtime.baseUrl() + "/offers/"), link);
    assertTrue(
        offer.get("html").asText().contains("Asked for a demo"), "the rep sees why it scored");

    Response page = local.get(link);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("Ada Walkthrough"));

    Response accepted = local.postForm(link + "/accept", Map.of());
    assertEquals(200, accepted.status(), accepted.body());
    local.settle();

    JsonNode intro = onlyEmail("will take care of your request");
    assertEquals(prospect, intro.get("to").get(0).asText());
    assertTrue(
        intro.get("text").asText().contains("You asked for a personal demo."),
        intro.get("text").asText());
    JsonNode owned = onlyEmail("You own this lead: Ada Walkthrough");
    assertEquals(rep, owned.get("to").get(0).asText());
    assertEquals(200, local.get(link).status(), "the link now says the rep owns the lead");

    // Closed loop: the owner's email links each outcome; opening one only asks to confirm it.
    String meeting = "";
    for (JsonNode each : owned.get("links")) {
      if (each.asText().endsWith("?outcome=MEETING")) {
        meeting = each.asText();
      }
    }
    assertTrue(meeting.startsWith(local.runtime.baseUrl() + "/outcomes/"), owned.toString());
    Response confirm = local.get(meeting);
    assertEquals(200, confirm.status());
    assertTrue(confirm.body().contains("value=\"MEETING\" checked"), confirm.body());
    String outcomeLink = meeting.substring(0, meeting.indexOf('?'));
    Response recorded = local.postForm(outcomeLink, Map.of("outcome", "MEETING"));
    assertEquals(200, recorded.status(), recorded.body());
    assertTrue(recorded.body().contains("Outcome recorded"), recorded.body());
    Response again = local.postForm(outcomeLink, Map.of("outcome", "MEETING"));
    assertTrue(again.body().contains("Already recorded"), again.body());

    // A CRM reports the win through the IAM-authorized admin route; unsigned calls never arrive.
    Matcher leadId = Pattern.compile("Lead (\\S+), owned by").matcher(recorded.body());
    assertTrue(leadId.find(), recorded.body());
    String outcomeRoute = "/admin/leads/" + leadId.group(1) + "/outcome";
    assertEquals(403, local.postJson(outcomeRoute, "{\"outcome\": \"WON\"}").status());
    HttpResponse<String> won =
        HttpClient.newHttpClient()
            .send(
                SignedRequests.sign(
                    "POST",
                    local.runtime.baseUrl().resolve(outcomeRoute),
                    "{\"outcome\": \"WON\", \"note\": \"Signed in December\"}"),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, won.statusCode(), won.body());
    assertTrue(won.body().contains("\"stage\":{\"outcome\":\"WON\""), won.body());
    // Both happened at the same instant of the runtime's clock, so the history holds them in either
    // order; the stage is the one that arrived last.
    assertEquals(
        List.of("MEETING", "WON"),
        local.leadHistory(leadId.group(1)).stream()
            .filter(e -> e.type().equals("OUTCOME_RECORDED"))
            .map(e -> e.details().get("outcome"))
            .sorted()
            .toList());

    // The SLA report of the lead's day, by source, counts it accepted in time and won: the
    // outcome functions kept its SLA facts current (docs/reports.md).
    String day = local.lead(leadId.group(1)).receivedAt().atZone(ZoneOffset.UTC).toLocalDate() + "";
    HttpResponse<String> report =
        HttpClient.newHttpClient()
            .send(
                SignedRequests.sign(
                    "GET",
                    local
                        .runtime
                        .baseUrl()
                        .resolve(
                            "/admin/reports/sla?from=" + day + "&to=" + day + "&groupBy=source"),
                    ""),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, report.statusCode(), report.body());
    // Other tests on this runtime may have leads on the same day, from other sources: this lead's
    // source is its own row.
    JsonNode row = null;
    for (JsonNode group : Json.MAPPER.readTree(report.body()).get("groups")) {
      if (fields.get("utm_source").equals(group.get("group").asText())) {
        row = group;
      }
    }
    assertTrue(row != null, "a row for source " + fields.get("utm_source") + ": " + report.body());
    assertEquals(1, row.get("leads").asInt(), report.body());
    assertEquals(1.0, row.get("shareAcceptedWithinSla").asDouble(), report.body());
    List<Integer> funnel = new ArrayList<>();
    row.get("funnel").get("stages").forEach(stage -> funnel.add(stage.get("leads").asInt()));
    assertEquals(List.of(1, 1, 1, 1, 1), funnel, "MQL, accepted, SQL (implied), meeting, won");
  }

  private JsonNode onlyEmail(String subjectPart) {
    List<JsonNode> found = new ArrayList<>();
    outbox()
        .forEach(
            m -> {
              if (m.get("subject").asText().contains(subjectPart)) {
                found.add(m);
              }
            });
    assertEquals(1, found.size(), "emails about " + subjectPart);
    return found.get(0);
  }

  private JsonNode outbox() {
    Response outbox = local.get("/_local/outbox");
    assertEquals(200, outbox.status());
    return outbox.json();
  }

  private static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), "the demo form sends " + name);
    return m.group(1);
  }

  private static String value(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), "the demo form has a prefilled " + id);
    return m.group(1);
  }
}
