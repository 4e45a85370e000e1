package com.leadhandoff.acknowledgement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.followup.FollowUps;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.ownership.Ownership;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.routing.RoutingRules;
import com.leadhandoff.routing.RulesTeamChooser;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.scoring.SubmissionBuilder;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
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

/**
 * Acknowledge Lead against the test DynamoDB engine with the shipped routing rules, SLA policy and
 * follow-ups; the clock stands on Monday 2026-11-23, 10:00 in Berlin (04:00 in New York).
 */
class AcknowledgeLeadHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final String EVENT = Fixtures.event("acknowledge-lead.json");
  private static final String FAILED_EVENT = Fixtures.event("record-failed-acknowledgement.json");

  private final String leadId = Json.MAPPER.readTree(EVENT).get("leadId").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(NOW);
  private final AcknowledgeLeadHandler handler =
      new AcknowledgeLeadHandler(
          new Acknowledgement(
              leads,
              history,
              mailer,
              clock,
              new RulesTeamChooser(RoutingRules.bundled().orElseThrow(), directory),
              RouteLeadHandler.bundledPolicy().orElseThrow(),
              FollowUps.bundled()));

  AcknowledgeLeadHandlerTest() throws IOException {
    directory.save(
        new Team("inbound-sales", "Inbound Sales", "Morgan Lee", "morgan@sales.test", true));
    directory.save(new Team("enterprise", "Enterprise", "Priya Shah", "priya@sales.test", false));
  }

  @Test
  void hotLeadForInbound_isToldToExpectAnAnswerIn15WorkingMinutes_onBerlinTime()
      throws IOException {
    // GIVEN a hot demo request from a 250-person German company (inbound-sales, Berlin hours)
    scored(SubmissionBuilder.vpAskingForDemo().companySize(250).build(), Score.Tier.HOT);

    // WHEN Acknowledge Lead runs
    JsonNode result = run(EVENT);

    // THEN the prospect is thanked and told by when, on the team's clock
    Email email = onlyEmail();
    assertEquals("jana.keller@brightlane.de", email.to());
    assertEquals("Thanks for getting in touch", email.subject());
    assertTrue(email.text().startsWith("Hi Jana,\n"), email.text());
    assertTrue(
        email
            .text()
            .contains(
                "will contact you by Monday 23 November, 10:15 (Europe/Berlin time), within 15"
                    + " minutes of working time."),
        email.text());
    assertTrue(
        email.html().contains("by <strong>Monday 23 November, 10:15</strong> (Europe/Berlin"),
        email.html());
    assertEquals("ACKNOWLEDGED", result.get("outcome").asText());
    HistoryEvent acknowledged = only(Acknowledgement.ACKNOWLEDGED);
    assertEquals("2026-11-23T09:15:00Z", acknowledged.details().get("expectedBy"));
    assertEquals("default follow-up", acknowledged.details().get("followUp"));
  }

  @Test
  void warmLeadForEnterprise_beforeNewYorkOpens_isToldTheMorningDeadlineInNewYork()
      throws IOException {
    // GIVEN a warm lead from a 5,000-person company: enterprise, New York hours, 2 hours
    scored(SubmissionBuilder.vpAskingForDemo().companySize(5000).build(), Score.Tier.WARM);

    run(EVENT);

    // THEN the two working hours start at 09:00 in New York
    assertTrue(
        onlyEmail()
            .text()
            .contains(
                "by Monday 23 November, 11:00 (America/New_York time), within 2 hours of working"
                    + " time."),
        onlyEmail().text());
  }

  @Test
  void ownerOfTheCompanyInAnotherTeam_thePromiseIsTheLaterOfTheTwoDeadlines() throws IOException {
    // GIVEN a hot lead from Initech, whose owner David works in enterprise (New York hours), while
    // the rules alone send a 250-person company to inbound-sales (Berlin hours)
    DirectoryConfig shipped = DirectoryConfig.bundled();
    directory.save(
        shipped.reps().stream()
            .filter(r -> r.repId().equals("david-kim"))
            .findFirst()
            .orElseThrow());
    MutableClock clock = new MutableClock(NOW);
    AcknowledgeLeadHandler withOwners =
        new AcknowledgeLeadHandler(
            new Acknowledgement(
                leads,
                history,
                mailer,
                clock,
                new RulesTeamChooser(RoutingRules.bundled().orElseThrow(), directory),
                RouteLeadHandler.bundledPolicy().orElseThrow(),
                FollowUps.bundled(),
                AcknowledgeLeadHandler.ownerTeams(
                    new Ownership(Accounts.bundled(shipped), leads, OpenLeads.days(90)),
                    directory,
                    clock)));
    scored(
        SubmissionBuilder.vpAskingForDemo().email("sam@initech.example").companySize(250).build(),
        Score.Tier.HOT);

    // WHEN Acknowledge Lead runs
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    withOwners.handleRequest(new ByteArrayInputStream(EVENT.getBytes(UTF_8)), out, null);

    // THEN the prospect is promised New York's 09:15, which holds whether David or inbound answers
    // (Berlin's would be 09:15Z, before David's day starts)
    assertEquals(
        "2026-11-23T14:15:00Z", only(Acknowledgement.ACKNOWLEDGED).details().get("expectedBy"));
    assertTrue(onlyEmail().text().contains("09:15 (America/New_York time)"), onlyEmail().text());
  }

  @Test
  void leadGoingToNurture_isThankedWithoutAPromise() throws IOException {
    scored(SubmissionBuilder.studentOnNewsletter().build(), null);

    run(EVENT);

    Email email = onlyEmail();
    assertEquals("Thanks for getting in touch", email.subject());
    assertTrue(email.text().contains("We cannot promise a call"), email.text());
    assertFalse(email.text().contains("will contact you by"), email.text());
    assertFalse(only(Acknowledgement.ACKNOWLEDGED).details().containsKey("expectedBy"));
  }

  @Test
  void whitepaperDownload_isThankedForTheReport_byItsCampaign() throws IOException {
    scored(SubmissionBuilder.vpAskingForDemo().formId("whitepaper").build(), Score.Tier.HOT);

    run(EVENT);

    Email email = onlyEmail();
    assertEquals("Thanks for requesting the 2026 Lead Response Report", email.subject());
    assertTrue(
        email.text().contains("and for requesting the 2026 Lead Response Report."), email.text());
    assertTrue(email.text().contains("Benchmarks from 1,200 B2B teams"), email.text());
    assertEquals(
        "follow-up lead-response-report: formId whitepaper",
        only(Acknowledgement.ACKNOWLEDGED).details().get("followUp"));
  }

  @Test
  void nameWithMarkup_isEscapedInHtml_andLeftAsTypedInText() throws IOException {
    scored(
        SubmissionBuilder.studentOnNewsletter().name("<script>alert(1)</script>", "X").build(),
        null);

    run(EVENT);

    Email email = onlyEmail();
    assertTrue(email.html().contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;,"), email.html());
    assertFalse(email.html().contains("<script>"), email.html());
    assertTrue(email.text().startsWith("Hi <script>alert(1)</script>,"), email.text());
  }

  @Test
  void prospectWithoutFirstName_isGreetedWithoutOne() throws IOException {
    scored(SubmissionBuilder.studentOnNewsletter().name(null, null).build(), null);

    run(EVENT);

    assertTrue(onlyEmail().text().startsWith("Hi there,\n"));
  }

  @Test
  void retry_afterTheEmailWentOut_sendsNothingAgain() throws IOException {
    scored(SubmissionBuilder.vpAskingForDemo().companySize(250).build(), Score.Tier.HOT);
    run(EVENT);

    JsonNode retry = run(EVENT);

    assertEquals(1, mailer.sent().size());
    assertEquals(1, history.of(leadId).size());
    assertEquals("ALREADY_ACKNOWLEDGED", retry.get("outcome").asText());
  }

  @Test
  void sameInvocationTwice_thanksTheProspectOnce_andRecordsOneAcknowledgement() throws IOException {
    // GIVEN a scored hot lead, just before Acknowledge Lead
    scored(SubmissionBuilder.vpAskingForDemo().companySize(250).build(), Score.Tier.HOT);

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = run(EVENT);
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = run(EVENT);

    // THEN the second changes no item: one acknowledgement on record, with the first promise
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(
        "2026-11-23T09:15:00Z", only(Acknowledgement.ACKNOWLEDGED).details().get("expectedBy"));
    // AND the prospect is thanked once
    assertEquals("jana.keller@brightlane.de", onlyEmail().to());
    // AND it answers for the same lead, saying an earlier attempt did it (ResultPath is null)
    assertEquals(first.get("leadId"), second.get("leadId"));
    assertEquals("ACKNOWLEDGED", first.get("outcome").asText());
    assertEquals("ALREADY_ACKNOWLEDGED", second.get("outcome").asText());
  }

  @Test
  void sameInvocationTwice_mergedLead_isThankedOnce_andRecordsOneAcknowledgement()
      throws IOException {
    // GIVEN a submission Match Lead merged into an open lead Ana accepted (Acknowledge Merged Lead)
    Submission submission = SubmissionBuilder.vpAskingForDemo().build();
    leads.create(Lead.received("lead-open", NOW.minusSeconds(600), submission));
    leads.claimOwner(
        "lead-open",
        new Owner("ana-ruiz", "Ana Ruiz", "ana@sales.example.com", Owner.Role.REP),
        LeadStatus.ACCEPTED);
    leads.create(Lead.received(leadId, NOW.minusSeconds(2), submission));
    assertTrue(leads.markMerged(leadId, "lead-open"));

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = run(EVENT);
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = run(EVENT);

    // THEN the second changes no item, on either lead, and the prospect is thanked once
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals("lead-open", only(Acknowledgement.ACKNOWLEDGED).details().get("mergedInto"));
    assertTrue(onlyEmail().text().contains("Ana Ruiz, who is already looking after"));
    assertEquals(first.get("leadId"), second.get("leadId"));
    assertEquals("ALREADY_ACKNOWLEDGED", second.get("outcome").asText());
  }

  @Test
  void sameInvocationTwice_caughtFailure_isRecordedOnce_withTheSameResult() throws IOException {
    // GIVEN a scored lead whose acknowledgement failed, just before Record Failed Acknowledgement
    scored(SubmissionBuilder.vpAskingForDemo().build(), Score.Tier.HOT);

    // WHEN the step is invoked, and invoked again with the same Catch output a little later
    JsonNode first = run(FAILED_EVENT);
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = run(FAILED_EVENT);

    // THEN the second returns the same, changes no item and sends nothing
    assertEquals(first, second);
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(NOW, only(Acknowledgement.ACKNOWLEDGEMENT_FAILED).at());
    assertEquals(List.of(), mailer.sent());
  }

  @Test
  void caughtFailure_isRecordedOnce_andNothingIsSent() throws IOException {
    scored(SubmissionBuilder.vpAskingForDemo().build(), Score.Tier.HOT);

    JsonNode result = run(FAILED_EVENT);
    run(FAILED_EVENT);

    assertEquals("FAILURE_RECORDED", result.get("outcome").asText());
    assertEquals(List.of(), mailer.sent());
    HistoryEvent failed = only(Acknowledgement.ACKNOWLEDGEMENT_FAILED);
    assertEquals(
        "software.amazon.awssdk.services.sesv2.model.MessageRejectedException",
        failed.details().get("error"));
    assertTrue(failed.details().get("cause").contains("not verified"), failed.toString());
    assertTrue(failed.summary().endsWith("the handoff goes on"), failed.summary());
  }

  @Test
  void mergedSubmission_isThankedAndToldWhoHasTheRequest_withoutASecondResponseTime()
      throws IOException {
    // GIVEN an open lead Ana accepted, and this lead merged into it by Match Lead
    Submission submission = SubmissionBuilder.vpAskingForDemo().build();
    leads.create(Lead.received("lead-open", NOW.minusSeconds(600), submission));
    leads.claimOwner(
        "lead-open",
        new Owner("ana-ruiz", "Ana <Ruiz>", "ana@sales.example.com", Owner.Role.REP),
        LeadStatus.ACCEPTED);
    leads.create(Lead.received(leadId, NOW.minusSeconds(2), submission));
    assertTrue(leads.markMerged(leadId, "lead-open"));

    // WHEN it is acknowledged, twice (a retry)
    JsonNode result = run(EVENT);
    run(EVENT);

    // THEN one email names Ana (escaped in HTML) and promises no new response time
    Email thanks = onlyEmail();
    assertEquals("ACKNOWLEDGED", result.get("outcome").asText());
    assertTrue(
        thanks
            .text()
            .contains(
                "Ana <Ruiz>, who is already looking after that request, has been told and will get"
                    + " back to you.\n\nBest regards,"),
        thanks.text());
    assertTrue(thanks.html().contains("Ana &lt;Ruiz&gt;"), thanks.html());
    assertFalse(thanks.text().contains("will contact you by"), thanks.text());
    assertFalse(thanks.text().contains("cannot promise a call"), thanks.text());
    HistoryEvent acknowledged = only(Acknowledgement.ACKNOWLEDGED);
    assertEquals("lead-open", acknowledged.details().get("mergedInto"));
  }

  @Test
  void mergedIntoALeadNobodyHasYet_saysItReachesWhoeverTakesItOn() throws IOException {
    Submission submission = SubmissionBuilder.vpAskingForDemo().build();
    leads.create(Lead.received("lead-open", NOW.minusSeconds(600), submission));
    leads.create(Lead.received(leadId, NOW.minusSeconds(2), submission));
    assertTrue(leads.markMerged(leadId, "lead-open"));

    run(EVENT);

    assertTrue(
        onlyEmail().text().contains("so it reaches the person who takes that request on"),
        onlyEmail().text());
  }

  @Test
  void unscoredLead_isRefused_andNobodyIsEmailed() {
    leads.create(Lead.received(leadId, NOW, SubmissionBuilder.vpAskingForDemo().build()));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(EVENT));

    assertTrue(e.getMessage().contains("runs after Score Lead"), e::getMessage);
    assertEquals(List.of(), mailer.sent());
  }

  /** A lead as Score Lead leaves it; {@code tier} null for the model's own (unqualified) score. */
  private void scored(Submission submission, Score.Tier tier) {
    leads.create(Lead.received(leadId, NOW.minusSeconds(2), submission));
    Score score =
        tier == null
            ? ScoringModels.bundled().score(submission)
            : new Score(tier == Score.Tier.HOT ? 85 : 65, tier, true, List.of());
    leads.saveScore(leadId, score, LeadStatus.RECEIVED);
  }

  private Email onlyEmail() {
    assertEquals(1, mailer.sent().size(), mailer.sent().toString());
    return mailer.sent().get(0);
  }

  private HistoryEvent only(String type) {
    List<HistoryEvent> events =
        history.of(leadId).stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, events.size(), history.of(leadId).toString());
    return events.get(0);
  }

  private JsonNode run(String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toByteArray());
  }
}
