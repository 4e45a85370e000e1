package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.testing.AtOnce;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingWorkflow;
import com.leadhandoff.testing.TestDynamo;
import com.leadhandoff.workflow.Workflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class IntakeHandlerTest {
  private static final String LEAD_ID = "lead-[0-9A-HJKMNP-TV-Z]{26}";
  private static final Duration WINDOW = Duration.ofMinutes(60);
  private static final RedirectOrigins ORIGINS =
      RedirectOrigins.parse("https://www.example.com,https://shop.example.com");

  private final Map<String, String> tables = TestDynamo.tables();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoIntakeKeys keys =
      new DynamoIntakeKeys(TestDynamo.client(), tables.get("IntakeKeysTable"));
  private final RecordingWorkflow workflow = new RecordingWorkflow();

  // ---- accepted leads ----------------------------------------------------------------------

  @Test
  void jsonLead_isStoredBeforeItsWorkflowStarts_andAnswered202WithItsId() {
    List<Boolean> storedWhenStarted = new ArrayList<>();
    Workflow checking = new StoreCheckingWorkflow(storedWhenStarted, false);

    APIGatewayV2HTTPResponse response =
        handler(checking, WINDOW).handleRequest(event("intake-json.json"), null);

    assertEquals(202, response.getStatusCode());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
    String leadId = body(response).get("leadId").asText();
    assertTrue(leadId.matches(LEAD_ID), leadId);
    assertEquals(List.of(leadId), workflow.started());
    assertEquals(List.of(true), storedWhenStarted);
    Lead lead = leads.find(leadId).orElseThrow();
    assertEquals(LeadStatus.RECEIVED, lead.status());
    assertEquals(clock.instant(), lead.receivedAt());
    assertEquals(
        new Submission(
            "Ana.Ruiz@Acme-Robotics.io",
            "Ana",
            "Ruiz",
            "Acme Robotics",
            "VP Operations",
            "+49 30 1234567",
            "DE",
            250,
            "Manufacturing",
            "We run 40 warehouse robots and want to see how routing would work for us.\n"
                + "Can we book a demo next week?",
            "demo-request",
            "google",
            "cpc",
            "q4-robotics",
            List.of("/pricing", "/case-studies/warehouse-automation", "/docs/integrations")),
        lead.submission());
    List<HistoryEvent> events = history.of(leadId);
    assertEquals(List.of("RECEIVED"), events.stream().map(HistoryEvent::type).toList());
    assertEquals("demo-request", events.get(0).details().get("formId"));
  }

  @Test
  void jsonWithCharset_isAccepted() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.getHeaders().put("content-type", "application/json; charset=UTF-8");

    assertEquals(202, post(event).getStatusCode());
  }

  @Test
  void htmlFormPost_isStored_andRedirectedWith303() {
    APIGatewayV2HTTPResponse response = post(event("intake-form.json"));

    assertEquals(303, response.getStatusCode());
    assertEquals(
        "https://www.example.com/thanks?form=contact-sales", response.getHeaders().get("Location"));
    assertEquals(1, workflow.started().size());
    Submission stored = leads.find(workflow.started().get(0)).orElseThrow().submission();
    assertEquals("jonas.weber@nordlicht-logistik.de", stored.email());
    assertEquals("Nordlicht Logistik GmbH", stored.company());
    assertEquals(1200, stored.companySize());
    assertEquals("linkedin", stored.utmSource());
    assertEquals(
        List.of("/pricing", "/case-studies/cold-chain", "/webinars/route-planning"),
        stored.pagesViewed());
  }

  @Test
  void formPostNotBase64Encoded_isReadAlike() {
    APIGatewayV2HTTPEvent event = event("intake-form.json");
    event.setBody(formBody(event));
    event.setIsBase64Encoded(false);

    assertEquals(303, post(event).getStatusCode());
    assertEquals(1, leadCount());
  }

  @Test
  void formPostWithoutRedirect_getsTheJsonAnswer() {
    APIGatewayV2HTTPResponse response = post(form(f -> f.replaceAll("&redirect=[^&]*", "")));

    assertEquals(202, response.getStatusCode());
    assertEquals(workflow.started().get(0), body(response).get("leadId").asText());
  }

  @Test
  void bodyUnderTheLimitOnceDecoded_isAccepted_thoughItsBase64IsLonger() {
    // Unknown fields are ignored, so padding only adds bytes.
    String padded = formBody(event("intake-form.json")) + "&padding=" + "x".repeat(60 * 1024);
    APIGatewayV2HTTPEvent event = form(f -> padded);
    assertTrue(event.getBody().length() > IntakeService.MAX_BODY_BYTES);

    assertEquals(303, post(event).getStatusCode());
  }

  // ---- repeats -----------------------------------------------------------------------------

  @Test
  void sameIdempotencyKey_answersTheSameLead_andStartsOneWorkflow() {
    IntakeHandler handler = handler(workflow, Duration.ZERO);

    String first = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));
    String again = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));
    String other = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-2"), null));

    assertEquals(first, again);
    assertNotEquals(first, other);
    assertEquals(List.of(first, other), workflow.started());
    assertEquals(2, leadCount());
  }

  @Test
  void sameIdempotencyKey_withADifferentBody_is422_andTheFirstLeadIsUntouched() {
    IntakeHandler handler = handler(workflow, Duration.ZERO);
    String first = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));

    APIGatewayV2HTTPResponse reused =
        handler.handleRequest(
            withKey(json(b -> b.put("email", "someone.else@example.org")), "k-1"), null);

    assertEquals(422, reused.getStatusCode(), reused.getBody());
    assertEquals("application/json", reused.getHeaders().get("Content-Type"));
    JsonNode error = body(reused);
    assertTrue(error.get("message").asText().contains("Idempotency-Key"), error.toString());
    assertEquals("Idempotency-Key", error.get("errors").get(0).get("field").asText());
    assertEquals(List.of(first), workflow.started());
    assertEquals(1, leadCount());
    assertEquals("Ana.Ruiz@Acme-Robotics.io", leads.find(first).orElseThrow().submission().email());
    assertEquals(1, history.of(first).size());
  }

  @Test
  void sameIdempotencyKey_withTheSameLeadFormattedDifferently_replaysTheFirstAnswer() {
    IntakeHandler handler = handler(workflow, Duration.ZERO);
    String first = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));

    // Same fields, other order, other spacing, an ignored field and surrounding blanks.
    APIGatewayV2HTTPEvent reformatted =
        json(
            b -> {
              String email = b.remove("email").asText();
              b.put("email", "  " + email + " ");
              b.put("unknownField", "ignored");
            });
    reformatted.setBody(reformatted.getBody().replace(",", ",\n  "));
    String again = leadId(handler.handleRequest(withKey(reformatted, "k-1"), null));

    assertEquals(first, again);
    assertEquals(List.of(first), workflow.started());
  }

  @Test
  void sameIdempotencyKey_withDifferentBodiesAtTheSameMoment_acceptsOneAndRefusesTheRest()
      throws Exception {
    IntakeHandler handler = handler(workflow, Duration.ZERO);

    List<Integer> statuses =
        AtOnce.times(
            6,
            thread ->
                handler
                    .handleRequest(
                        withKey(json(b -> b.put("firstName", "Ana" + thread)), "k-1"), null)
                    .getStatusCode());

    assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
    assertEquals(5, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
    assertEquals(1, leadCount());
  }

  @Test
  void idempotencyKey_isForgottenAfter24Hours() {
    IntakeHandler handler = handler(workflow, Duration.ZERO);
    String first = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    String later = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));

    assertNotEquals(first, later);
  }

  @Test
  void sameEmailInAnyCase_onTheSameFormWithinTheWindow_answersTheSameLead() {
    String first = leadId(post(event("intake-json.json")));

    clock.advance(Duration.ofMinutes(59));
    String again = leadId(post(json(b -> b.put("email", "ana.ruiz@acme-robotics.io"))));

    assertEquals(first, again);
    assertEquals(List.of(first), workflow.started());
    assertEquals(1, leadCount());
  }

  @Test
  void sameEmail_afterTheWindow_isANewLead() {
    String first = leadId(post(event("intake-json.json")));

    clock.advance(Duration.ofMinutes(61));
    String later = leadId(post(event("intake-json.json")));

    assertNotEquals(first, later);
    assertEquals(List.of(first, later), workflow.started());
    assertEquals(2, leadCount());
  }

  @Test
  void sameEmail_onAnotherForm_isANewLead() {
    String demo = leadId(post(event("intake-json.json")));
    String newsletter = leadId(post(json(b -> b.put("formId", "newsletter"))));

    assertNotEquals(demo, newsletter);
  }

  @Test
  void zeroWindow_turnsEmailMatchingOff() {
    IntakeHandler handler = handler(workflow, Duration.ZERO);

    String first = leadId(handler.handleRequest(event("intake-json.json"), null));
    String second = leadId(handler.handleRequest(event("intake-json.json"), null));

    assertNotEquals(first, second);
  }

  @Test
  void newKey_forAnEmailSeenWithinTheWindow_laterFindsThatSameLead() {
    IntakeHandler handler = handler(workflow, WINDOW);
    String first = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));

    String byEmail = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-2"), null));
    clock.advance(Duration.ofMinutes(90));
    String retryOfK2 =
        leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-2"), null));

    assertEquals(first, byEmail);
    assertEquals(first, retryOfK2);
    assertEquals(List.of(first), workflow.started());
  }

  @Test
  void identicalPostsAtTheSameMoment_makeOneLead() throws Exception {
    List<String> ids = concurrently(8, () -> post(event("intake-json.json")));

    assertEquals(1, Set.copyOf(ids).size(), ids.toString());
    assertEquals(1, leadCount());
    // Racing requests may each ask to start it; the execution name makes that one execution.
    assertEquals(Set.copyOf(ids), Set.copyOf(workflow.started()));
    assertEquals(1, history.of(ids.get(0)).size());
  }

  @Test
  void retriesWithOneIdempotencyKeyAtTheSameMoment_makeOneLead() throws Exception {
    IntakeHandler handler = handler(workflow, Duration.ZERO);

    List<String> ids =
        concurrently(
            8, () -> handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));

    assertEquals(1, Set.copyOf(ids).size(), ids.toString());
    assertEquals(1, leadCount());
  }

  // ---- crash recovery ----------------------------------------------------------------------

  @Test
  void claimWhoseLeadWasNeverStored_isCompletedByTheRetry() {
    String claimed = "lead-01KAQ7V0000000000000000000";
    IntakeKey key = IntakeKey.idempotency("k-1");
    keys.claim(key.name(), claimed, key.expiresAt(clock.instant()), clock.instant());

    String answered = leadId(post(withKey(event("intake-json.json"), "k-1")));

    assertEquals(claimed, answered);
    assertEquals("Ana", leads.find(claimed).orElseThrow().submission().firstName());
    assertEquals(List.of(claimed), workflow.started());
    assertEquals(1, leadCount());
  }

  @Test
  void leadStoredButNeverStarted_isStartedByTheRetry_onlyOnce() {
    Workflow down = new StoreCheckingWorkflow(new ArrayList<>(), true);
    assertThrows(
        IllegalStateException.class,
        () -> handler(down, WINDOW).handleRequest(event("intake-json.json"), null));
    assertEquals(1, leadCount());
    String first =
        TestDynamo.client()
            .scan(r -> r.tableName(tables.get("LeadsTable")))
            .items()
            .get(0)
            .get("leadId")
            .s();

    String retry = leadId(post(event("intake-json.json")));
    String again = leadId(post(event("intake-json.json")));

    assertEquals(first, retry);
    assertEquals(first, again);
    assertEquals(List.of(first), workflow.started());
  }

  @Test
  void historyThatWritesByHand_claimsTheKeysBeforeTheLead_andRepeatsFindThatLead() {
    // GIVEN a history that cannot write a change with its entry, so intake's write is made by
    // hand: the keys claimed one by one, then the lead, then its entry
    LeadHistory byHand = new ByHandHistory(history);
    IntakeHandler handler =
        new IntakeHandler(leads, byHand, keys, workflow, clock, WINDOW, ORIGINS);

    // WHEN a lead is posted, then again with the same key, then with a new key from the same email
    String first = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));
    String again = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-1"), null));
    String byEmail = leadId(handler.handleRequest(withKey(event("intake-json.json"), "k-2"), null));

    // THEN one lead, one RECEIVED entry, one execution
    assertEquals(first, again);
    assertEquals(first, byEmail);
    assertEquals(1, leadCount());
    assertEquals(List.of("RECEIVED"), history.of(first).stream().map(HistoryEvent::type).toList());
    assertEquals(List.of(first), workflow.started());
  }

  @Test
  void repeatWhileTheFirstIsBetweenItsWriteAndItsStart_answersThatLead_andStartsIt() {
    // GIVEN a post whose write is made and whose start has not happened yet (a slow or dead
    // process), played by a start that posts the repeat before starting anything
    List<String> repeatAnswers = new ArrayList<>();
    Workflow slow =
        new Workflow() {
          @Override
          public void start(String leadId) {
            if (repeatAnswers.isEmpty()) {
              repeatAnswers.add(leadId(post(event("intake-json.json"))));
            }
            workflow.start(leadId);
          }

          @Override
          public Callback succeed(String taskToken, String outputJson) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Callback fail(String taskToken, String error, String cause) {
            throw new UnsupportedOperationException();
          }
        };

    // WHEN the first post goes on
    String first = leadId(handler(slow, WINDOW).handleRequest(event("intake-json.json"), null));

    // THEN the repeat answered the same lead and started it; the first's start found it running
    assertEquals(List.of(first), repeatAnswers);
    assertEquals(List.of(first), workflow.started());
    assertEquals(2, workflow.starts());
    assertEquals(1, leadCount());
    assertEquals(1, history.of(first).size());
  }

  // ---- bots --------------------------------------------------------------------------------

  @Test
  void filledHoneypotInJson_looksAccepted_butNothingIsKept() {
    APIGatewayV2HTTPResponse response =
        post(json(b -> b.put("website", "http://cheap-pills.example")));

    assertEquals(202, response.getStatusCode());
    assertTrue(leadId(response).matches(LEAD_ID));
    assertNothingKept();
  }

  @Test
  void filledHoneypotInForm_isRedirectedLikeAPerson_butNothingIsKept() {
    APIGatewayV2HTTPResponse response =
        post(form(f -> f.replace("website=", "website=http%3A%2F%2Fspam.example")));

    assertEquals(303, response.getStatusCode());
    assertEquals(
        "https://www.example.com/thanks?form=contact-sales", response.getHeaders().get("Location"));
    assertNothingKept();
  }

  // ---- bad input ---------------------------------------------------------------------------

  @Test
  void missingEmail_is400_andNothingKept() {
    assertRejected(400, json(b -> b.remove("email")), "email");
  }

  @Test
  void badEmail_is400() {
    assertRejected(400, json(b -> b.put("email", "ana at acme")), "email");
  }

  @Test
  void unknownCountry_is400() {
    assertRejected(400, form(f -> f.replace("country=DE", "country=XX")), "country");
  }

  @Test
  void negativeCompanySize_is400() {
    assertRejected(400, json(b -> b.put("companySize", -10)), "companySize");
  }

  @Test
  void nonNumericCompanySize_is400() {
    assertRejected(
        400, form(f -> f.replace("companySize=1200", "companySize=lots")), "companySize");
  }

  @Test
  void tooLongField_is400() {
    assertRejected(400, json(b -> b.put("jobTitle", "x".repeat(151))), "jobTitle");
  }

  @Test
  void javascriptRedirect_is400() {
    assertRejected(
        400,
        form(f -> f.replaceAll("redirect=[^&]*", "redirect=javascript%3Aalert(document.cookie)")),
        "redirect");
  }

  @Test
  void everyBadField_isListedInOne400() {
    JsonNode body =
        assertRejected(
            400,
            json(
                b -> {
                  b.remove("email");
                  b.put("country", "Germany");
                  b.put("companySize", "-1");
                  b.set("pagesViewed", Json.MAPPER.createObjectNode());
                }),
            "email",
            "country",
            "companySize",
            "pagesViewed");
    assertEquals("is required", body.get("errors").get(0).get("problem").asText());
    assertTrue(body.get("message").asText().contains("email, country"), body.toString());
  }

  @Test
  void malformedJson_is400_sayingSo() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.setBody("{\"email\": \"ana@acme.io\", ");

    JsonNode body = assertRejected(400, event);
    assertTrue(body.get("message").asText().startsWith("The body is not valid JSON"));
  }

  @Test
  void redirectToAnOriginNotInAllowedOrigins_is400NamingRedirect_andNothingKept() {
    JsonNode body =
        assertRejected(
            400,
            form(
                f -> f.replaceAll("redirect=[^&]*", "redirect=https%3A%2F%2Fevil.example%2Fphish")),
            "redirect");
    assertTrue(
        body.get("errors").get(0).get("problem").asText().contains("https://www.example.com"),
        body.toString());
  }

  @Test
  void redirectToAnotherAllowedOrigin_is303() {
    APIGatewayV2HTTPResponse response =
        post(
            form(
                f ->
                    f.replaceAll(
                        "redirect=[^&]*", "redirect=https%3A%2F%2Fshop.example.com%2Fdanke")));

    assertEquals(303, response.getStatusCode());
    assertEquals("https://shop.example.com/danke", response.getHeaders().get("Location"));
  }

  @Test
  void duplicateKeyInJson_is400NamingTheKey_andNothingKept() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.setBody(
        event.getBody().replace("{\"email\":", "{\"email\":\"eve@evil.example\",\"email\":"));

    JsonNode body = assertRejected(400, event, "email");
    assertTrue(body.get("message").asText().contains("'email'"), body.toString());
  }

  @Test
  void bidiAndZeroWidthCharactersInDisplayFields_areRemovedBeforeTheLeadIsStored() {
    String leadId =
        leadId(
            post(
                json(
                    b -> {
                      b.put("firstName", "\u202EAna\u202C");
                      b.put("lastName", "Ru\u200Biz\u2069");
                      b.put("company", "\uFEFFAcme\u200D Robotics\u061C");
                      b.put("jobTitle", "VP\u200E Operations\u2060");
                    })));

    Submission stored = leads.find(leadId).orElseThrow().submission();
    assertEquals("Ana", stored.firstName());
    assertEquals("Ruiz", stored.lastName());
    assertEquals("Acme Robotics", stored.company());
    assertEquals("VP Operations", stored.jobTitle());
  }

  @Test
  void badBase64_is400() {
    APIGatewayV2HTTPEvent event = event("intake-form.json");
    event.setBody("not base64!");

    assertRejected(400, event);
  }

  @Test
  void badIdempotencyKey_is400() {
    assertRejected(400, withKey(event("intake-json.json"), "x".repeat(256)), "Idempotency-Key");
  }

  @Test
  void jsonOver64KiB_is413() {
    assertRejected(413, json(b -> b.put("padding", "x".repeat(64 * 1024))));
  }

  @Test
  void formOver64KiBOnceDecoded_is413() {
    String body = formBody(event("intake-form.json"));
    assertRejected(
        413,
        form(f -> body + "&padding=" + "x".repeat(IntakeService.MAX_BODY_BYTES - body.length())));
  }

  @Test
  void otherContentType_is415() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.getHeaders().put("content-type", "text/plain");

    assertRejected(415, event, "Content-Type");
  }

  @Test
  void multipartForm_is415() {
    APIGatewayV2HTTPEvent event = event("intake-form.json");
    event.getHeaders().put("content-type", "multipart/form-data; boundary=----WebKitFormBoundary");

    assertRejected(415, event, "Content-Type");
  }

  @Test
  void missingContentType_is415() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.getHeaders().remove("content-type");

    assertRejected(415, event, "Content-Type");
  }

  // ---- charsets ----------------------------------------------------------------------------

  @Test
  void jsonInIso88591_isReadInThatCharset() {
    String leadId =
        leadId(
            post(
                bytes(
                    "application/json; charset=ISO-8859-1",
                    "{\"email\":\"juergen@example.de\",\"firstName\":\"J\u00fcrgen\"}"
                        .getBytes(StandardCharsets.ISO_8859_1))));

    assertEquals("J\u00fcrgen", leads.find(leadId).orElseThrow().submission().firstName());
  }

  @Test
  void jsonInUtf16_isReadInThatCharset() {
    String leadId =
        leadId(
            post(
                bytes(
                    "application/json; charset=utf-16",
                    "{\"email\":\"juergen@example.de\",\"company\":\"M\u00fcller \u6771\u4eac\"}"
                        .getBytes(StandardCharsets.UTF_16))));

    assertEquals(
        "M\u00fcller \u6771\u4eac", leads.find(leadId).orElseThrow().submission().company());
  }

  @Test
  void formInIso88591_isReadInThatCharset() {
    String leadId =
        leadId(
            post(
                bytes(
                    "application/x-www-form-urlencoded; charset=ISO-8859-1",
                    "email=juergen%40example.de&firstName=J%FCrgen&lastName=M\u00fcller"
                        .getBytes(StandardCharsets.ISO_8859_1))));

    Submission stored = leads.find(leadId).orElseThrow().submission();
    assertEquals("J\u00fcrgen", stored.firstName());
    assertEquals("M\u00fcller", stored.lastName());
  }

  @Test
  void jsonTextBody_isReadInTheCharsetItNames() {
    // API Gateway hands JSON over as text it decoded as UTF-8; the bytes behind it are the
    // client's, here ISO-8859-1 bytes that happen to be valid UTF-8 too.
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.getHeaders().put("content-type", "application/json; charset=ISO-8859-1");
    event.setBody(
        new String(
            "{\"email\":\"ana@acme.io\",\"company\":\"\u00c3\u00bc\"}"
                .getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8));

    String leadId = leadId(post(event));

    assertEquals("\u00c3\u00bc", leads.find(leadId).orElseThrow().submission().company());
  }

  @Test
  void invalidUtf8InABase64Body_is400_andNothingKept() {
    byte[] body =
        "{\"email\":\"juergen@example.de\",\"firstName\":\"J\u00fcrgen\"}"
            .getBytes(StandardCharsets.ISO_8859_1);

    JsonNode error = assertRejected(400, bytes("application/json", body));
    assertTrue(error.get("message").asText().contains("not valid UTF-8"), error.toString());
  }

  @Test
  void textBodyWhoseBytesWereNotUtf8_is400_andNothingKept() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.setBody(event.getBody().replace("Ana", "J\uFFFDrgen"));

    JsonNode error = assertRejected(400, event);
    assertTrue(error.get("message").asText().contains("U+FFFD"), error.toString());
  }

  @Test
  void invalidUtf8InAFormEscape_is400NamingTheField_andNothingKept() {
    assertRejected(400, form(f -> f.replace("firstName=Jonas", "firstName=J%FCrgen")), "firstName");
  }

  @Test
  void unknownCharset_is415NamingIt_andNothingKept() {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.getHeaders().put("content-type", "application/json; charset=klingon-8");

    JsonNode error = assertRejected(415, event, "Content-Type");
    assertTrue(error.get("message").asText().contains("'klingon-8'"), error.toString());
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The JSON fixture carrying {@code body} base64-encoded, as API Gateway passes binary bodies. */
  private static APIGatewayV2HTTPEvent bytes(String contentType, byte[] body) {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    event.getHeaders().put("content-type", contentType);
    event.setBody(Base64.getEncoder().encodeToString(body));
    event.setIsBase64Encoded(true);
    return event;
  }

  private IntakeHandler handler(Workflow workflow, Duration window) {
    return new IntakeHandler(leads, history, keys, workflow, clock, window, ORIGINS);
  }

  private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
    return handler(workflow, WINDOW).handleRequest(event, null);
  }

  /** Asserts the status, a JSON error body naming exactly {@code fields}, and nothing kept. */
  private JsonNode assertRejected(int status, APIGatewayV2HTTPEvent event, String... fields) {
    APIGatewayV2HTTPResponse response = post(event);

    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
    JsonNode body = body(response);
    assertTrue(body.get("message").asText().length() > 10, body.toString());
    List<String> named = new ArrayList<>();
    body.get("errors").forEach(e -> named.add(e.get("field").asText()));
    assertEquals(List.of(fields), named, body.toString());
    assertNothingKept();
    return body;
  }

  private void assertNothingKept() {
    assertEquals(0, leadCount());
    assertEquals(
        0, TestDynamo.client().scan(r -> r.tableName(tables.get("IntakeKeysTable"))).count());
    assertEquals(0, TestDynamo.client().scan(r -> r.tableName(tables.get("HistoryTable"))).count());
    assertEquals(List.of(), workflow.started());
  }

  private int leadCount() {
    return TestDynamo.client().scan(r -> r.tableName(tables.get("LeadsTable"))).count();
  }

  private static APIGatewayV2HTTPEvent event(String fixture) {
    try {
      APIGatewayV2HTTPEvent event =
          Json.MAPPER.readValue(Fixtures.event(fixture), APIGatewayV2HTTPEvent.class);
      event.setHeaders(new HashMap<>(event.getHeaders()));
      return event;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The JSON fixture with its body changed. */
  private static APIGatewayV2HTTPEvent json(Consumer<ObjectNode> change) {
    APIGatewayV2HTTPEvent event = event("intake-json.json");
    try {
      ObjectNode body = (ObjectNode) Json.MAPPER.readTree(event.getBody());
      change.accept(body);
      event.setBody(body.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return event;
  }

  /** The form fixture with its (decoded) body changed, encoded again as API Gateway does. */
  private static APIGatewayV2HTTPEvent form(UnaryOperator<String> change) {
    APIGatewayV2HTTPEvent event = event("intake-form.json");
    String changed = change.apply(formBody(event));
    event.setBody(Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
    return event;
  }

  private static String formBody(APIGatewayV2HTTPEvent event) {
    return new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
  }

  private static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent event, String key) {
    event.getHeaders().put("idempotency-key", key);
    return event;
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String leadId(APIGatewayV2HTTPResponse response) {
    assertEquals(202, response.getStatusCode(), response.getBody());
    return body(response).get("leadId").asText();
  }

  private static List<String> concurrently(
      int threads, java.util.function.Supplier<APIGatewayV2HTTPResponse> post) throws Exception {
    return AtOnce.times(threads, thread -> leadId(post.get()));
  }

  /** A history that writes a change and its entry by hand, one after the other. */
  private static final class ByHandHistory implements LeadHistory {
    private final LeadHistory real;

    ByHandHistory(LeadHistory real) {
      this.real = real;
    }

    @Override
    public void record(String leadId, HistoryEvent event) {
      real.record(leadId, event);
    }

    @Override
    public List<HistoryEvent> of(String leadId) {
      return real.of(leadId);
    }

    @Override
    public boolean claim(String leadId, String action) {
      return real.claim(leadId, action);
    }

    @Override
    public void release(String leadId, String action) {
      real.release(leadId, action);
    }
  }

  /**
   * Records, for each start, whether the lead was already stored; when {@code down}, every start
   * fails as if Step Functions could not be reached.
   */
  private final class StoreCheckingWorkflow implements Workflow {
    private final List<Boolean> storedWhenStarted;
    private final boolean down;

    StoreCheckingWorkflow(List<Boolean> storedWhenStarted, boolean down) {
      this.storedWhenStarted = storedWhenStarted;
      this.down = down;
    }

    @Override
    public void start(String leadId) {
      storedWhenStarted.add(leads.find(leadId).isPresent());
      if (down) {
        throw new IllegalStateException("Step Functions is unreachable");
      }
      workflow.start(leadId);
    }

    @Override
    public Callback succeed(String taskToken, String outputJson) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Callback fail(String taskToken, String error, String cause) {
      throw new UnsupportedOperationException();
    }
  }
}
