package com.leadhandoff.offer;

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
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreHistory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.RecordingWorkflow;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lead offered to one rep, against fresh tables in the test DynamoDB engine, with recording
 * mailer and workflow and a clock the test moves. Drives the handlers with the fixtures in {@code
 * events/}.
 */
final class OfferScenario {
  static final String LEAD_ID = "01JDX7Q4ZB7M3N2K5P8R9S0T1V";
  static final String REP_EMAIL = "ana.ruiz@example.com";
  static final String BASE_URL = "https://leads.example.com";
  static final Instant OFFERED_AT = Instant.parse("2026-11-23T10:00:00Z");
  static final Instant DEADLINE = Instant.parse("2026-11-23T10:15:00Z");

  /** The token written in the HTTP fixtures; tests put the real one in its place. */
  static final String FIXTURE_TOKEN = "qQ42NFsFFOAiIfqmPvD6V7Hm3ih17nATht8GnneLarQ";

  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(BASE_URL) + "/offers/([A-Za-z0-9_-]+)");

  final Map<String, String> tables = TestDynamo.tables();
  final DynamoLeadStore leads = new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  final DynamoOfferStore offers =
      DynamoOfferStore.withEmailClaims(
          TestDynamo.client(), tables.get("OffersTable"), tables.get("HistoryTable"));
  final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  final RecordingMailer mailer = new RecordingMailer();
  final RecordingWorkflow workflow = new RecordingWorkflow();
  final MutableClock clock = new MutableClock(OFFERED_AT);

  final OfferToRepHandler offerToRep =
      new OfferToRepHandler(leads, offers, history, mailer, clock, BASE_URL);
  final ShowOfferHandler showOffer = new ShowOfferHandler(offers, leads, clock);
  final RespondToOfferHandler respond =
      new RespondToOfferHandler(offers, leads, history, workflow, clock);

  /** A scored, routed lead from {@code company}. */
  static Lead lead(String company) {
    Submission submission =
        new Submission(
            "jane.doe@acme.test",
            "Jane",
            "Doe",
            company,
            "Head of Operations",
            "+44 20 7946 0000",
            "GB",
            250,
            "Logistics",
            "We need routing for 40 depots & <b>fast</b>.",
            "demo-request",
            "linkedin",
            "paid-social",
            "q4-logistics",
            List.of("/pricing", "/customers/fleetco"));
    Score score =
        new Score(
            82,
            Score.Tier.HOT,
            true,
            List.of(
                new Score.Reason("demo-form", "Asked for a demo", 30),
                new Score.Reason("company-size", "Company of 200 to 1,000 employees", 20),
                new Score.Reason("senior-title", "Head-level job title", 25),
                new Score.Reason("free-email", "Uses a free email domain", -10)));
    return new Lead(
        LEAD_ID,
        OFFERED_AT.minusSeconds(60),
        submission,
        LeadStatus.ROUTING,
        java.util.Optional.of(score),
        java.util.Optional.empty());
  }

  /** Stores the lead, offers it with {@code offer-to-rep.json}; returns the token in the link. */
  String offered() {
    leads.create(lead("Acme Logistics"));
    return offer(route -> {});
  }

  /** Runs Offer To Rep with the fixture, its route changed by {@code edit}; returns the token. */
  String offer(Consumer<ObjectNode> edit) {
    ObjectNode input = (ObjectNode) json(Fixtures.event("offer-to-rep.json"));
    edit.accept((ObjectNode) input.get("route"));
    run(offerToRep, input.toString());
    return tokenIn(mailer.sent().get(mailer.sent().size() - 1).text());
  }

  /** The task token in {@code offer-to-rep.json}. */
  /**
   * Stores the fixture's lead in {@code leadsTable} with the entries intake, Score Lead and Route
   * Lead write to {@code history}, as Offer To Rep finds them.
   */
  static Lead storedLead(String leadsTable, LeadHistory history) {
    Lead lead = lead("Acme Logistics");
    new DynamoLeadStore(TestDynamo.client(), leadsTable).create(lead);
    history.record(
        LEAD_ID,
        new HistoryEvent(
            lead.receivedAt(),
            "RECEIVED",
            "Received from form demo-request (jane.doe@acme.test)",
            Map.of(
                "formId", lead.submission().formId(),
                "utmSource", lead.submission().utmSource(),
                "utmMedium", lead.submission().utmMedium(),
                "utmCampaign", lead.submission().utmCampaign())));
    history.record(
        LEAD_ID,
        ScoreHistory.scored(lead.score().orElseThrow(), 50, lead.receivedAt().plusSeconds(1)));
    history.record(
        LEAD_ID,
        new HistoryEvent(
            lead.receivedAt().plusSeconds(2),
            "ROUTED",
            "Routed to Ana Ruiz",
            Map.of("repId", "rep-ana-ruiz")));
    return lead;
  }

  static String fixtureTaskToken() {
    return json(Fixtures.event("offer-to-rep.json")).get("taskToken").asText();
  }

  static String tokenIn(String emailText) {
    Matcher m = LINK.matcher(emailText);
    if (!m.find()) {
      throw new AssertionError("No offer link in: " + emailText);
    }
    return m.group(1);
  }

  APIGatewayV2HTTPResponse show(String token) {
    return showOffer.handleRequest(http("show-offer.json", token), null);
  }

  APIGatewayV2HTTPResponse accept(String token) {
    return respond.handleRequest(http("accept-offer.json", token), null);
  }

  /** Declines with the fixture's own form body. */
  APIGatewayV2HTTPResponse decline(String token) {
    return respond.handleRequest(http("decline-offer.json", token), null);
  }

  /** Declines with {@code form} as the (base64-encoded, as API Gateway sends it) body. */
  APIGatewayV2HTTPResponse decline(String token, String form) {
    APIGatewayV2HTTPEvent event = http("decline-offer.json", token);
    event.setBody(Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
    return respond.handleRequest(event, null);
  }

  static APIGatewayV2HTTPEvent http(String fixture, String token) {
    String text = Fixtures.event(fixture).replace(FIXTURE_TOKEN, token);
    try {
      return Json.MAPPER.readValue(text, APIGatewayV2HTTPEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Offer offer() {
    return offers.find(LEAD_ID, "001").orElseThrow();
  }

  List<String> historyTypes() {
    return history.of(LEAD_ID).stream().map(HistoryEvent::type).toList();
  }

  /** Runs a workflow task handler as Lambda would; returns its output. */
  static JsonNode run(TaskHandler<?, ?> handler, String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json(out.toString(StandardCharsets.UTF_8));
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
