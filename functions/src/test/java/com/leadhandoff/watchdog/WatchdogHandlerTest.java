package com.leadhandoff.watchdog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.attention.LeadParking;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.ownership.AddressRelease;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The watchdog from its two event fixtures: the rule's status change and the schedule's sweep. */
class WatchdogHandlerTest {
  private static final String FALLBACK = "sales-manager@example.com";
  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

  private final ObjectNode failed =
      (ObjectNode) Json.MAPPER.readTree(Fixtures.event("watchdog-execution-failed.json"));
  private final String sweep = Fixtures.event("watchdog-sweep.json");
  private final String leadId = failed.path("detail").path("name").asText();
  private final String executionArn = failed.path("detail").path("executionArn").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoOfferStore offers =
      new DynamoOfferStore(
          TestDynamo.client(),
          tables.get("OffersTable"),
          new DynamoCapacity(TestDynamo.client(), tables.get("RepsTable")));
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(RECEIVED.plus(Duration.ofMinutes(8)));
  private final LaunchingWorkflow workflow = new LaunchingWorkflow();
  private final Parker parker =
      new Parker(
          new LeadParking(leads, offers, history, mailer, clock, FALLBACK),
          new AddressRelease(
              leads,
              new DynamoAddressClaims(TestDynamo.client(), tables.get("AddressClaimsTable"))));
  private final WatchdogHandler handler =
      new WatchdogHandler(
          new FailedExecutions(leads, parker),
          new Sweep(
              leads, offers, history, workflow, parker, clock, SweepPolicy.ofGraceMinutes(15)));

  WatchdogHandlerTest() throws IOException {}

  // ---- the rule: execution status changes --------------------------------------------------

  @Test
  void failedExecution_parksItsLead_withErrorAndCauseInTheAlert() throws IOException {
    // GIVEN a lead being routed whose execution failed outside any Catch
    givenLead(leadId, RECEIVED, LeadStatus.ROUTING);

    // WHEN EventBridge delivers the execution's status change
    JsonNode result = invoke(failed.toString());

    // THEN the lead needs attention and the manager's alert says the watchdog found it, and why
    assertEquals("PARKED", result.path("rule").asText());
    assertEquals(LeadStatus.NEEDS_ATTENTION, leads.find(leadId).orElseThrow().status());
    Email alert = onlyAlert();
    assertTrue(
        alert.subject().startsWith("Needs attention (found by the watchdog)"), alert.subject());
    for (String expected :
        List.of(
            "Found by the watchdog: its workflow execution " + leadId + " ended FAILED",
            "Execution: " + executionArn,
            "Error: Lambda.ServiceException",
            "Cause: Lambda was unable to decrypt the environment variables",
            "Status before it failed: ROUTING")) {
      assertTrue(alert.text().contains(expected), expected + "\n" + alert.text());
    }
    assertTrue(alert.html().contains("Found by the watchdog:"), alert.html());
    HistoryEvent parked = onlyParkedEvent(leadId);
    assertEquals("watchdog", parked.details().get("foundBy"));
    assertEquals(executionArn, parked.details().get("executionId"));
    assertEquals("Lambda.ServiceException", parked.details().get("error"));
    assertTrue(parked.summary().startsWith("The watchdog found it:"), parked.summary());
  }

  @Test
  void failedExecution_ofALeadAlreadyFinal_isIgnored() throws IOException {
    // GIVEN a lead Park Lead already parked (its execution then ends FAILED in Needs Attention),
    // and one a rep accepted before its execution was stopped by hand
    givenLead(leadId, RECEIVED, LeadStatus.NEEDS_ATTENTION);
    String accepted = "lead-accepted";
    givenLead(accepted, RECEIVED, LeadStatus.ROUTING);
    leads.claimOwner(
        accepted,
        new Owner("ana-ruiz", "Ana Ruiz", "ana@sales.example.com", Owner.Role.REP),
        LeadStatus.ACCEPTED);

    // WHEN their executions' status changes arrive
    JsonNode first = invoke(failed.toString());
    ObjectNode aborted = failed.deepCopy();
    ((ObjectNode) aborted.get("detail"))
        .put("status", "ABORTED")
        .put("name", accepted)
        .put("input", "{\"leadId\":\"" + accepted + "\"}");
    JsonNode second = invoke(aborted.toString());

    // THEN nothing is sent or written
    assertEquals("IGNORED", first.path("rule").asText());
    assertEquals("IGNORED", second.path("rule").asText());
    assertEquals(List.of(), mailer.sent());
    assertEquals(LeadStatus.ACCEPTED, leads.find(accepted).orElseThrow().status());
    assertEquals(List.of(), history.of(leadId));
  }

  @Test
  void sameStatusChangeTwice_parksAndAlertsOnce() throws IOException {
    // GIVEN a RECEIVED lead whose execution timed out
    givenLead(leadId, RECEIVED, LeadStatus.RECEIVED);
    ((ObjectNode) failed.get("detail")).put("status", "TIMED_OUT");

    // WHEN EventBridge delivers the event twice (delivery is at least once)
    invoke(failed.toString());
    JsonNode again = invoke(failed.toString());

    // THEN one alert, one history entry
    assertEquals("IGNORED", again.path("rule").asText());
    onlyAlert();
    onlyParkedEvent(leadId);
  }

  @Test
  void succeededExecution_isIgnored() throws IOException {
    givenLead(leadId, RECEIVED, LeadStatus.ROUTING);
    ((ObjectNode) failed.get("detail")).put("status", "SUCCEEDED");

    assertEquals("IGNORED", invoke(failed.toString()).path("rule").asText());
    assertEquals(List.of(), mailer.sent());
  }

  // ---- the schedule: sweeping open leads ---------------------------------------------------

  @Test
  void sweep_startsAMissingExecution_exactlyOnce_withAHistoryEntry() throws IOException {
    // GIVEN a lead stored 8 minutes ago whose execution never started (intake died, or answered
    // 503 and the form never retried)
    givenLead(leadId, RECEIVED, LeadStatus.RECEIVED);

    // WHEN the schedule sweeps, and again five minutes later
    JsonNode first = invoke(sweep);
    clock.advance(Duration.ofMinutes(5));
    JsonNode second = invoke(sweep);

    // THEN the execution was started once, named after the lead, and the history says who did it
    assertEquals(List.of(leadId), workflow.started());
    assertEquals(List.of(leadId), list(first.path("started")));
    assertEquals(List.of(), list(second.path("started")));
    List<HistoryEvent> started =
        history.of(leadId).stream().filter(e -> e.type().equals(Sweep.WATCHDOG_STARTED)).toList();
    assertEquals(1, started.size(), () -> "history: " + history.of(leadId));
    assertTrue(
        started.get(0).summary().contains("found no workflow for this lead 8 minutes after"),
        started.get(0).summary());
    assertEquals(List.of(), mailer.sent());
  }

  @Test
  void sweep_leavesALeadJustReceivedAlone() throws IOException {
    givenLead(leadId, clock.instant().minusSeconds(20), LeadStatus.RECEIVED);

    JsonNode report = invoke(sweep);

    assertEquals(0, report.path("checked").asInt());
    assertEquals(List.of(), workflow.started());
  }

  @Test
  void sweep_parksALeadStillReceived_pastTheGrace_thoughItsExecutionRuns() throws IOException {
    // GIVEN a lead received 20 minutes ago whose execution runs but never scored it
    givenLead(leadId, clock.instant().minus(Duration.ofMinutes(20)), LeadStatus.RECEIVED);
    workflow.running(leadId);

    // WHEN the schedule sweeps
    JsonNode report = invoke(sweep);

    // THEN the lead is parked and the alert names the bound it passed
    assertEquals(List.of(leadId), list(report.path("parked")));
    assertEquals(LeadStatus.NEEDS_ATTENTION, leads.find(leadId).orElseThrow().status());
    Email alert = onlyAlert();
    assertTrue(
        alert.text().contains("Found by the watchdog: the lead is still RECEIVED 20 minutes after"),
        alert.text());
    assertTrue(alert.text().contains("Error: Watchdog.LeadStuckReceived"), alert.text());
    assertEquals("watchdog", onlyParkedEvent(leadId).details().get("foundBy"));
    // AND its execution is stopped, so nothing in it moves the parked lead later
    assertEquals(List.of(leadId), workflow.stopped());
  }

  @Test
  void sweep_countsTheGraceFromTheStartItMade_notFromTheLeadsArrival() throws IOException {
    // GIVEN a lead received 3 hours ago whose workflow never started
    givenLead(leadId, clock.instant().minus(Duration.ofHours(3)), LeadStatus.RECEIVED);
    invoke(sweep);
    assertEquals(List.of(leadId), workflow.started());

    // WHEN the next sweep finds it still RECEIVED 5 minutes after the watchdog started it
    clock.advance(Duration.ofMinutes(5));
    JsonNode report = invoke(sweep);

    // THEN it is left to its new execution: not parked, nobody alerted
    assertEquals(List.of(), list(report.path("parked")));
    assertEquals(LeadStatus.RECEIVED, leads.find(leadId).orElseThrow().status());
    assertEquals(List.of(), mailer.sent());

    // AND once the grace has passed since that start it is parked after all
    clock.advance(Duration.ofMinutes(11));
    assertEquals(List.of(leadId), list(invoke(sweep).path("parked")));
  }

  @Test
  void leadParkedAlready_aFurtherIncidentIsRecorded_withoutASecondAlert() throws IOException {
    // GIVEN a lead the sweep parked (its execution stopped)
    givenLead(leadId, clock.instant().minus(Duration.ofMinutes(20)), LeadStatus.RECEIVED);
    workflow.running(leadId);
    invoke(sweep);
    assertEquals(1, mailer.sent().size());

    // WHEN its stopped execution's end reaches the rule, and a step of it fails on the parked lead
    parker.park(
        com.leadhandoff.attention.Incident.foundByWatchdog(
            java.util.Optional.of(leadId),
            "arn:aws:states:us-east-1:1:execution:M:" + leadId,
            java.util.Optional.of("com.leadhandoff.lead.LeadParkedException"),
            java.util.Optional.of("Lead is parked"),
            "{}",
            "its workflow execution ended FAILED"));

    // THEN the manager still has one alert, and the history says what else happened
    assertEquals(1, mailer.sent().size());
    assertTrue(
        history.of(leadId).stream().anyMatch(e -> e.type().equals(LeadParking.ALSO_FAILED)),
        history.of(leadId).toString());
  }

  @Test
  void sweep_leavesALeadThatMovedOnWhileItLooked_withoutAnAlert_andItsExecutionRunning()
      throws IOException {
    // GIVEN the index still shows a lead RECEIVED 20 minutes ago, but it was scored meanwhile
    givenLead(leadId, clock.instant().minus(Duration.ofMinutes(20)), LeadStatus.RECEIVED);
    workflow.running(leadId);
    Lead seen = leads.find(leadId).orElseThrow();
    leads.setStatus(leadId, LeadStatus.ROUTING);
    Sweep lagging =
        new Sweep(
            (status, before) -> status == LeadStatus.RECEIVED ? List.of(seen) : List.of(),
            offers,
            history,
            workflow,
            parker,
            clock,
            SweepPolicy.ofGraceMinutes(15));

    // WHEN the schedule sweeps on that snapshot
    SweepReport report = lagging.run();

    // THEN the lead is not parked, nobody is alerted, and its execution runs on
    assertEquals(List.of(), report.parked());
    assertEquals(LeadStatus.ROUTING, leads.find(leadId).orElseThrow().status());
    assertEquals(List.of(), mailer.sent());
    assertEquals(List.of(), workflow.stopped());
  }

  @Test
  void sweep_parksALeadWhoseExecutionEnded_whileItWasStillReceived() throws IOException {
    givenLead(leadId, RECEIVED, LeadStatus.RECEIVED);
    workflow.closed(leadId);

    invoke(sweep);

    assertEquals(LeadStatus.NEEDS_ATTENTION, leads.find(leadId).orElseThrow().status());
    assertTrue(onlyAlert().text().contains("its workflow execution already ended"));
    assertEquals(List.of(), workflow.started());
    assertEquals(List.of(), workflow.stopped());
  }

  @Test
  void sweep_parksALeadOfferedPastItsDeadlinePlusTheGrace_andClosesTheOffer() throws IOException {
    // GIVEN a lead offered to Ana until 10:15 and still open at 10:31 (the grace is 15 minutes)
    givenLead(leadId, RECEIVED, LeadStatus.ROUTING);
    offers.put(offer(RECEIVED.plus(Duration.ofMinutes(15))));
    clock.advance(Duration.ofMinutes(23));

    // WHEN the schedule sweeps
    invoke(sweep);

    // THEN the lead is parked, the offer can no longer be accepted, and the alert says why
    assertEquals(LeadStatus.NEEDS_ATTENTION, leads.find(leadId).orElseThrow().status());
    assertEquals(OfferStatus.EXPIRED, offers.find(leadId, "001").orElseThrow().status());
    assertTrue(
        onlyAlert()
            .text()
            .contains("the offer to Ana Ruiz is still open 16 minutes after its deadline"),
        mailer.sent().get(0).text());
    assertTrue(onlyParkedEvent(leadId).summary().contains("closed the open offer to Ana Ruiz"));
  }

  @Test
  void sweep_leavesAnOfferBeforeItsDeadlinePlusGrace_andFinalLeads_alone() throws IOException {
    // GIVEN an offer 10 minutes past its deadline (inside the grace), and leads that are final
    givenLead(leadId, RECEIVED, LeadStatus.ROUTING);
    offers.put(offer(RECEIVED.minus(Duration.ofMinutes(2))));
    givenLead("lead-nurtured", RECEIVED.minus(Duration.ofHours(5)), LeadStatus.NURTURE);
    givenLead("lead-parked", RECEIVED.minus(Duration.ofHours(5)), LeadStatus.NEEDS_ATTENTION);

    // WHEN the schedule sweeps
    JsonNode report = invoke(sweep);

    // THEN only the open lead was looked at, and nothing was changed
    assertEquals(1, report.path("checked").asInt());
    assertEquals(List.of(), mailer.sent());
    assertEquals(LeadStatus.ROUTING, leads.find(leadId).orElseThrow().status());
    assertEquals(List.of(), workflow.started());
  }

  @Test
  void parkedLead_leavesTheWatchdogsIndex() {
    givenLead(leadId, RECEIVED, LeadStatus.ROUTING);
    assertEquals(1, leads.inStatus(LeadStatus.ROUTING, clock.instant()).size());

    leads.setStatus(leadId, LeadStatus.NEEDS_ATTENTION);

    assertEquals(List.of(), leads.inStatus(LeadStatus.ROUTING, clock.instant()));
    assertEquals(List.of(), leads.inStatus(LeadStatus.NEEDS_ATTENTION, clock.instant()));
  }

  // ---- helpers -----------------------------------------------------------------------------

  private JsonNode invoke(String json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(json.getBytes(UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toString(UTF_8));
  }

  private static List<String> list(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private void givenLead(String id, Instant receivedAt, LeadStatus status) {
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
    leads.create(Lead.received(id, receivedAt, submission));
    if (status != LeadStatus.RECEIVED) {
      leads.setStatus(id, status);
    }
  }

  private Offer offer(Instant deadline) {
    return new Offer(
        leadId,
        "001",
        1,
        "inbound-sales",
        "ana-ruiz",
        "Ana Ruiz",
        "ana@sales.example.com",
        "hash-" + leadId,
        "task-token",
        RECEIVED,
        deadline,
        OfferStatus.OPEN,
        Optional.empty(),
        Optional.empty());
  }

  private Email onlyAlert() {
    assertEquals(1, mailer.sent().size(), () -> "emails: " + mailer.sent());
    Email alert = mailer.sent().get(0);
    assertEquals(FALLBACK, alert.to());
    return alert;
  }

  private HistoryEvent onlyParkedEvent(String id) {
    List<HistoryEvent> parked =
        history.of(id).stream().filter(e -> e.type().equals(LeadParking.NEEDS_ATTENTION)).toList();
    assertEquals(1, parked.size(), () -> "history: " + history.of(id));
    return parked.get(0);
  }
}
