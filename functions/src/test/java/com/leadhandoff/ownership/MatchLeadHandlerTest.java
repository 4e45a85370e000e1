package com.leadhandoff.ownership;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.testing.AtOnce;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Match Lead} driven by {@code events/match-lead.json} against the test DynamoDB engine: the
 * fixture's lead is a second submission; what it is merged into, and who is told, depends on the
 * lead from the same address that came before it.
 */
class MatchLeadHandlerTest {
  private static final Instant FIRST = Instant.parse("2026-11-20T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final String OPEN_LEAD = "lead-01KAH00000000000000000000";

  private final String leadId =
      Json.MAPPER.readTree(Fixtures.event("match-lead.json")).get("leadId").asText();
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoOfferStore offers =
      new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final DynamoAddressClaims claims =
      new DynamoAddressClaims(TestDynamo.client(), tables.get("AddressClaimsTable"));
  private final MutableClock clock = new MutableClock(NOW);
  private final DuplicateMerge merge = merge(leads);
  private final MatchLeadHandler handler = new MatchLeadHandler(merge);

  MatchLeadHandlerTest() throws IOException {}

  @Test
  void secondSubmission_ofALeadARepOwns_isMergedIntoIt_andTheRepIsTold() throws IOException {
    givenOpenLead("dana@acme.example", LeadStatus.ACCEPTED, Optional.of(ANA));
    givenNewLead("Dana@ACME.example", "pricing-question", "What does the enterprise plan cost?");

    JsonNode result = invoke();

    assertTrue(result.get("merged").asBoolean(), result.toString());
    assertEquals(OPEN_LEAD, result.get("mergedInto").asText());
    assertEquals("ana@sales.test", result.get("told").asText());
    Lead merged = leads.find(leadId).orElseThrow();
    assertEquals(LeadStatus.MERGED, merged.status());
    assertEquals(Optional.of(OPEN_LEAD), merged.mergedInto());
    assertEquals(LeadStatus.ACCEPTED, leads.find(OPEN_LEAD).orElseThrow().status());
    HistoryEvent again = only(OPEN_LEAD, DuplicateMerge.SUBMITTED_AGAIN);
    assertEquals(leadId, again.details().get("mergedLeadId"));
    assertEquals("pricing-question", again.details().get("formId"));
    assertEquals("What does the enterprise plan cost?", again.details().get("message"));
    assertEquals("spring-webinar", again.details().get("utmCampaign"));
    assertEquals(NOW.toString(), again.details().get("receivedAt"));
    assertEquals("owner", again.details().get("toldAs"));
    assertTrue(
        again.summary().contains("Submitted again from form pricing-question"), again.summary());
    assertTrue(again.summary().contains("told Ana Ruiz (owner)"), again.summary());
    HistoryEvent mergedEvent = only(leadId, DuplicateMerge.MERGED);
    assertEquals(OPEN_LEAD, mergedEvent.details().get("mergedInto"));
    assertTrue(
        mergedEvent.summary().contains("(accepted, owned by Ana Ruiz)"), mergedEvent.summary());
    Email email = onlyEmail();
    assertEquals("ana@sales.test", email.to());
    assertEquals("Submitted again: Dana Prospect (Acme GmbH)", email.subject());
    assertTrue(email.text().contains("from form pricing-question"), email.text());
    assertTrue(email.text().contains("You own their open lead"), email.text());
    assertTrue(email.text().contains("What does the enterprise plan cost?"), email.text());
    assertTrue(email.text().contains("Lead id: " + OPEN_LEAD), email.text());
    assertTrue(email.html().contains("What does the enterprise plan cost?"), email.html());
  }

  @Test
  void retriedStep_mergesOnce_andSendsOneEmail() throws IOException {
    givenOpenLead("dana@acme.example", LeadStatus.ACCEPTED, Optional.of(ANA));
    givenNewLead("dana@acme.example", "pricing-question", "Again");

    JsonNode first = invoke();
    JsonNode retry = invoke();

    assertEquals(first, retry);
    assertEquals(1, mailer.sent().size());
    assertEquals(1, count(OPEN_LEAD, DuplicateMerge.SUBMITTED_AGAIN));
    assertEquals(1, count(leadId, DuplicateMerge.MERGED));
  }

  @Test
  void sameInvocationTwice_duplicate_isMergedOnce_withTheSameResult_andOneEmail()
      throws IOException {
    // GIVEN an open lead Ana owns and a new submission from the same address, before Match Lead
    givenOpenLead("dana@acme.example", LeadStatus.ACCEPTED, Optional.of(ANA));
    givenNewLead("dana@acme.example", "pricing-question", "Again");

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = invoke();
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = invoke();

    // THEN the second returns the same, so Duplicate? takes the same branch
    assertEquals(first, second);
    assertTrue(second.get("merged").asBoolean(), second.toString());
    // AND changes no item on either lead, and Ana is told once
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(1, count(OPEN_LEAD, DuplicateMerge.SUBMITTED_AGAIN));
    assertEquals(1, count(leadId, DuplicateMerge.MERGED));
    assertEquals("ana@sales.test", onlyEmail().to());
  }

  @Test
  void openLeadOfferedButNotAnswered_theRepHoldingTheOfferIsTold() throws IOException {
    givenOpenLead("dana@acme.example", LeadStatus.ROUTING, Optional.empty());
    givenOffer(1, "ana-ruiz", "Ana Ruiz", "ana@sales.test", OfferStatus.EXPIRED);
    givenOffer(2, "ben-okafor", "Ben Okafor", "ben@sales.test", OfferStatus.OPEN);
    givenNewLead("dana@acme.example", "contact-sales", "Call me");

    JsonNode result = invoke();

    assertEquals("ben@sales.test", result.get("told").asText());
    Email email = onlyEmail();
    assertEquals("ben@sales.test", email.to());
    assertTrue(email.text().contains("waits for your answer"), email.text());
    assertEquals(
        "offered", only(OPEN_LEAD, DuplicateMerge.SUBMITTED_AGAIN).details().get("toldAs"));
  }

  @Test
  void openLeadEscalated_theManagerIsTold() throws IOException {
    givenOpenLead(
        "dana@acme.example",
        LeadStatus.ESCALATED,
        Optional.of(new Owner("mo@sales.test", "Mo Manager", "mo@sales.test", Owner.Role.MANAGER)));
    givenNewLead("dana@acme.example", "contact-sales", null);

    invoke();

    Email email = onlyEmail();
    assertEquals("mo@sales.test", email.to());
    assertTrue(email.text().contains("was escalated to you"), email.text());
  }

  @Test
  void openLeadScoredForSales_notYetRouted_isMergedInto_withNobodyToTellYet() throws IOException {
    givenScoredLead(true);
    givenNewLead("dana@acme.example", "contact-sales", null);

    JsonNode result = invoke();

    assertTrue(result.get("merged").asBoolean());
    assertFalse(result.has("told"), result.toString());
    assertTrue(mailer.sent().isEmpty());
    assertTrue(
        only(OPEN_LEAD, DuplicateMerge.SUBMITTED_AGAIN).summary().contains("nobody to tell yet"));
  }

  @Test
  void earlierLeadNotScoredYet_orBoundForNurture_isNotMergedInto() throws IOException {
    // GIVEN a newsletter sign-up seconds before a demo request: not scored yet
    givenOpenLead("dana@acme.example", LeadStatus.RECEIVED, Optional.empty());
    givenNewLead("dana@acme.example", "demo-request", "Can we talk this week?");

    // THEN the demo request is handed off itself rather than following it to marketing
    assertEquals("{\"merged\":false}", invoke().toString());

    // AND the same once the sign-up is scored below the threshold
    leads.saveScore(
        OPEN_LEAD, new Score(20, Score.Tier.COLD, false, List.of()), LeadStatus.RECEIVED);
    assertEquals("{\"merged\":false}", invoke().toString());
    assertTrue(mailer.sent().isEmpty());
  }

  @Test
  void openLeadInTheFallbackQueue_isMergedInto_andTheQueueIsTold() throws IOException {
    givenOpenLead(
        "dana@acme.example",
        LeadStatus.QUEUED,
        Optional.of(new Owner("queue", "Inbound queue", "queue@sales.test", Owner.Role.QUEUE)));
    givenNewLead("dana@acme.example", "contact-sales", "Anyone there?");

    JsonNode result = invoke();

    assertEquals(OPEN_LEAD, result.get("mergedInto").asText());
    Email email = onlyEmail();
    assertEquals("queue@sales.test", email.to());
    assertTrue(email.text().contains("waits in the fallback queue"), email.text());
    assertEquals("queue", only(OPEN_LEAD, DuplicateMerge.SUBMITTED_AGAIN).details().get("toldAs"));
  }

  @Test
  void addressIndexNotBuiltYet_leadIsHandedOffAsNew_andTheHistorySaysSo() throws IOException {
    // GIVEN a leads table without the byEmail index, as on a stack upgraded before it is built
    String bare = "LeadsWithoutIndexes" + System.nanoTime();
    TestDynamo.client()
        .createTable(
            t ->
                t.tableName(bare)
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("leadId").keyType("HASH"))
                    .attributeDefinitions(d -> d.attributeName("leadId").attributeType("S")));
    DynamoLeadStore unindexed = new DynamoLeadStore(TestDynamo.client(), bare);
    unindexed.create(Lead.received(leadId, NOW, submission("dana@acme.example", "demo", null)));
    MatchLeadHandler early = new MatchLeadHandler(merge(unindexed));

    // WHEN Match Lead runs, twice (a retry)
    JsonNode result = invoke(early);
    invoke(early);

    // THEN the lead goes on as a new one, and its history says it was not checked, once
    assertEquals("{\"merged\":false}", result.toString());
    HistoryEvent skipped = only(leadId, DuplicateMerge.DUPLICATE_CHECK_SKIPPED);
    assertTrue(skipped.summary().contains("byEmail"), skipped.summary());
  }

  @ParameterizedTest
  @EnumSource(
      value = LeadStatus.class,
      names = {"NURTURE", "RECYCLED", "MERGED", "NEEDS_ATTENTION"})
  void earlierLeadNoLongerOpen_newSubmissionIsHandedOffAsUsual(LeadStatus status)
      throws IOException {
    givenOpenLead("dana@acme.example", status, Optional.empty());
    givenNewLead("dana@acme.example", "contact-sales", null);

    JsonNode result = invoke();

    assertEquals("{\"merged\":false}", result.toString());
    assertEquals(LeadStatus.RECEIVED, leads.find(leadId).orElseThrow().status());
    assertTrue(mailer.sent().isEmpty());
    assertTrue(history.of(leadId).isEmpty());
  }

  @Test
  void earlierLeadOlderThanTheWindow_isNotOpen() throws IOException {
    givenOpenLead("dana@acme.example", LeadStatus.ACCEPTED, Optional.of(ANA));
    clock.advance(Duration.ofDays(90));
    givenNewLead("dana@acme.example", "contact-sales", null);

    assertFalse(invoke().get("merged").asBoolean());
  }

  @Test
  void colleagueAtTheSameDomain_isNotADuplicate() throws IOException {
    givenOpenLead("dana@acme.example", LeadStatus.ACCEPTED, Optional.of(ANA));
    givenNewLead("sam@acme.example", "contact-sales", null);

    assertFalse(invoke().get("merged").asBoolean());
  }

  @Test
  void twoLeadsOfTheSameInstant_theOneAlreadyRoutedCameFirst_whateverTheIds() throws IOException {
    String laterId = "lead-ZZZZZZZZZZZZZZZZZZZZZZZZZZ"; // sorts after the fixture's id
    leads.create(
        new Lead(
            laterId,
            NOW,
            submission("dana@acme.example", "demo-request", null),
            LeadStatus.ROUTING,
            Optional.empty(),
            Optional.empty()));
    givenNewLead("dana@acme.example", "contact-sales", null);

    assertEquals(laterId, invoke().get("mergedInto").asText());
  }

  // ---- the claim on the address ----

  @Test
  void firstSubmission_claimsItsAddress_andIsHandedOff() throws IOException {
    // GIVEN nobody holds the address
    givenNewLead("Dana@ACME.example ", "demo-request", null);

    // WHEN Match Lead runs
    JsonNode result = invoke();

    // THEN the lead goes on as a new one and holds the address, normalised, for its open window
    assertEquals("{\"merged\":false}", result.toString());
    AddressClaim claim = claims.find("dana@acme.example").orElseThrow();
    assertEquals(leadId, claim.holderLeadId());
    assertEquals(NOW.plus(Duration.ofDays(90)), claim.expiresAt());
  }

  @Test
  void retriedStep_ofTheClaimHolder_handsItOffAgain_andKeepsTheClaim() throws IOException {
    givenNewLead("dana@acme.example", "demo-request", null);

    JsonNode first = invoke();
    JsonNode retry = invoke();

    assertEquals(first, retry);
    assertEquals(leadId, claims.find("dana@acme.example").orElseThrow().holderLeadId());
    assertTrue(history.of(leadId).isEmpty());
  }

  @Test
  void sameInvocationTwice_newLead_claimsItsAddressOnce_withTheSameResult() throws IOException {
    // GIVEN a new submission from an address nobody holds, before Match Lead
    givenNewLead("dana@acme.example", "demo-request", null);

    // WHEN the step is invoked, and invoked again with the same input a little later
    JsonNode first = invoke();
    var afterFirst = TestDynamo.everything(tables);
    clock.advance(Duration.ofMinutes(1));
    JsonNode second = invoke();

    // THEN the second returns the same, changes no item (the claim keeps its first expiry) and
    // emails nobody
    assertEquals(first, second);
    assertEquals(afterFirst, TestDynamo.everything(tables));
    assertEquals(
        NOW.plus(Duration.ofDays(90)), claims.find("dana@acme.example").orElseThrow().expiresAt());
    assertEquals(List.of(), mailer.sent());
  }

  @Test
  void holderNotScoredYet_andArrivedTogether_isMergedInto() throws IOException {
    // GIVEN another form's submission from the address, received a moment ago, holding the claim
    givenHolder(LeadStatus.RECEIVED, NOW.minusSeconds(1), Optional.empty());
    givenNewLead("dana@acme.example", "contact-sales", "Also this");

    // WHEN Match Lead runs before the holder is scored
    JsonNode result = invoke();

    // THEN it is the same prospect's burst: merged, nobody to tell yet
    assertEquals(OPEN_LEAD, result.get("mergedInto").asText());
    assertEquals(LeadStatus.MERGED, leads.find(leadId).orElseThrow().status());
    assertEquals(OPEN_LEAD, claims.find("dana@acme.example").orElseThrow().holderLeadId());
  }

  @Test
  void holderNotScoredLongAfterItArrived_newLeadIsHandedOffBesideIt() throws IOException {
    // GIVEN a holder still unscored two minutes after it arrived (its scoring is retrying)
    givenHolder(
        LeadStatus.RECEIVED, NOW.minus(MergeTargets.TOGETHER).minusSeconds(60), Optional.empty());
    givenNewLead("dana@acme.example", "demo-request", "Can we talk this week?");

    // THEN the new lead does not wait on it, nor follow it to marketing; the holder keeps the claim
    assertEquals("{\"merged\":false}", invoke().toString());
    assertEquals(OPEN_LEAD, claims.find("dana@acme.example").orElseThrow().holderLeadId());
  }

  @Test
  void holderScoredBelowTheThreshold_theNewLeadTakesTheAddressOver() throws IOException {
    // GIVEN the holder is bound for nurture
    givenHolder(
        LeadStatus.RECEIVED,
        NOW.minusSeconds(1),
        Optional.of(new Score(20, Score.Tier.COLD, false, List.of())));
    givenNewLead("dana@acme.example", "demo-request", "Can we talk this week?");

    // THEN the demo request is handed off itself and holds the address from now on
    assertEquals("{\"merged\":false}", invoke().toString());
    assertEquals(leadId, claims.find("dana@acme.example").orElseThrow().holderLeadId());

    // AND the nurtured holder's release leaves the new lead's claim alone
    new AddressRelease(leads, claims).closed(OPEN_LEAD);
    assertEquals(leadId, claims.find("dana@acme.example").orElseThrow().holderLeadId());
  }

  @ParameterizedTest
  @EnumSource(
      value = LeadStatus.class,
      names = {"NURTURE", "RECYCLED", "MERGED", "NEEDS_ATTENTION"})
  void staleClaim_ofAHolderNoLongerOpen_isTakenOver(LeadStatus status) throws IOException {
    givenHolder(status, FIRST, Optional.empty());
    givenNewLead("dana@acme.example", "contact-sales", null);

    assertEquals("{\"merged\":false}", invoke().toString());
    AddressClaim claim = claims.find("dana@acme.example").orElseThrow();
    assertEquals(leadId, claim.holderLeadId());
    assertEquals(NOW.plus(Duration.ofDays(90)), claim.expiresAt());
  }

  @Test
  void staleClaim_ofAHolderPastItsWindow_orGone_isTakenOver() throws IOException {
    givenHolder(LeadStatus.ACCEPTED, FIRST, Optional.empty());
    clock.advance(Duration.ofDays(90));
    givenNewLead("dana@acme.example", "contact-sales", null);

    assertEquals("{\"merged\":false}", invoke().toString());
    assertEquals(leadId, claims.find("dana@acme.example").orElseThrow().holderLeadId());

    // AND a claim naming a lead that is not stored at all
    claims.takeOver("dana@acme.example", leadId, "lead-gone", NOW.plus(Duration.ofDays(90)));
    assertEquals("{\"merged\":false}", invoke().toString());
    assertEquals(leadId, claims.find("dana@acme.example").orElseThrow().holderLeadId());
  }

  @Test
  void takeOver_isConditionalOnTheStaleHolder_soOneOfTwoRacingWins() {
    claims.claim("dana@acme.example", "lead-stale", NOW);

    assertTrue(claims.takeOver("dana@acme.example", "lead-stale", "lead-a", NOW));
    assertFalse(claims.takeOver("dana@acme.example", "lead-stale", "lead-b", NOW));
    assertTrue(claims.takeOver("dana@acme.example", "lead-stale", "lead-a", NOW), "a retry");
    assertEquals("lead-a", claims.find("DANA@acme.example").orElseThrow().holderLeadId());
  }

  @Test
  void release_onlyByTheHolder() {
    claims.claim("dana@acme.example", "lead-a", NOW);

    claims.release("dana@acme.example", "lead-b");
    assertEquals("lead-a", claims.find("dana@acme.example").orElseThrow().holderLeadId());

    claims.release("Dana@Acme.example", "lead-a");
    assertEquals(Optional.empty(), claims.find("dana@acme.example"));
    claims.release("dana@acme.example", "lead-a"); // released twice: harmless
  }

  @Test
  void twentySubmissionsAtOnce_onTwentyForms_becomeOneLead_andNineteenMerged() throws Exception {
    // GIVEN twenty submissions from one address, on twenty forms, stored at the same instant
    List<String> ids =
        IntStream.range(0, 20).mapToObj(i -> String.format("lead-race-%02d", i)).toList();
    for (int i = 0; i < ids.size(); i++) {
      leads.create(
          Lead.received(
              ids.get(i),
              NOW,
              submission(
                  i % 2 == 0 ? "dana@acme.example" : "DANA@acme.example", "form-" + i, null)));
    }

    // WHEN their Match Lead steps all run at once
    List<MatchResult> results = AtOnce.run(ids, ids.size(), merge::match);

    // THEN exactly one goes on, holding the address, and the other nineteen are merged into it
    List<String> handedOff =
        IntStream.range(0, ids.size())
            .filter(i -> !results.get(i).merged())
            .mapToObj(ids::get)
            .toList();
    assertEquals(1, handedOff.size(), results::toString);
    String holder = handedOff.get(0);
    assertEquals(holder, claims.find("dana@acme.example").orElseThrow().holderLeadId());
    assertEquals(
        19, results.stream().filter(r -> r.merged() && holder.equals(r.mergedInto())).count());
    assertEquals(19, count(holder, DuplicateMerge.SUBMITTED_AGAIN));
    for (String id : ids) {
      assertEquals(
          id.equals(holder) ? LeadStatus.RECEIVED : LeadStatus.MERGED,
          leads.find(id).orElseThrow().status());
    }
  }

  private DuplicateMerge merge(DynamoLeadStore store) {
    return new DuplicateMerge(
        store,
        offers,
        history,
        mailer,
        clock,
        new MergeTargets(store, claims, clock, OpenLeads.days(90)));
  }

  /** The open lead, holding the claim on the address as its own Match Lead left it. */
  private void givenHolder(LeadStatus status, Instant receivedAt, Optional<Score> score) {
    leads.create(
        new Lead(
            OPEN_LEAD,
            receivedAt,
            submission("dana@acme.example", "newsletter", null),
            status,
            score,
            Optional.empty()));
    claims.claim("dana@acme.example", OPEN_LEAD, receivedAt.plus(Duration.ofDays(90)));
  }

  // ---- the leads ----

  private static final Owner ANA =
      new Owner("ana-ruiz", "Ana Ruiz", "ana@sales.test", Owner.Role.REP);

  private void givenOpenLead(String email, LeadStatus status, Optional<Owner> owner) {
    leads.create(
        new Lead(
            OPEN_LEAD,
            FIRST,
            submission(email, "demo-request", "Can we see a demo?"),
            status,
            Optional.empty(),
            owner));
  }

  private void givenScoredLead(boolean qualified) {
    leads.create(
        new Lead(
            OPEN_LEAD,
            FIRST,
            submission("dana@acme.example", "demo-request", "Can we see a demo?"),
            LeadStatus.RECEIVED,
            Optional.of(
                new Score(
                    qualified ? 80 : 20,
                    qualified ? Score.Tier.HOT : Score.Tier.COLD,
                    qualified,
                    List.of())),
            Optional.empty()));
  }

  private void givenNewLead(String email, String formId, String message) {
    leads.create(Lead.received(leadId, clock.instant(), submission(email, formId, message)));
  }

  private void givenOffer(
      int attempt, String repId, String name, String email, OfferStatus status) {
    offers.put(
        new Offer(
            OPEN_LEAD,
            String.format("%03d", attempt),
            attempt,
            "inbound-sales",
            repId,
            name,
            email,
            "hash-" + attempt,
            "token-" + attempt,
            FIRST,
            FIRST.plus(Duration.ofMinutes(15)),
            OfferStatus.OPEN,
            Optional.empty(),
            Optional.empty()));
    if (status == OfferStatus.EXPIRED) {
      offers.expire(OPEN_LEAD, String.format("%03d", attempt), FIRST.plusSeconds(901));
    }
  }

  private static Submission submission(String email, String formId, String message) {
    return new Submission(
        email,
        "Dana",
        "Prospect",
        "Acme GmbH",
        "Head of Operations",
        null,
        "DE",
        250,
        "Logistics",
        message,
        formId,
        "newsletter",
        "email",
        "spring-webinar",
        List.of("/pricing"));
  }

  // ---- what happened ----

  private JsonNode invoke() throws IOException {
    return invoke(handler);
  }

  private static JsonNode invoke(MatchLeadHandler handler) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Fixtures.event("match-lead.json").getBytes(UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toString(UTF_8));
  }

  private HistoryEvent only(String lead, String type) {
    List<HistoryEvent> events =
        history.of(lead).stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, events.size(), () -> history.of(lead).toString());
    return events.get(0);
  }

  private long count(String lead, String type) {
    return history.of(lead).stream().filter(e -> e.type().equals(type)).count();
  }

  private Email onlyEmail() {
    assertEquals(1, mailer.sent().size(), () -> mailer.sent().toString());
    return mailer.sent().get(0);
  }
}
