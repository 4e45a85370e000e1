package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.api.SignedRequests;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local UI's reps page over HTTP, on the real template: it lists the stored reps and changes
 * them only through the IAM-authorized admin API. Every change is undone afterwards, since the
 * workflow tests share the runtime's round robin.
 */
class RepsPageEndToEndTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void undo() throws Exception {
    api("POST", "/admin/reps/chloe-martin/resume", "");
    api("PUT", "/admin/reps/chloe-martin/out-of-office", "{\"outOfOffice\": []}");
    JsonNode added = api("GET", "/admin/reps/ui-test-rep", "");
    if (added.has("rep")) {
      api(
          "PUT",
          "/admin/reps/ui-test-rep",
          "{\"name\": \"UI Test\", \"email\": \"ui.test@sales.example.com\","
              + " \"team\": \"enterprise\", \"active\": false}");
    }
  }

  private JsonNode api(String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            SignedRequests.sign(method, local.runtime.baseUrl().resolve(path), body),
            HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(response.body());
  }

  private String token() {
    Matcher m = TOKEN.matcher(local.get("/_local/reps").body());
    assertTrue(m.find(), "the page's forms carry a token");
    return m.group(1);
  }

  @Test
  void page_listsRepsPerTeamWithStatus_andIsLinkedFromTheHome() {
    LeadHandoffRuntime.Response page = local.get("/_local/reps");

    assertEquals(200, page.status());
    assertTrue(page.body().contains("Inbound Sales"), page.body());
    assertTrue(page.body().contains("Ana Ruiz"), page.body());
    assertTrue(page.body().contains("farah-haddad"), page.body());
    assertTrue(page.body().contains(">paused</td>"), "farah-haddad is paused in config/");
    assertTrue(local.get("/_local/").body().contains("href=\"/_local/reps\""));
  }

  @Test
  void pauseAndResumeForms_changeTheRepThroughTheApi() throws Exception {
    LeadHandoffRuntime.Response paused =
        local.postForm(
            "/_local/reps", Map.of("token", token(), "action", "pause", "id", "chloe-martin"));

    assertEquals(303, paused.status());
    assertTrue(paused.headers().get("location").get(0).startsWith("/_local/reps?done="));
    assertTrue(api("GET", "/admin/reps/chloe-martin", "").at("/rep/paused").asBoolean());
    assertTrue(
        local
            .get(paused.headers().get("location").get(0))
            .body()
            .contains("Saved chloe-martin: paused"));

    local.postForm(
        "/_local/reps", Map.of("token", token(), "action", "resume", "id", "chloe-martin"));
    assertFalse(api("GET", "/admin/reps/chloe-martin", "").at("/rep/paused").asBoolean());
  }

  @Test
  void outOfOfficeForm_setsTheDates_andBadDatesShowTheApisError() throws Exception {
    outOfOffice("2027-06-01", "2027-06-05");

    JsonNode chloe = api("GET", "/admin/reps/chloe-martin", "");
    assertEquals("2027-06-01", chloe.at("/rep/outOfOffice/0/from").asText());
    assertTrue(local.get("/_local/reps").body().contains("2027-06-01 – 2027-06-05"));

    LeadHandoffRuntime.Response refused = outOfOffice("2027-06-09", "2027-06-05");
    assertEquals(400, refused.status());
    assertTrue(
        refused.body().contains("until 2027-06-05 is before from 2027-06-09"), refused.body());
  }

  private LeadHandoffRuntime.Response outOfOffice(String from, String until) {
    return local.postForm(
        "/_local/reps",
        Map.of(
            "token",
            token(),
            "action",
            "out-of-office",
            "id",
            "chloe-martin",
            "from",
            from,
            "until",
            until));
  }

  @Test
  void saveForm_addsARep_escapesWhatItShows_andKeepsFieldsLeftEmpty() throws Exception {
    LeadHandoffRuntime.Response added =
        local.postForm(
            "/_local/reps",
            Map.of(
                "token", token(),
                "action", "save",
                "id", "ui-test-rep",
                "name", "<script>alert(1)</script>",
                "email", "ui.test@sales.example.com",
                "team", "enterprise",
                "timeZone", "Europe/Paris",
                "weight", "2"));
    assertEquals(303, added.status(), added.body());

    String page = local.get("/_local/reps").body();
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    assertFalse(page.contains("<script>alert(1)</script>"));

    // Updating only the weight keeps the name and zone as stored.
    local.postForm(
        "/_local/reps",
        Map.of("token", token(), "action", "save", "id", "ui-test-rep", "weight", "3"));
    JsonNode rep = api("GET", "/admin/reps/ui-test-rep", "").get("rep");
    assertEquals(3, rep.get("weight").asInt());
    assertEquals("Europe/Paris", rep.get("timeZone").asText());
    assertEquals("<script>alert(1)</script>", rep.get("name").asText());
  }

  @Test
  void saveFormWithBadFields_showsEachFieldsProblem_andChangesNothing() throws Exception {
    LeadHandoffRuntime.Response refused =
        local.postForm(
            "/_local/reps",
            Map.of(
                "token", token(),
                "action", "save",
                "id", "chloe-martin",
                "timeZone", "Mars/Olympus",
                "weight", "0"));

    assertEquals(400, refused.status());
    assertTrue(refused.body().contains("<code>timeZone</code>"), refused.body());
    assertTrue(refused.body().contains("<code>weight</code>"), refused.body());
    assertEquals(1, api("GET", "/admin/reps/chloe-martin", "").at("/rep/weight").asInt());
  }

  @Test
  void formWithoutThePagesToken_isRefused() throws Exception {
    LeadHandoffRuntime.Response refused =
        local.postForm(
            "/_local/reps", Map.of("token", "forged", "action", "pause", "id", "chloe-martin"));

    assertEquals(403, refused.status());
    assertEquals(false, api("GET", "/admin/reps/chloe-martin", "").at("/rep/paused").asBoolean());
  }

  @Test
  void adminApi_onTheRealTemplate_refusesUnsignedCalls() {
    LeadHandoffRuntime.Response unsigned = local.get("/admin/reps");

    assertEquals(403, unsigned.status());
    assertEquals("{\"message\":\"Forbidden\"}", unsigned.body());
    for (String route : List.of("/admin/dry-run", "/admin/reps/ana-ruiz/pause")) {
      assertEquals(403, local.postJson(route, "{}").status(), route);
    }
  }
}
