package com.leadhandoff.followup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.OfferToken;
import com.leadhandoff.outcome.OutcomeLink;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOutcomeLinks;
import com.leadhandoff.testing.DyingHistory;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FollowUpHandlerTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");
  private static final Owner ANA =
      new Owner("rep-ana", "Ana Ruiz", "ana@sales.test", Owner.Role.REP);

  private final String leadId =
      Json.MAPPER.readTree(Fixtures.event("follow-up.json")).get("leadId").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(RECEIVED.plusSeconds(300));
  private final DynamoOutcomeLinks outcomeLinkStore =
      new DynamoOutcomeLinks(TestDynamo.client(), tables.get("OutcomeLinksTable"));
  private final OutcomeLinkIssuer outcomeLinks =
      new OutcomeLinkIssuer(
          outcomeLinkStore, clock, "https://leads.test", OutcomeLinkIssuer.DEFAULT_LIFETIME);

  FollowUpHandlerTest() throws IOException {}

  @Test
  void acceptedLead_introducesTheRepToTheProspect_andConfirmsTheLeadToTheRep() throws IOException {
    // GIVEN Ana accepted the lead
    givenLead("Acme GmbH");
    directory.save(new Rep("rep-ana", "Ana Ruiz", "ana.ruiz@sales.test", "emea", true));
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);

    // WHEN the workflow follows up
    String result = invoke(handler(mailer));

    // THEN the prospect meets Ana by name and address, addressed by their own first name
    Email intro = onlyEmailTo("dana@acme.example");
    assertTrue(intro.subject().contains("Ana Ruiz"), intro.subject());
    assertTrue(intro.text().startsWith("Hi Dana,"), intro.text());
    assertTrue(
        intro
            .text()
            .contains(
                "Just reply to this email to reach Ana Ruiz, or write to ana.ruiz@sales.test"),
        intro.text());
    // AND a reply reaches Ana, not the sender address
    assertEquals(List.of("ana.ruiz@sales.test"), intro.replyTo());
    assertEquals(Email.Kind.COMMERCIAL, intro.prospect().orElseThrow().kind());
    assertTrue(intro.html().contains("mailto:ana.ruiz@sales.test"), intro.html());
    // AND Ana, at her directory address, gets every detail of the lead
    Email confirmation = onlyEmailTo("ana.ruiz@sales.test");
    String text = confirmation.text();
    for (String expected :
        List.of(
            "You own this lead: Dana Prospect (Acme GmbH)",
            "Email: dana@acme.example",
            "Phone: +49 30 1234567",
            "Job title: Head of Operations",
            "Company size: 250 employees",
            "72/100, WARM",
            "+40  Asked for a demo",
            "Campaign: winter-launch",
            "  - /pricing",
            "We need this before Q1.")) {
      assertTrue((confirmation.subject() + "\n" + text).contains(expected), expected + "\n" + text);
    }
    assertEquals(2, mailer.sent().size());
    assertEquals(LeadStatus.ACCEPTED, leads.find(leadId).orElseThrow().status());
    assertEquals(1, eventsOfType(FollowUp.FOLLOWED_UP));
    assertTrue(result.contains("\"FOLLOWED_UP\""), result);
  }

  @Test
  void ownerEmail_carriesAnOutcomeLinkPerOutcome_underOneStoredHash() throws IOException {
    // GIVEN Ana accepted the lead
    givenLead("Acme GmbH");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);

    // WHEN the workflow follows up, and the step runs again
    invoke(handler(mailer));
    invoke(handler(mailer));

    // THEN Ana's email links each outcome, in text and HTML, with the links' expiry
    Email confirmation = onlyEmailTo("ana@sales.test");
    Matcher link =
        Pattern.compile("https://leads\\.test/outcomes/([A-Za-z0-9_-]{43})\\?outcome=(\\w+)")
            .matcher(confirmation.text());
    List<String> outcomes = new java.util.ArrayList<>();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    while (link.find()) {
      tokens.add(link.group(1));
      outcomes.add(link.group(2));
    }
    assertEquals(List.of("SQL", "MEETING", "DISQUALIFIED", "WON", "LOST"), outcomes);
    assertTrue(confirmation.text().contains("Meeting booked: https://leads.test/outcomes/"));
    assertTrue(confirmation.html().contains(">Disqualified</a>"), confirmation.html());
    assertTrue(
        confirmation.text().contains("These links work until Sun 21 Feb 2027, 10:05 UTC"),
        confirmation.text());
    // AND one link is stored, under the hash of the token the email carries
    assertEquals(1, tokens.size());
    String token = tokens.iterator().next();
    OutcomeLink stored =
        outcomeLinkStore.find(OfferToken.parse(token).orElseThrow().hash()).orElseThrow();
    assertEquals(leadId, stored.leadId());
    assertEquals("rep-ana", stored.ownerId());
    assertEquals(
        1,
        TestDynamo.everything(Map.of("links", tables.get("OutcomeLinksTable")))
            .get("links")
            .size());
  }

  @Test
  void repMissingFromTheDirectory_isNamedFromTheLeadsOwner() throws IOException {
    // GIVEN Ana accepted and has since been removed from the directory
    givenLead("Acme GmbH");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);

    // WHEN the workflow follows up
    invoke(handler(mailer));

    // THEN the emails use the name and address she accepted with
    assertTrue(onlyEmailTo("dana@acme.example").text().contains("ana@sales.test"));
    assertEquals(1, mailer.sentTo("ana@sales.test").size());
  }

  @Test
  void retriedStep_sendsNothingMore() throws IOException {
    // GIVEN a lead already followed up
    givenLead("Acme GmbH");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);
    invoke(handler(mailer));

    // WHEN the step runs again
    String result = invoke(handler(mailer));

    // THEN no second pair of emails goes out
    assertEquals(2, mailer.sent().size());
    assertEquals(1, eventsOfType(FollowUp.FOLLOWED_UP));
    assertTrue(result.contains("ALREADY_FOLLOWED_UP"), result);
  }

  @Test
  void sameInvocationTwice_introducesTheRepOnce_andChangesNothingMore() throws IOException {
    // GIVEN Ana accepted the lead, just before Follow Up
    givenLead("Acme GmbH");
    directory.save(new Rep("rep-ana", "Ana Ruiz", "ana.ruiz@sales.test", "emea", true));
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);
    FollowUpHandler handler = handler(mailer);

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = Json.MAPPER.readTree(invoke(handler));
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = Json.MAPPER.readTree(invoke(handler));

    // THEN the second changes no item: one FOLLOWED_UP entry, Ana still the owner
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(1, eventsOfType(FollowUp.FOLLOWED_UP));
    assertEquals(ANA, leads.find(leadId).orElseThrow().owner().orElseThrow());
    // AND the prospect has one introduction and Ana one confirmation
    assertEquals(1, mailer.sentTo("dana@acme.example").size());
    assertEquals(1, mailer.sentTo("ana.ruiz@sales.test").size());
    assertEquals(2, mailer.sent().size());
    // AND it names the same rep, saying an earlier attempt followed up (ResultPath is null)
    assertEquals(first.get("repId"), second.get("repId"));
    assertEquals("FOLLOWED_UP", first.get("outcome").asText());
    assertEquals("ALREADY_FOLLOWED_UP", second.get("outcome").asText());
  }

  @Test
  void retryAfterTheRepsEmailFailed_doesNotIntroduceTheRepTwice() throws IOException {
    // GIVEN the first attempt introduced the rep, then failed sending the rep's confirmation
    givenLead("Acme GmbH");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);
    Mailer refusingReps =
        email -> {
          if (email.to().equals("ana@sales.test")) {
            throw new IllegalStateException("throttled");
          }
          mailer.send(email);
        };
    assertThrows(IllegalStateException.class, () -> invoke(handler(refusingReps)));

    // WHEN the step is retried
    invoke(handler(mailer));

    // THEN the prospect has one introduction and the rep one confirmation
    assertEquals(1, mailer.sentTo("dana@acme.example").size());
    assertEquals(1, mailer.sentTo("ana@sales.test").size());
  }

  @Test
  void killedBetweenSendingAndRecording_theRetryIntroducesTheRepNoSecondTime() throws IOException {
    // GIVEN a first try that sent the introduction and died before recording it
    givenLead("Acme GmbH");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);
    FollowUpHandler dying =
        new FollowUpHandler(
            new FollowUp(
                leads,
                directory,
                new DyingHistory(history, FollowUp.PROSPECT_INTRODUCED),
                mailer,
                clock,
                FollowUps.bundled(),
                outcomeLinks));
    assertThrows(DyingHistory.Killed.class, () -> invoke(dying));
    assertEquals(1, mailer.sentTo("dana@acme.example").size());

    // WHEN the step runs again
    invoke(handler(mailer));

    // THEN the prospect still has one introduction, the rep one confirmation
    assertEquals(1, mailer.sentTo("dana@acme.example").size());
    assertEquals(1, mailer.sentTo("ana@sales.test").size());
    // AND the history says the introduction's delivery is not known, rather than nothing
    HistoryEvent introduced =
        history.of(leadId).stream()
            .filter(e -> e.type().equals(FollowUp.PROSPECT_INTRODUCED))
            .findFirst()
            .orElseThrow();
    assertTrue(introduced.summary().contains("may not have arrived"), introduced.summary());
    assertEquals(1, eventsOfType(FollowUp.FOLLOWED_UP));
  }

  @Test
  void repsConfirmationRefused_isSentOnTheRetry() throws IOException {
    // GIVEN the provider refused the rep's confirmation once
    givenLead("Acme GmbH");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);
    Mailer refusingOnce =
        new Mailer() {
          private boolean refused;

          @Override
          public void send(Email email) {
            if (email.to().equals("ana@sales.test") && !refused) {
              refused = true;
              throw new IllegalStateException("throttled");
            }
            mailer.send(email);
          }
        };
    assertThrows(IllegalStateException.class, () -> invoke(handler(refusingOnce)));

    // WHEN the step is retried with the same mailer
    invoke(handler(refusingOnce));

    // THEN the refused email went out on the retry: a refusal gives the claim back
    assertEquals(1, mailer.sentTo("ana@sales.test").size());
    assertEquals(1, eventsOfType(FollowUp.FOLLOWED_UP));
  }

  @Test
  void companyWithMarkup_isEscapedInTheRepsHtml() throws IOException {
    // GIVEN a prospect who typed markup into the company field
    givenLead("<i>Acme</i> & Co");
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);

    // WHEN the workflow follows up
    invoke(handler(mailer));

    // THEN the HTML shows the text, not the markup
    String html = onlyEmailTo("ana@sales.test").html();
    assertTrue(html.contains("&lt;i&gt;Acme&lt;/i&gt; &amp; Co"), html);
    assertFalse(html.contains("<i>Acme"), html);
  }

  @Test
  void whitepaperDownload_getsTheContentTemplate_withTheReportsLink() throws IOException {
    // GIVEN Ana accepted a lead from the whitepaper form of config/follow-ups.yaml
    givenLead("Acme GmbH", "whitepaper");
    directory.save(new Rep("rep-ana", "Ana Ruiz", "ana.ruiz@sales.test", "emea", true));
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);

    // WHEN the workflow follows up
    invoke(handler(mailer));

    // THEN the prospect's introduction hands over the report, and the history says which entry
    Email intro = onlyEmailTo("dana@acme.example");
    assertEquals(
        "the 2026 Lead Response Report: Ana Ruiz will take care of your request", intro.subject());
    assertTrue(
        intro.text().contains("Here it is:\nhttps://www.example.com/reports/lead-response-2026"),
        intro.text());
    assertTrue(
        intro.html().contains("<a href=\"https://www.example.com/reports/lead-response-2026\">"),
        intro.html());
    HistoryEvent introduced =
        history.of(leadId).stream()
            .filter(e -> e.type().equals(FollowUp.PROSPECT_INTRODUCED))
            .findFirst()
            .orElseThrow();
    assertEquals("intro-content", introduced.details().get("template"));
    assertTrue(
        introduced.summary().contains("follow-up lead-response-report: formId whitepaper"),
        introduced.summary());
  }

  @Test
  void leadNoEntryMatches_getsThePlainIntroduction_withoutACampaign() throws IOException {
    givenLead("Acme GmbH");
    directory.save(new Rep("rep-ana", "Ana Ruiz", "ana.ruiz@sales.test", "emea", true));
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);

    invoke(handler(mailer));

    Email intro = onlyEmailTo("dana@acme.example");
    assertEquals("Ana Ruiz will take care of your request", intro.subject());
    assertFalse(intro.text().contains("You asked for"), intro.text());
  }

  @Test
  void leadWithoutARepOwner_failsClearly_andSendsNothing() {
    // GIVEN a lead nobody accepted, and one a manager owns
    givenLead("Acme GmbH");
    FollowUpHandler handler = handler(mailer);

    // WHEN / THEN follow-up refuses both
    LeadNotAccepted unowned = assertThrows(LeadNotAccepted.class, () -> invoke(handler));
    assertTrue(unowned.getMessage().contains("no rep owner"), unowned.getMessage());
    leads.claimOwner(
        leadId,
        new Owner("mo@sales.test", "Mo", "mo@sales.test", Owner.Role.MANAGER),
        LeadStatus.ESCALATED);
    assertThrows(LeadNotAccepted.class, () -> invoke(handler));
    assertTrue(mailer.sent().isEmpty());
  }

  @Test
  void waitEndedWithAnythingButAnAcceptance_isRefused_andNobodyIsEmailed() {
    // GIVEN Ana accepted the lead, but the wait the workflow resumed ended with another answer
    givenLead("Acme GmbH");
    directory.save(new Rep("rep-ana", "Ana Ruiz", "ana.ruiz@sales.test", "emea", true));
    leads.claimOwner(leadId, ANA, LeadStatus.ACCEPTED);
    FollowUpHandler handler = handler(mailer);

    // WHEN Follow Up is handed that answer
    UnexpectedAnswer refused =
        assertThrows(
            UnexpectedAnswer.class,
            () -> handler.apply(new FollowUpHandler.Input(leadId, Map.of("outcome", "DECLINED"))));

    // THEN it refuses (the state machine parks the lead) and sends nothing
    assertTrue(refused.getMessage().contains("DECLINED"), refused.getMessage());
    assertTrue(mailer.sent().isEmpty());

    // AND an acceptance, or Move Offer On's AcceptedMeanwhile turn, is followed up
    handler.apply(
        new FollowUpHandler.Input(
            leadId, Map.of("Error", "AcceptedMeanwhile", "Cause", "accepted as the wait ended")));
    assertEquals(2, mailer.sent().size(), "the introduction and the rep's confirmation");
  }

  private FollowUpHandler handler(Mailer using) {
    return new FollowUpHandler(
        new FollowUp(leads, directory, history, using, clock, FollowUps.bundled(), outcomeLinks));
  }

  private static String invoke(FollowUpHandler handler) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Fixtures.event("follow-up.json").getBytes(UTF_8)), out, null);
    return out.toString(UTF_8);
  }

  private void givenLead(String company) {
    givenLead(company, "demo-request");
  }

  private void givenLead(String company, String formId) {
    Submission submission =
        new Submission(
            "dana@acme.example",
            "Dana",
            "Prospect",
            company,
            "Head of Operations",
            "+49 30 1234567",
            "DE",
            250,
            "Logistics",
            "We need this before Q1.",
            formId,
            "google",
            "cpc",
            "winter-launch",
            List.of("/pricing", "/product/routing"));
    leads.create(Lead.received(leadId, RECEIVED, submission));
    leads.saveScore(
        leadId,
        new Score(
            72, Score.Tier.WARM, true, List.of(new Score.Reason("demo", "Asked for a demo", 40))),
        LeadStatus.ROUTING);
  }

  private Email onlyEmailTo(String address) {
    List<Email> sent = mailer.sentTo(address);
    assertEquals(1, sent.size(), () -> "emails to " + address + ": " + mailer.sent());
    return sent.get(0);
  }

  private long eventsOfType(String type) {
    return history.of(leadId).stream().map(HistoryEvent::type).filter(type::equals).count();
  }
}
