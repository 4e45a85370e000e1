package com.leadhandoff.escalation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.outcome.OutcomeLink;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.LeadRouter;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.scoring.SubmissionBuilder;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOutcomeLinks;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueLeadHandlerTest {
  private static final Instant NOW = Instant.parse("2026-12-29T09:00:00Z");
  private static final DirectoryConfig.FallbackQueue QUEUE =
      new DirectoryConfig.FallbackQueue("Unassigned <leads>", "sales-ops@sales.test");

  private final String leadId =
      Json.MAPPER.readTree(Fixtures.event("queue-lead.json")).get("leadId").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(NOW);
  private final DynamoOutcomeLinks outcomeLinks =
      new DynamoOutcomeLinks(TestDynamo.client(), tables.get("OutcomeLinksTable"));
  private final QueueLeadHandler handler =
      new QueueLeadHandler(
          new LeadQueue(
              leads,
              history,
              mailer,
              new OutcomeLinkIssuer(
                  outcomeLinks, clock, "https://leads.test", OutcomeLinkIssuer.DEFAULT_LIFETIME),
              clock,
              QUEUE));

  QueueLeadHandlerTest() throws IOException {}

  @Test
  void leadNoRepCouldBeOffered_isOwnedByTheQueue_andTheAlertListsWhoWasSkipped()
      throws IOException {
    // GIVEN a hot lead routing found nobody for: every enterprise rep paused, inactive or away
    givenScoredLead();
    givenNoRep();

    // WHEN the workflow queues it
    JsonNode result = invoke();

    // THEN the queue owns it, with its own status
    Lead lead = leads.find(leadId).orElseThrow();
    assertEquals(LeadStatus.QUEUED, lead.status());
    assertEquals(
        new Owner(
            "sales-ops@sales.test", "Unassigned <leads>", "sales-ops@sales.test", Owner.Role.QUEUE),
        lead.owner().orElseThrow());
    assertEquals("QUEUE", result.get("role").asText());
    // AND the queue's address is alerted with who was skipped and why
    assertEquals(1, mailer.sent().size());
    Email alert = mailer.sentTo("sales-ops@sales.test").get(0);
    assertTrue(alert.subject().contains("Lead queued in Unassigned <leads>"), alert.subject());
    assertTrue(alert.subject().contains("Jana Keller (Brightlane Software GmbH)"), alert.subject());
    assertTrue(
        alert
            .text()
            .contains("no rep could be offered it: no rep available in team Enterprise Accounts"),
        alert.text());
    assertTrue(
        alert.text().contains("- david-kim: out of office until 2027-01-01\n"), alert.text());
    assertTrue(alert.text().contains("- farah-haddad: paused\n"), alert.text());
    assertTrue(
        alert
            .text()
            .contains(
                "- ben-okafor: owner of account Brightlane (brightlane.de), but out of office\n"),
        alert.text());
    assertTrue(alert.text().contains("Team: enterprise (rule enterprise-size"), alert.text());
    assertTrue(alert.html().contains("<li>farah-haddad: paused</li>"), alert.html());
    assertTrue(alert.html().contains("Hello Unassigned &lt;leads&gt;,"), alert.html());
    assertFalse(alert.html().contains("<leads>"), "every value is escaped in HTML");
    HistoryEvent queued = only(LeadQueue.QUEUED);
    assertEquals(NOW, queued.at());
    assertEquals("Unassigned <leads>", queued.details().get("queue"));
    assertEquals("no rep available in team Enterprise Accounts", queued.details().get("reason"));
    // AND the alert links each outcome for the queue, which owns the lead and reports on it
    for (Outcome outcome : Outcome.values()) {
      // (the HTML part escapes the link's "=" as every value, which browsers read back)
      assertTrue(alert.html().contains("?outcome&#x3D;" + outcome.name() + "\""), alert.html());
      assertTrue(alert.html().contains(">" + outcome.label() + "</a>"), alert.html());
      assertTrue(alert.text().contains("?outcome=" + outcome.name()), alert.text());
    }
    List<OutcomeLink> stored = storedOutcomeLinks();
    assertEquals(1, stored.size());
    assertEquals(leadId, stored.get(0).leadId());
    assertEquals("sales-ops@sales.test", stored.get(0).ownerId());
  }

  private List<OutcomeLink> storedOutcomeLinks() {
    return TestDynamo.everything(Map.of("links", tables.get("OutcomeLinksTable")))
        .get("links")
        .stream()
        .map(item -> outcomeLinks.find(item.get("tokenHash").s()).orElseThrow())
        .toList();
  }

  @Test
  void retry_afterTheAlertWentOut_sendsNothingAgain() throws IOException {
    givenScoredLead();
    givenNoRep();
    invoke();

    JsonNode retry = invoke();

    assertEquals(1, mailer.sent().size());
    assertEquals(1, storedOutcomeLinks().size(), "no second set of outcome links");
    assertEquals(1, history.of(leadId).stream().filter(e -> e.type().equals("QUEUED")).count());
    assertEquals("QUEUE", retry.get("role").asText());
  }

  @Test
  void sameInvocationTwice_queueOwnsItOnce_isAlertedOnce_andTheResultIsTheSame()
      throws IOException {
    // GIVEN a scored lead routing found nobody for, just before Queue Lead
    givenScoredLead();
    givenNoRep();

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = invoke();
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = invoke();

    // THEN the second returns the same owner, changes no item and sends nothing more
    assertEquals(first, second);
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(NOW, only(LeadQueue.QUEUED).at());
    assertEquals(LeadStatus.QUEUED, leads.find(leadId).orElseThrow().status());
    assertEquals(1, mailer.sent().size());
  }

  @Test
  void retry_afterTheQueueClaimedItButBeforeTheAlert_sendsTheAlertOnce() throws IOException {
    givenScoredLead();
    givenNoRep();
    leads.claimOwner(
        leadId,
        new Owner(QUEUE.email(), QUEUE.name(), QUEUE.email(), Owner.Role.QUEUE),
        LeadStatus.QUEUED);

    invoke();

    assertEquals(1, mailer.sentTo("sales-ops@sales.test").size());
    assertEquals(1, history.of(leadId).stream().filter(e -> e.type().equals("QUEUED")).count());
  }

  @Test
  void leadARepAlreadyOwns_staysTheReps_andNobodyIsAlerted() throws IOException {
    givenScoredLead();
    Owner rep = new Owner("ana-ruiz", "Ana Ruiz", "ana@sales.test", Owner.Role.REP);
    leads.claimOwner(leadId, rep, LeadStatus.ACCEPTED);

    JsonNode result = invoke();

    assertEquals(rep, leads.find(leadId).orElseThrow().owner().orElseThrow());
    assertEquals("REP", result.get("role").asText());
    assertEquals(List.of(), mailer.sent());
  }

  @Test
  void unknownLead_failsNamingIt_andSendsNothing() {
    IllegalStateException e = assertThrows(IllegalStateException.class, this::invoke);

    assertTrue(e.getMessage().contains(leadId), e::getMessage);
    assertEquals(List.of(), mailer.sent());
  }

  private void givenScoredLead() {
    var submission = SubmissionBuilder.vpAskingForDemo().companySize(5000).build();
    leads.create(Lead.received(leadId, NOW.minusSeconds(5), submission));
    leads.saveScore(leadId, ScoringModels.bundled().score(submission), LeadStatus.ROUTING);
  }

  /** What Route Lead records when it finds nobody for a fresh lead. */
  private void givenNoRep() {
    history.record(
        leadId,
        new HistoryEvent(
            NOW.minusSeconds(1),
            LeadRouter.NO_REP,
            "No rep to offer the lead to: no rep available in team Enterprise Accounts",
            Map.of(
                "teamId", "enterprise",
                "teamReason", "rule enterprise-size: companySize 5000 in 1000+",
                "reason", "no rep available in team Enterprise Accounts",
                "skipped", "david-kim: out of office until 2027-01-01; farah-haddad: paused",
                "ownerSkipped",
                    "ben-okafor: owner of account Brightlane (brightlane.de), but out of office")));
  }

  private HistoryEvent only(String type) {
    List<HistoryEvent> events =
        history.of(leadId).stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  private JsonNode invoke() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Fixtures.event("queue-lead.json").getBytes(UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toByteArray());
  }
}
