package com.leadhandoff.attention;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.ownership.AddressRelease;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParkLeadHandlerTest {
  private static final String FALLBACK = "sales-manager@example.com";
  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");
  private static final String SES_ERROR =
      "software.amazon.awssdk.services.sesv2.model.MessageRejectedException";

  private final ObjectNode event =
      (ObjectNode) Json.MAPPER.readTree(Fixtures.event("park-lead.json"));
  private final String leadId = event.path("input").path("leadId").asText();
  private final String executionId = event.path("executionId").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoCapacity capacity =
      new DynamoCapacity(TestDynamo.client(), tables.get("RepsTable"));
  private final DynamoOfferStore offers =
      new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable"), capacity);
  private final DynamoAddressClaims claims =
      new DynamoAddressClaims(TestDynamo.client(), tables.get("AddressClaimsTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(RECEIVED.plus(Duration.ofMinutes(3)));
  private final ParkLeadHandler handler =
      new ParkLeadHandler(
          new LeadParking(leads, offers, history, mailer, clock, FALLBACK),
          new AddressRelease(leads, claims));

  ParkLeadHandlerTest() throws IOException {}

  @Test
  void failedStep_marksTheLeadNeedsAttention_andAlertsWithErrorAndCause() throws IOException {
    // GIVEN a stored lead whose offer email SES rejected
    givenLead();

    // WHEN the workflow parks it
    String result = invoke(event.toString());

    // THEN the lead needs attention, the fallback manager knows what failed and what to do
    assertEquals(LeadStatus.NEEDS_ATTENTION, leads.find(leadId).orElseThrow().status());
    Email alert = onlyAlert();
    assertTrue(alert.subject().contains("Dana Prospect (Acme GmbH)"), alert.subject());
    assertTrue(alert.subject().contains(SES_ERROR), alert.subject());
    for (String expected :
        List.of(
            "Lead id: " + leadId,
            "Execution: " + executionId,
            "Error: " + SES_ERROR,
            "Cause: Email address is not verified.",
            "Status before it failed: ROUTING",
            "contact Dana Prospect at dana@acme.example",
            "WHAT TO DO")) {
      assertTrue(alert.text().contains(expected), expected + "\n" + alert.text());
    }
    HistoryEvent parked = onlyParkedEvent();
    assertEquals(SES_ERROR, parked.details().get("error"));
    assertEquals(executionId, parked.details().get("executionId"));
    assertTrue(parked.details().get("cause").startsWith("Email address is not verified."));
    assertTrue(result.contains("\"leadMarked\":true"), result);
  }

  @Test
  void parkedLead_releasesItsAddress_soANewSubmissionGetsAHandoffThatWorks() throws IOException {
    // GIVEN a lead holding the claim on its address
    givenLead();
    claims.claim("dana@acme.example", leadId, RECEIVED.plus(Duration.ofDays(90)));

    // WHEN the workflow parks it
    invoke(event.toString());

    // THEN nobody holds the address any more
    assertEquals(Optional.empty(), claims.find("dana@acme.example"));
  }

  @Test
  void openOffer_isClosed_andGivesTheRepTheirPlaceUnderTheCapBack() throws IOException {
    // GIVEN a lead parked while its offer to a capped rep was still open
    givenLead();
    Rep ana =
        new Rep(
            "ana-ruiz",
            "Ana Ruiz",
            "ana@sales.example.com",
            "inbound-sales",
            true,
            Optional.of(ZoneId.of("Europe/Madrid")),
            1,
            false,
            Map.of(),
            List.of(),
            Optional.of(1),
            Optional.empty());
    assertTrue(capacity.reserve(ana, LocalDate.parse("2026-11-23")).isEmpty());
    offers.put(
        new Offer(
            leadId,
            "001",
            1,
            "inbound-sales",
            ana.repId(),
            ana.name(),
            ana.email(),
            "hash-" + leadId,
            "task-token",
            RECEIVED,
            RECEIVED.plus(Duration.ofMinutes(15)),
            OfferStatus.OPEN,
            Optional.empty(),
            Optional.empty()));
    assertEquals("1", capacity.load("ana-ruiz").get("openOffers").n());

    // WHEN the workflow parks it
    invoke(event.toString());

    // THEN the offer can no longer be accepted, Ana has room again, and the history says why
    assertEquals(OfferStatus.EXPIRED, offers.find(leadId, "001").orElseThrow().status());
    assertEquals("0", capacity.load("ana-ruiz").get("openOffers").n());
    HistoryEvent parked = onlyParkedEvent();
    assertEquals("001", parked.details().get("closedOffers"));
    assertTrue(parked.summary().contains("closed the open offer to Ana Ruiz"), parked.summary());
  }

  @Test
  void retriedStep_forTheSameExecution_alertsOnce() throws IOException {
    // GIVEN a lead already parked by this execution
    givenLead();
    invoke(event.toString());

    // WHEN the step is retried
    String result = invoke(event.toString());

    // THEN there is still one alert and one history event
    assertEquals(1, mailer.sent().size());
    onlyParkedEvent();
    assertTrue(result.contains("\"alerted\":false"), result);
  }

  @Test
  void sameInvocationTwice_parksOnce_alertsOnce_andGivesTheRepTheirPlaceBackOnce()
      throws IOException {
    // GIVEN a lead holding its address, with an open offer to a capped rep, just before Park Lead
    givenLead();
    claims.claim("dana@acme.example", leadId, RECEIVED.plus(Duration.ofDays(90)));
    Rep ana =
        new Rep(
            "ana-ruiz",
            "Ana Ruiz",
            "ana@sales.example.com",
            "inbound-sales",
            true,
            Optional.of(ZoneId.of("Europe/Madrid")),
            1,
            false,
            Map.of(),
            List.of(),
            Optional.of(1),
            Optional.empty());
    assertTrue(capacity.reserve(ana, LocalDate.parse("2026-11-23")).isEmpty());
    offers.put(
        new Offer(
            leadId,
            "001",
            1,
            "inbound-sales",
            ana.repId(),
            ana.name(),
            ana.email(),
            "hash-" + leadId,
            "task-token",
            RECEIVED,
            RECEIVED.plus(Duration.ofMinutes(15)),
            OfferStatus.OPEN,
            Optional.empty(),
            Optional.empty()));

    // WHEN the step is invoked, and invoked again with the same input a little later
    String first = invoke(event.toString());
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    String second = invoke(event.toString());

    // THEN the second changes no item: one NEEDS_ATTENTION entry, the offer expired once, Ana's
    // open offer given back once (and her turn credited once), the address still free
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals("001", onlyParkedEvent().details().get("closedOffers"));
    assertEquals(LeadStatus.NEEDS_ATTENTION, leads.find(leadId).orElseThrow().status());
    assertEquals(OfferStatus.EXPIRED, offers.find(leadId, "001").orElseThrow().status());
    assertEquals("0", capacity.load("ana-ruiz").get("openOffers").n());
    assertEquals(Optional.empty(), claims.find("dana@acme.example"));
    // AND the fallback manager is alerted once
    onlyAlert();
    // AND it says the lead is marked, the alert having gone out the first time (ResultPath is null)
    assertTrue(first.contains("\"leadMarked\":true,\"alerted\":true"), first);
    assertTrue(second.contains("\"leadMarked\":true,\"alerted\":false"), second);
  }

  @Test
  void stateWithoutLeadId_stillAlerts() throws IOException {
    // GIVEN a failed state that carries no lead id
    ((ObjectNode) event.get("input")).remove("leadId");

    // WHEN it is parked
    invoke(event.toString());

    // THEN the manager is alerted and told there is no lead id to go by
    Email alert = onlyAlert();
    assertTrue(alert.text().contains("Lead id: unknown"), alert.text());
    assertTrue(alert.text().contains("Error: " + SES_ERROR), alert.text());
  }

  @Test
  void unknownLead_stillAlerts_andNoLeadIsCreated() throws IOException {
    // GIVEN a lead id that is not stored
    // WHEN it is parked
    invoke(event.toString());

    // THEN the alert says so and nothing appears in the leads table
    Email alert = onlyAlert();
    assertTrue(alert.text().contains("No lead with this id is stored"), alert.text());
    assertTrue(leads.find(leadId).isEmpty());
    onlyParkedEvent();
  }

  @Test
  void oddInputs_neverFailTheStep() throws IOException {
    // GIVEN states of every odd shape: no input at all, a numeric or oversized lead id, a string
    // as the error, null everywhere
    List<String> odd =
        List.of(
            "{}",
            "{\"executionId\": 42, \"input\": \"not an object\"}",
            "{\"executionId\": \"x\", \"input\": {\"leadId\": 17, \"error\": \"boom\"}}",
            "{\"executionId\": \"x\", \"input\": {\"leadId\": \"" + "a".repeat(5000) + "\"}}",
            "{\"executionId\": \"x\", \"input\": {\"leadId\": \"has spaces\", \"error\": null}}",
            "{\"executionId\": null, \"input\": null}");

    // WHEN each is parked
    for (String input : odd) {
      invoke(input);
    }

    // THEN each still produced an alert, naming what is unknown
    assertEquals(odd.size(), mailer.sent().size());
    assertTrue(mailer.sent().get(0).text().contains("Error: unknown"), mailer.sent().get(0).text());
  }

  @Test
  void unexpectedAnswer_showsTheAnswerAsTheCause() throws IOException {
    // GIVEN the state machine's Unexpected Answer state parked a lead
    givenLead();
    ObjectNode error = (ObjectNode) event.path("input").path("error");
    error.put("Error", "UnexpectedAnswer");
    error.put("Cause", "{\"outcome\":\"MAYBE\"}");

    // WHEN it is parked
    invoke(event.toString());

    // THEN the alert shows the answer that could not be handled
    Email alert = onlyAlert();
    assertTrue(alert.text().contains("Error: UnexpectedAnswer"), alert.text());
    assertTrue(alert.text().contains("Cause: {\"outcome\":\"MAYBE\"}"), alert.text());
    assertTrue(alert.html().contains("{&quot;outcome&quot;:&quot;MAYBE&quot;}"), alert.html());
  }

  private String invoke(String json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(json.getBytes(UTF_8)), out, null);
    return out.toString(UTF_8);
  }

  private void givenLead() {
    Submission submission =
        new Submission(
            "dana@acme.example",
            "Dana",
            "Prospect",
            "Acme GmbH",
            null,
            null,
            "DE",
            250,
            null,
            null,
            "demo-request",
            null,
            null,
            null,
            List.of());
    leads.create(Lead.received(leadId, RECEIVED, submission));
    leads.setStatus(leadId, LeadStatus.ROUTING);
  }

  private Email onlyAlert() {
    assertEquals(1, mailer.sent().size(), () -> "emails: " + mailer.sent());
    Email alert = mailer.sent().get(0);
    assertEquals(FALLBACK, alert.to());
    return alert;
  }

  private HistoryEvent onlyParkedEvent() {
    List<HistoryEvent> parked =
        history.of(leadId).stream()
            .filter(e -> e.type().equals(LeadParking.NEEDS_ATTENTION))
            .toList();
    assertEquals(1, parked.size(), () -> "history: " + history.of(leadId));
    return parked.get(0);
  }
}
