package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.api.SignedRequests;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.workflow.LeadHandoffRuntime.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, walked as a person walks it — the demo form, the outbox, the offer link, the
 * outcome link, a lead left alone, a form posted again — then the leads board, the events page and
 * the SLA report must show exactly the figures the walk implies, which the README states.
 *
 * <p>The shared runtime's clock is virtual: it stands still unless the test moves it, which is what
 * the README's <b>Pause</b> gives a person, and moving it an hour is <b>Skip to next timer</b>
 * pressed until nothing is due. The walk runs on a weekday of its own, so leads of earlier tests on
 * this runtime are not on its board rows, events or report.
 */
class ReadmeDemoWalkTest {
  private static final String BEN = "ben.okafor@sales.example.com";
  private static final String MANAGER = "morgan.lee@sales.example.com";
  private static final String REPORT_COMMAND =
      "curl --aws-sigv4 \"aws:amz:us-east-1:execute-api\" --user local:local \"http://localhost:3000";

  // What the walk implies, from the README and config/: the demo company is Ben's named account;
  // inbound-sales has three reps; a hot lead's SLA is 15 minutes with reminders at 0.5 and 0.8.
  private static final int LADDER = 3;
  private static final int REMINDERS_PER_OFFER = 2;

  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();
  private final java.util.Set<String> posted = new java.util.HashSet<>();

  @Test
  void walkingTheReadmeDemo_fillsTheBoardEventsAndReport_withTheFiguresOfTheWalk()
      throws Exception {
    // GIVEN a runtime at 09:00 UTC (10:00 in Berlin) on a weekday no earlier test has leads on
    LocalDate day = local.clock.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    local.clock.advanceTo(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    local.settle();

    // WHEN "send the demo form, open the rep's offer email in the outbox" (two minutes to get
    // there), "press Pause", "click its link and accept", "then Resume"
    Map<String, String> first = postDemoForm(Map.of());
    SentEmail offer = only(local.mailAbout("New lead for you: Ada Lovelace"));
    assertEquals(List.of(BEN), offer.to(), "the named account's owner is offered it first");
    local.advance(Duration.ofMinutes(2));
    String offerLink = LeadHandoffRuntime.offerLink(offer);
    assertEquals(200, local.get(offerLink).status());
    Response accepted = local.postForm(offerLink + "/accept", Map.of());
    assertEquals(200, accepted.status(), accepted.body());
    local.settle();

    // AND "click Qualified (SQL), then Record this outcome" in Ben's "You own this lead" email
    SentEmail owned = only(local.mailAbout("You own this lead: Ada Lovelace"));
    String sqlLink =
        owned.links().stream()
            .filter(l -> l.endsWith("?outcome=SQL"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no SQL link in " + owned.links()));
    Response confirm = local.get(sqlLink);
    assertTrue(confirm.body().contains("value=\"SQL\" checked"), confirm.body());
    Response recorded =
        local.postForm(sqlLink.substring(0, sqlLink.indexOf('?')), Map.of("outcome", "SQL"));
    assertTrue(recorded.body().contains("Outcome recorded"), recorded.body());

    // AND "send a second lead, leave it alone" until it escalates (about 45 minutes of runtime)
    Map<String, String> second = postDemoForm(Map.of());
    local.advance(Duration.ofHours(1));
    SentEmail escalation = only(local.mailAbout("Lead escalated to you: Ada Lovelace"));
    assertEquals(List.of(MANAGER), escalation.to());
    assertTrue(
        escalation.links().stream().anyMatch(l -> l.contains("/outcomes/") && l.endsWith("=SQL")),
        "the manager, who owns it now, gets the outcome links: " + escalation.links());

    // AND "post the form a third time with the first lead's email address and another form"
    Map<String, String> third =
        postDemoForm(Map.of("email", first.get("email"), "formId", "contact-sales"));

    // THEN the three leads are told apart by address and form, as posted
    Map<String, String> ids = leadIds();
    String lead1 = ids.get(first.get("email") + " demo-request");
    String lead2 = ids.get(second.get("email") + " demo-request");
    String lead3 = ids.get(third.get("email") + " contact-sales");
    assertEquals(3, ids.size(), "three leads received: " + ids);
    // AND the reps got two reminders per offer of the second lead; Ben was offered the first two
    // leads and got "Submitted again" for the third instead of an offer
    assertEquals(1, local.mailAbout("Submitted again: Ada Lovelace").size());
    assertEquals(LADDER * REMINDERS_PER_OFFER, local.mailAbout("Reminder: Ada Lovelace").size());
    assertEquals(
        2,
        local.mailAbout("New lead for you: Ada Lovelace").stream()
            .filter(m -> m.isFor(BEN))
            .count(),
        "Ben was offered the first two leads only");

    // AND the board: the first accepted by Ben in time, the second escalated to the manager after
    // every rep breached, the third merged
    assertEquals(List.of("Accepted", "Ben Okafor", "met"), boardRow(lead1));
    assertEquals(List.of("Escalated", "Morgan Lee (manager)", "breached"), boardRow(lead2));
    assertEquals("Merged", boardRow(lead3).get(0));

    // AND the events page: one event per step of each lead, as the README counts them
    Map<String, Integer> expected = new TreeMap<>();
    expected.put("Lead Received", 3);
    expected.put("Lead Scored", 2);
    expected.put("Lead Offered", 1 + LADDER);
    expected.put("Lead Accepted", 1);
    expected.put("Outcome Recorded", 1);
    expected.put("Rep Reminded", LADDER * REMINDERS_PER_OFFER);
    expected.put("Offer Timed Out", LADDER);
    expected.put("SLA Breached", LADDER);
    expected.put("Lead Escalated", 1);
    expected.put("Lead Merged", 1);
    assertEquals(expected, eventCounts(List.of(lead1, lead2, lead3)));
    assertEquals(25, expected.values().stream().mapToInt(Integer::intValue).sum(), "as the README");
    String eventsPage = local.get("/_local/events").body();
    // (the page names each event's lead: received, scored, offered, accepted, outcome; received,
    // scored, per rep offered, reminded twice, timed out, breached, then escalated; received,
    // merged)
    assertEquals(5, occurrences(eventsPage, "Lead <code>" + lead1 + "</code>"));
    assertEquals(
        2 + LADDER * (3 + REMINDERS_PER_OFFER) + 1,
        occurrences(eventsPage, "Lead <code>" + lead2 + "</code>"));
    assertEquals(2, occurrences(eventsPage, "Lead <code>" + lead3 + "</code>"));

    // AND the executions page labels the runs accepted, escalated and merged
    String executions = local.get("/_local/executions").body();
    assertEquals("accepted", executionLabel(executions, lead1));
    assertEquals("escalated", executionLabel(executions, lead2));
    assertEquals("merged", executionLabel(executions, lead3));

    // AND the README's SLA report of the day, by rep
    JsonNode report = report(day);
    JsonNode total = report.get("total");
    assertEquals(2, total.get("leads").asInt(), "the merged lead joined the first");
    assertEquals(1, total.get("acceptedWithinSla").asInt());
    assertEquals(0.5, total.get("shareAcceptedWithinSla").asDouble());
    assertEquals(120, total.get("p50WorkingSecondsToAccept").asInt(), "two minutes to accept");
    assertEquals(120, total.get("p90WorkingSecondsToAccept").asInt());
    assertEquals(LADDER, total.get("breaches").asInt());
    assertEquals(1, total.get("escalations").asInt());
    assertEquals(List.of(2, 2, 1, 0, 0), funnel(total), "MQL, accepted, SQL, meeting, won");
    Map<String, List<Integer>> reps = new TreeMap<>();
    for (JsonNode row : report.get("groups")) {
      reps.put(
          row.get("group").asText(),
          List.of(
              row.get("leads").asInt(),
              row.get("acceptedWithinSla").asInt(),
              row.get("breaches").asInt()));
    }
    assertEquals(
        Map.of(
            "ana-ruiz", List.of(1, 0, 1),
            "ben-okafor", List.of(2, 1, 1),
            "chloe-martin", List.of(1, 0, 1)),
        reps,
        "leads, accepted within SLA and breaches per rep");
    // AND its score calibration: both leads HOT, one SQL; every rule fired on both
    JsonNode tiers = report.get("calibration").get("tiers");
    assertEquals("HOT", tiers.get(0).get("name").asText());
    assertEquals(
        List.of(2, 1),
        List.of(tiers.get(0).get("leads").asInt(), tiers.get(0).get("becameSql").asInt()));
    assertEquals(0.5, tiers.get(0).get("shareBecameSql").asDouble());
    assertEquals(0, tiers.get(1).get("leads").asInt(), "no WARM lead");
    assertEquals(0, tiers.get(2).get("leads").asInt(), "no COLD lead");
    List<String> rules = new ArrayList<>();
    for (JsonNode rule : report.get("calibration").get("rules")) {
      rules.add(rule.get("name").asText());
      assertEquals(2, rule.get("leads").asInt(), rule.toString());
      assertEquals(1, rule.get("becameSql").asInt(), rule.toString());
    }
    assertTrue(rules.contains("demo-request"), rules.toString());
  }

  /** Loads the demo form, posts it as a browser would with {@code changes}, lets it settle. */
  private Map<String, String> postDemoForm(Map<String, String> changes) {
    Map<String, String> fields = new LinkedHashMap<>();
    // Each load of the form prefills a random address of 65,536; one already posted would merge
    // the lead, so a person would reload the form, and so does the walk.
    while (fields.isEmpty()
        || !changes.containsKey("email") && posted.contains(fields.get("email"))) {
      Response form = local.get("/_local/demo");
      assertEquals(200, form.status());
      fields = new LinkedHashMap<>(DemoForm.fields(form.body()));
    }
    fields.putAll(changes);
    posted.add(fields.get("email"));
    Response posted = local.postForm("/leads", fields);
    assertEquals(303, posted.status(), posted.body());
    local.settle();
    return fields;
  }

  /** "address formId" → lead id of every lead received on the events page. */
  private Map<String, String> leadIds() {
    Map<String, String> ids = new TreeMap<>();
    for (JsonNode event : local.get("/_local/events.json").json()) {
      if (event.get("detail-type").asText().equals("Lead Received")) {
        String id = event.get("detail").get("leadId").asText();
        var lead = local.lead(id);
        ids.put(lead.submission().email() + " " + event.get("detail").get("formId").asText(), id);
      }
    }
    return ids;
  }

  /** The events of {@code leadIds} on the events page, counted by type. */
  private Map<String, Integer> eventCounts(List<String> leadIds) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode event : local.get("/_local/events.json").json()) {
      if (leadIds.contains(event.get("detail").path("leadId").asText())) {
        counts.merge(event.get("detail-type").asText(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Status, owner and SLA of the lead's row on the leads board. */
  private List<String> boardRow(String leadId) {
    String board = local.get("/_local/leads").body();
    int link = board.indexOf("/_local/leads/" + leadId + "\"");
    assertTrue(link > 0, "lead " + leadId + " is on the board");
    String row = board.substring(link, board.indexOf("</tr>", link));
    return List.of(
        cell(row, "<td data-label=\"Status\" class=\"status\">([^<]*)</td>"),
        cell(row, "<td data-label=\"Owner\">([^<]*)</td>"),
        cell(row, "<span class=\"sla [^\"]*\">([^<]*)</span>"));
  }

  private static String cell(String row, String regex) {
    Matcher m = Pattern.compile(regex).matcher(row);
    assertTrue(m.find(), regex + " in " + row);
    return m.group(1).strip();
  }

  private static String executionLabel(String page, String leadId) {
    int row = page.indexOf(">" + leadId + "</a>");
    assertTrue(row > 0, "execution " + leadId + " is listed");
    Matcher m =
        Pattern.compile("<span class=\"outcome outcome-[a-z-]+\">([^<]*)</span>")
            .matcher(page.substring(row, page.indexOf("</tr>", row)));
    assertTrue(m.find(), "execution " + leadId + " has an outcome label");
    return m.group(1);
  }

  /**
   * The README's report command, signed as curl signs it, for the walk's {@code day} (the README
   * runs on the day its run command's {@code --start-time} names).
   */
  private JsonNode report(LocalDate day) throws IOException, InterruptedException {
    String readme = Files.readString(Projects.root().resolve("README.md"));
    int at = readme.indexOf(REPORT_COMMAND + "/admin/reports/sla?");
    assertTrue(at > 0, "the README's demo has the report command");
    String query =
        readme.substring(
            at + REPORT_COMMAND.length(), readme.indexOf('"', at + REPORT_COMMAND.length()));
    Matcher start = Pattern.compile("--start-time (\\d{4}-\\d\\d-\\d\\d)T").matcher(readme);
    assertTrue(start.find(), "the README's run command has a start time");
    assertEquals(
        "/admin/reports/sla?from=" + start.group(1) + "&to=" + start.group(1) + "&groupBy=rep",
        query,
        "the README reports the demo's own day");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                SignedRequests.sign(
                    "GET",
                    local.runtime.baseUrl().resolve(query.replace(start.group(1), day.toString())),
                    ""),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Json.MAPPER.readTree(response.body());
  }

  private static List<Integer> funnel(JsonNode row) {
    List<Integer> leads = new ArrayList<>();
    row.get("funnel").get("stages").forEach(stage -> leads.add(stage.get("leads").asInt()));
    return leads;
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }

  private static SentEmail only(List<SentEmail> emails) {
    assertEquals(1, emails.size(), "emails: " + emails.stream().map(SentEmail::subject).toList());
    return emails.get(0);
  }
}
