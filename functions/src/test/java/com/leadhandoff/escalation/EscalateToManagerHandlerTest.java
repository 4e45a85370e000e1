package com.leadhandoff.escalation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.offer.OfferToken;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.outcome.OutcomeLink;
import com.leadhandoff.outcome.OutcomeLinkIssuer;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EscalateToManagerHandlerTest {
  private static final String FALLBACK = "sales-manager@example.com";
  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration SLA = Duration.ofMinutes(15);

  private final String leadId =
      Json.MAPPER.readTree(Fixtures.event("escalate-to-manager.json")).get("leadId").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoOfferStore offers =
      new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable"));
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final MutableClock clock = new MutableClock(RECEIVED);
  private final DynamoOutcomeLinks outcomeLinks =
      new DynamoOutcomeLinks(TestDynamo.client(), tables.get("OutcomeLinksTable"));
  private EscalateToManagerHandler handler = handlerWithZones(team -> Optional.empty());

  EscalateToManagerHandlerTest() throws IOException {}

  @Test
  void twoTimeoutsAndOneDecline_managerOwnsIt_andAlertListsEveryOffer() throws IOException {
    // GIVEN a lead offered three times in team EMEA: timed out, declined, timed out
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("Wrong region for me");
    history.record(
        leadId,
        new HistoryEvent(
            RECEIVED.plus(SLA.multipliedBy(3)),
            "NO_REP_LEFT",
            "No active rep left in team EMEA",
            Map.of()));

    // WHEN the workflow escalates it
    String result = invoke();

    // THEN the EMEA manager owns it and has the alert with every offer and the lead's history
    Lead lead = leads.find(leadId).orElseThrow();
    assertEquals(LeadStatus.ESCALATED, lead.status());
    assertEquals(
        new Owner("mo@sales.test", "Mo Manager", "mo@sales.test", Owner.Role.MANAGER),
        lead.owner().orElseThrow());
    assertTrue(result.contains("\"ESCALATED\""), result);
    Email alert = onlyEmailTo("mo@sales.test");
    assertTrue(alert.subject().contains("Dana Prospect (Acme GmbH)"), alert.subject());
    String text = alert.text();
    assertTrue(
        text.contains(
            "1. Ana Ruiz <ana@sales.test>, offered Mon 23 Nov 2026, 10:00 UTC:"
                + " timed out (deadline Mon 23 Nov 2026, 10:15 UTC)"),
        text);
    assertTrue(
        text.contains(
            "2. Ben Okafor <ben@sales.test>, offered Mon 23 Nov 2026, 10:15 UTC:"
                + " declined: Wrong region for me (Mon 23 Nov 2026, 10:20 UTC)"),
        text);
    assertTrue(
        text.contains(
            "3. Cy Tran <cy@sales.test>, offered Mon 23 Nov 2026, 10:30 UTC:"
                + " timed out (deadline Mon 23 Nov 2026, 10:45 UTC)"),
        text);
    assertTrue(
        text.contains("nobody accepted it in time after 3 offers (2 timed out, 1 declined)"), text);
    assertTrue(text.contains("No active rep left in team EMEA"), text);
    assertTrue(text.contains("Phone: +49 30 1234567"), text);
    assertTrue(text.contains("72/100, WARM"), text);
    assertTrue(text.contains("+40  Asked for a demo"), text);
    assertTrue(text.contains("manager of team EMEA"), text);
    assertTrue(alert.html().contains("declined: Wrong region for me"), alert.html());
    assertEquals(1, eventsOfType(Escalation.ESCALATED));
  }

  @Test
  void teamWithACalendar_getsTheAlertsTimesOnItsOwnClock() throws IOException {
    // GIVEN team EMEA works on Berlin time, and the lead was offered there three times
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("Wrong region for me");
    handler =
        handlerWithZones(
            team ->
                team.equals("emea") ? Optional.of(ZoneId.of("Europe/Berlin")) : Optional.empty());
    history.record(leadId, new HistoryEvent(RECEIVED, "SCORED", "Scored 72", Map.of()));

    // WHEN it escalates
    invoke();

    // THEN the offers and the history read in Berlin time, with the zone named
    String text = onlyEmailTo("mo@sales.test").text();
    assertTrue(
        text.contains(
            "1. Ana Ruiz <ana@sales.test>, offered Mon 23 Nov 2026, 11:00 CET:"
                + " timed out (deadline Mon 23 Nov 2026, 11:15 CET)"),
        text);
    assertTrue(text.contains("Mon 23 Nov 2026, 11:00 CET  Scored 72"), text);
    assertTrue(text.contains("Received: Mon 23 Nov 2026, 11:00 CET"), text);
    assertFalse(text.contains(":00 UTC  Scored"), text);
  }

  @Test
  void teamWithoutManager_alertsAndHandsItToTheFallbackAddress() throws IOException {
    // GIVEN the offer's team is gone from the directory and there is no default team
    givenLead();
    offers.put(offer(1, "ghost-team", "rep-ana", "Ana Ruiz", RECEIVED));
    offers.expire(leadId, "001", RECEIVED.plus(SLA));

    // WHEN it is escalated
    invoke();

    // THEN the fallback address owns it and is alerted
    assertEquals(FALLBACK, leads.find(leadId).orElseThrow().owner().orElseThrow().email());
    Email alert = onlyEmailTo(FALLBACK);
    assertTrue(alert.text().contains("as the fallback manager"), alert.text());
    assertEquals(1, mailer.sent().size());
  }

  @Test
  void noRepWasAvailable_goesToTheDefaultTeamsManager() throws IOException {
    // GIVEN a lead never offered to anyone
    givenTeams();
    givenLead();

    // WHEN it is escalated
    invoke();

    // THEN the default team's manager gets it, told that no rep was available
    Email alert = onlyEmailTo("gail@sales.test");
    assertTrue(alert.text().contains("because no rep was available to offer it to"), alert.text());
    assertTrue(alert.text().contains("Nobody: no rep was available."), alert.text());
    assertEquals("gail@sales.test", leads.find(leadId).orElseThrow().owner().orElseThrow().email());
  }

  @Test
  void leadAlreadyAcceptedByARep_isNotTakenFromThem_andNoAlertGoesOut() throws IOException {
    // GIVEN a rep whose accept won the race against the last timeout
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("busy");
    Owner rep = new Owner("rep-cy", "Cy Tran", "cy@sales.test", Owner.Role.REP);
    leads.claimOwner(leadId, rep, LeadStatus.ACCEPTED);

    // WHEN the escalation runs anyway, twice
    String result = invoke();
    invoke();

    // THEN the rep keeps the lead, nobody is alerted, and the history says why once
    Lead lead = leads.find(leadId).orElseThrow();
    assertEquals(rep, lead.owner().orElseThrow());
    assertEquals(LeadStatus.ACCEPTED, lead.status());
    assertTrue(mailer.sent().isEmpty());
    assertTrue(result.contains("OWNED_BY_REP"), result);
    assertEquals(1, eventsOfType(Escalation.ESCALATION_SKIPPED));
    assertEquals(0, eventsOfType(Escalation.ESCALATED));
  }

  @Test
  void retriedStep_sendsOneAlert() throws IOException {
    // GIVEN an escalated lead
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("busy");
    invoke();

    // WHEN the state machine retries the step
    clock.advance(Duration.ofSeconds(4));
    String result = invoke();

    // THEN the manager still has exactly one alert, and one set of outcome links is stored
    assertEquals(1, mailer.sentTo("mo@sales.test").size());
    assertEquals(1, mailer.sent().size());
    assertEquals(1, storedOutcomeLinks().size());
    assertEquals(1, eventsOfType(Escalation.ESCALATED));
    assertTrue(result.contains("ALREADY_ESCALATED"), result);
  }

  @Test
  void sameInvocationTwice_managerIsMadeOwnerOnce_andAlertedOnce() throws IOException {
    // GIVEN a lead three reps let pass, just before Escalate To Manager
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("busy");

    // WHEN the step is invoked, and invoked again with the same input a little later
    String first = invoke();
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    String second = invoke();

    // THEN the second changes no item: the same owner, one ESCALATED entry
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(1, eventsOfType(Escalation.ESCALATED));
    assertEquals(
        new Owner("mo@sales.test", "Mo Manager", "mo@sales.test", Owner.Role.MANAGER),
        leads.find(leadId).orElseThrow().owner().orElseThrow());
    // AND the manager is alerted once
    assertEquals(1, mailer.sent().size());
    assertEquals(1, mailer.sentTo("mo@sales.test").size());
    // AND it says an earlier attempt escalated it (the state machine discards the result)
    assertTrue(first.contains("\"ESCALATED\""), first);
    assertTrue(second.contains("\"ALREADY_ESCALATED\""), second);
  }

  @Test
  void attemptThatStoppedAfterClaiming_sendsTheAlertOnRetry() throws IOException {
    // GIVEN an earlier attempt made the manager the owner but failed before the alert
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("busy");
    leads.claimOwner(
        leadId,
        new Owner("mo@sales.test", "Mo Manager", "mo@sales.test", Owner.Role.MANAGER),
        LeadStatus.ESCALATED);

    // WHEN the step is retried
    invoke();

    // THEN the alert goes out
    assertEquals(1, mailer.sentTo("mo@sales.test").size());
  }

  @Test
  void alert_carriesTheOutcomeLinks_ofTheManagerWhoNowOwnsTheLead() throws IOException {
    // GIVEN a lead three reps let pass
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("busy");

    // WHEN it is escalated
    invoke();

    // THEN the alert links each outcome, as the accepting rep's email does, with the expiry
    Email alert = onlyEmailTo("mo@sales.test");
    for (Outcome outcome : Outcome.values()) {
      // (the HTML part escapes the link's "=" as every value, which browsers read back)
      assertTrue(alert.html().contains("?outcome&#x3D;" + outcome.name() + "\""), alert.html());
      assertTrue(alert.html().contains(">" + outcome.label() + "</a>"), alert.html());
      assertTrue(alert.text().contains("?outcome=" + outcome.name()), alert.text());
    }
    assertTrue(alert.text().contains("These links work until"), alert.text());
    // AND the one link stored is the manager's, for this lead, under the hash of the email's token
    List<OutcomeLink> stored = storedOutcomeLinks();
    assertEquals(1, stored.size());
    assertEquals(leadId, stored.get(0).leadId());
    assertEquals("mo@sales.test", stored.get(0).ownerId());
    Matcher token =
        Pattern.compile("https://leads\\.test/outcomes/([^?\\s\"]+)\\?").matcher(alert.text());
    assertTrue(token.find(), alert.text());
    assertEquals(OfferToken.parse(token.group(1)).orElseThrow().hash(), stored.get(0).tokenHash());
  }

  @Test
  void declineReasonWithMarkup_isEscapedInTheHtmlAlert() throws IOException {
    // GIVEN a rep who typed markup into the decline reason
    givenTeams();
    givenLead();
    givenThreeAnsweredOffers("<b>not</b> a fit & spam");

    // WHEN it is escalated
    invoke();

    // THEN the HTML part shows the text, never the markup; the text part shows it as typed
    Email alert = onlyEmailTo("mo@sales.test");
    assertTrue(
        alert.html().contains("declined: &lt;b&gt;not&lt;/b&gt; a fit &amp; spam"), alert.html());
    assertFalse(alert.html().contains("<b>not</b>"), alert.html());
    assertTrue(alert.text().contains("declined: <b>not</b> a fit & spam"), alert.text());
  }

  private EscalateToManagerHandler handlerWithZones(Function<String, Optional<ZoneId>> zones) {
    return new EscalateToManagerHandler(
        new Escalation(
            leads,
            offers,
            directory,
            history,
            mailer,
            new OutcomeLinkIssuer(
                outcomeLinks, clock, "https://leads.test", OutcomeLinkIssuer.DEFAULT_LIFETIME),
            clock,
            new EscalationSettings(FALLBACK, zones)));
  }

  private List<OutcomeLink> storedOutcomeLinks() {
    return TestDynamo.everything(Map.of("links", tables.get("OutcomeLinksTable")))
        .get("links")
        .stream()
        .map(item -> outcomeLinks.find(item.get("tokenHash").s()).orElseThrow())
        .toList();
  }

  private String invoke() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Fixtures.event("escalate-to-manager.json").getBytes(UTF_8)),
        out,
        null);
    return out.toString(UTF_8);
  }

  private void givenTeams() {
    directory.save(new Team("emea", "EMEA", "Mo Manager", "mo@sales.test", false));
    directory.save(new Team("general", "General", "Gail Boss", "gail@sales.test", true));
  }

  private void givenLead() {
    Submission submission =
        new Submission(
            "dana@acme.example",
            "Dana",
            "Prospect",
            "Acme GmbH",
            "Head of Operations",
            "+49 30 1234567",
            "DE",
            250,
            "Logistics",
            "We need this before Q1.",
            "demo-request",
            "google",
            "cpc",
            "winter-launch",
            List.of("/pricing", "/product/routing"));
    leads.create(Lead.received(leadId, RECEIVED, submission));
    leads.saveScore(
        leadId,
        new Score(
            72,
            Score.Tier.WARM,
            true,
            List.of(
                new Score.Reason("demo", "Asked for a demo", 40),
                new Score.Reason("size", "Company of 200 to 1000 people", 32))),
        LeadStatus.ROUTING);
  }

  /** Ana times out, Ben declines with {@code reason}, Cy times out; 15 minutes each. */
  private void givenThreeAnsweredOffers(String reason) {
    Instant t = RECEIVED;
    offers.put(offer(1, "emea", "rep-ana", "Ana Ruiz", t));
    offers.expire(leadId, "001", t.plus(SLA));
    t = t.plus(SLA);
    offers.put(offer(2, "emea", "rep-ben", "Ben Okafor", t));
    offers.decline(leadId, "002", reason, t.plus(Duration.ofMinutes(5)));
    t = t.plus(SLA);
    offers.put(offer(3, "emea", "rep-cy", "Cy Tran", t));
    offers.expire(leadId, "003", t.plus(SLA));
  }

  private Offer offer(int attempt, String teamId, String repId, String repName, Instant at) {
    String first = repName.substring(0, repName.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
    return new Offer(
        leadId,
        String.format("%03d", attempt),
        attempt,
        teamId,
        repId,
        repName,
        first + "@sales.test",
        "hash-" + attempt,
        "task-token-" + attempt,
        at,
        at.plus(SLA),
        OfferStatus.OPEN,
        Optional.empty(),
        Optional.empty());
  }

  private Email onlyEmailTo(String address) {
    List<Email> sent = mailer.sentTo(address);
    assertEquals(1, sent.size(), () -> "emails to " + address + ": " + mailer.sent());
    return sent.get(0);
  }

  private long eventsOfType(String type) {
    return history.of(leadId).stream().filter(e -> e.type().equals(type)).count();
  }
}
