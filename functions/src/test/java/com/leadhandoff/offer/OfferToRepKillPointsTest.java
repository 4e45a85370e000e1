package com.leadhandoff.offer;

import static com.leadhandoff.offer.OfferScenario.LEAD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsFromHistory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.DynamoSlaFactsStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Offer To Rep, wired as deployed (SLA facts included), stopped at each point between its write and
 * its email: the offer, its claim, its OFFERED entry and the lead's first SLA facts are one write
 * made before the email, so every way the email can fail must leave the history and the reports
 * telling the truth, and the retry must send the email at most once.
 */
class OfferToRepKillPointsTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final MutableClock clock = new MutableClock(OfferScenario.OFFERED_AT);
  private final Settings settings =
      Settings.of(
          Map.of(
              "LEADS_TABLE", tables.get("LeadsTable"),
              "OFFERS_TABLE", tables.get("OffersTable"),
              "HISTORY_TABLE", tables.get("HistoryTable"),
              "SLA_FACTS_TABLE", tables.get("SlaFactsTable"),
              "PUBLIC_BASE_URL", OfferScenario.BASE_URL),
          clock);
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoOfferStore offers =
      DynamoOfferStore.withRecords(
          TestDynamo.client(),
          tables.get("OffersTable"),
          tables.get("HistoryTable"),
          Optional.of(tables.get("SlaFactsTable")));
  private final StagedMailer mailer = new StagedMailer();
  private final OfferToRepHandler offerToRep =
      new OfferToRepHandler(settings, TestDynamo.client(), mailer, null);

  @Test
  void killedAfterTheWriteBeforeTheEmail_theSameInvocationAgain_sendsNothing_andSaysSo() {
    // GIVEN a first try that stored the offer with its claim, entry and facts, and died before
    // its email left
    storedLead();
    mailer.next(Step.DIE_BEFORE_SENDING);
    assertThrows(Killed.class, this::offer);
    SlaFacts factsOfTheFirstTry = storedFacts().orElseThrow();

    // WHEN the same invocation runs again, same task token
    JsonNode output = offer();

    // THEN no email goes out (the claim is held: nothing tells the email did not leave), the one
    // OFFERED entry says it may not have arrived, and the facts are those of the first try
    assertEquals("SENT", output.get("result").asText());
    assertEquals(List.of(), mailer.sent);
    List<HistoryEvent> offered = offeredEntries();
    assertEquals(1, offered.size());
    assertTrue(offered.get(0).summary().contains("may not have arrived"), offered.get(0).summary());
    assertEquals(OfferScenario.OFFERED_AT, offered.get(0).at());
    assertEquals(factsOfTheFirstTry, storedFacts().orElseThrow());
    assertEquals(factsFromTheWholeHistory(), storedFacts().orElseThrow());
  }

  @Test
  void killedJustAfterTheEmail_theSameInvocationAgain_sendsNoSecond_andKeepsTheEmailedLink() {
    // GIVEN a first try whose email left just before it died
    storedLead();
    mailer.next(Step.DIE_AFTER_SENDING);
    assertThrows(Killed.class, this::offer);
    String emailed = OfferScenario.tokenIn(mailer.sent.get(0).text());

    // WHEN the same invocation runs again
    offer();

    // THEN still one email, whose link is the offer's; one OFFERED entry, which cannot say more
    // than that the email may not have arrived
    assertEquals(1, mailer.sent.size());
    assertEquals(
        OfferToken.parse(emailed).orElseThrow().hash(),
        offers.find(LEAD_ID, "001").orElseThrow().tokenHash());
    assertEquals(1, offeredEntries().size());
    assertEquals(factsFromTheWholeHistory(), storedFacts().orElseThrow());
  }

  @Test
  void emailRefused_leavesNoOfferInTheHistoryOrTheReports_andGivesTheClaimUp() throws Exception {
    // GIVEN a lead
    storedLead();

    // WHEN the provider refuses the offer's email (throttled, an unverified address…)
    mailer.next(Step.REFUSE);
    assertThrows(IllegalStateException.class, this::offer);

    // THEN the lead's history holds no OFFERED entry and the reports no facts: as far as they
    // tell, nobody was offered the lead, which is the truth
    assertEquals(
        List.of("RECEIVED", "SCORED", "ROUTED"),
        history.of(LEAD_ID).stream().map(HistoryEvent::type).toList());
    assertEquals(Optional.empty(), storedFacts());
    // AND the claim is free again, for the retry to send the email
    assertTrue(history.claim(LEAD_ID, offerEmailClaim()));
  }

  @Test
  void emailRefused_thenTheRetrySendsItOnce_recordedOnceAtTheRetrysInstant() {
    // GIVEN a first try whose email the provider refused
    storedLead();
    mailer.next(Step.REFUSE);
    assertThrows(IllegalStateException.class, this::offer);

    // WHEN Step Functions retries the step a few seconds later
    clock.advance(Duration.ofSeconds(4));
    offer();

    // THEN one email, one OFFERED entry, and the facts say the offer was made when its email left,
    // as an offer recorded after its email always has
    assertEquals(1, mailer.sent.size());
    String emailed = OfferScenario.tokenIn(mailer.sent.get(0).text());
    Offer offer = offers.find(LEAD_ID, "001").orElseThrow();
    assertEquals(OfferToken.parse(emailed).orElseThrow().hash(), offer.tokenHash());
    Instant retried = OfferScenario.OFFERED_AT.plusSeconds(4);
    List<HistoryEvent> offered = offeredEntries();
    assertEquals(1, offered.size());
    assertEquals(retried, offered.get(0).at());
    assertFalse(offered.get(0).summary().contains("may not"), offered.get(0).summary());
    SlaFacts facts = storedFacts().orElseThrow();
    assertEquals(factsFromTheWholeHistory(), facts);
    assertEquals(retried, facts.offers().get(0).offeredAt());
  }

  @Test
  void emailRefusedOnEveryTry_theLeadStillShowsNoOffer() {
    // GIVEN a provider that refuses the rep's address on every try
    storedLead();
    for (int i = 0; i < 3; i++) {
      mailer.next(Step.REFUSE);
      assertThrows(IllegalStateException.class, this::offer);
      clock.advance(Duration.ofSeconds(2));
    }

    // THEN no try left an OFFERED entry or facts behind, for Park Lead to find the lead as it is
    assertEquals(List.of(), offeredEntries());
    assertEquals(Optional.empty(), storedFacts());
    assertEquals(List.of(), mailer.sent);
  }

  @Test
  void killedBetweenTheRefusalAndItsWithdrawal_theSameInvocationAgain_sendsNothing_andSaysSo() {
    // GIVEN a first try whose email was refused, and which died before withdrawing its record
    storedLead();
    OfferStore dying = dyingOnUnsent(offers);
    LeadHistory deployed = LeadHistories.of(settings, TestDynamo.client());
    OfferToRepHandler first =
        new OfferToRepHandler(
            new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable")),
            dying,
            deployed,
            mailer,
            clock,
            OfferScenario.BASE_URL);
    mailer.next(Step.REFUSE);
    assertThrows(Killed.class, () -> OfferScenario.run(first, Fixtures.event("offer-to-rep.json")));

    // WHEN the same invocation runs again
    offer();

    // THEN the claim is still held, so nothing is sent: the record stays, saying the email may
    // not have arrived (it did not), as for any try that stops around its email
    assertEquals(List.of(), mailer.sent);
    List<HistoryEvent> offered = offeredEntries();
    assertEquals(1, offered.size());
    assertTrue(offered.get(0).summary().contains("may not have arrived"), offered.get(0).summary());
    assertEquals(factsFromTheWholeHistory(), storedFacts().orElseThrow());
  }

  @Test
  void firstOfferOfALeadWithFacts_emailRefused_keepsItsFacts_andTheRetryRecordsTheOffer() {
    // GIVEN a lead that has facts before its first offer (an outcome reported early)
    storedLead();
    history.record(
        LEAD_ID,
        new HistoryEvent(
            OfferScenario.OFFERED_AT.minusSeconds(30),
            "OUTCOME_RECORDED",
            "Qualified",
            Map.of("outcome", "SQL")));
    new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"))
        .put(factsFromTheWholeHistory());
    SlaFacts before = storedFacts().orElseThrow();

    // WHEN its offer's email is refused
    mailer.next(Step.REFUSE);
    assertThrows(IllegalStateException.class, this::offer);

    // THEN its facts are as they were, and its history has no OFFERED entry
    assertEquals(before, storedFacts().orElseThrow());
    assertEquals(List.of(), offeredEntries());

    // AND the retry's offer is recorded once, with the facts of the whole history
    clock.advance(Duration.ofSeconds(4));
    offer();
    assertEquals(1, mailer.sent.size());
    assertEquals(1, offeredEntries().size());
    assertEquals(factsFromTheWholeHistory(), storedFacts().orElseThrow());
    assertEquals(1, storedFacts().orElseThrow().offers().size());
  }

  /** What the staged mailer does with the next email. */
  private enum Step {
    SEND,
    REFUSE,
    DIE_BEFORE_SENDING,
    DIE_AFTER_SENDING
  }

  /** Stands for the process killed: an Error, which no step catches, so nothing after it runs. */
  private static final class Killed extends Error {
    Killed(String where) {
      super("killed " + where);
    }
  }

  /** A mailer doing what each test stages, then sending. */
  private static final class StagedMailer implements Mailer {
    final List<Email> sent = new ArrayList<>();
    private final Deque<Step> steps = new ArrayDeque<>();

    void next(Step step) {
      steps.add(step);
    }

    @Override
    public void send(Email email) {
      Step step = steps.isEmpty() ? Step.SEND : steps.poll();
      switch (step) {
        case REFUSE -> throw new IllegalStateException("throttled");
        case DIE_BEFORE_SENDING -> throw new Killed("before the email left");
        case DIE_AFTER_SENDING -> {
          sent.add(email);
          throw new Killed("just after the email left");
        }
        case SEND -> sent.add(email);
      }
    }
  }

  /** {@code real}, but the process dies where it would withdraw an unsent offer's record. */
  private static OfferStore dyingOnUnsent(OfferStore real) {
    return (OfferStore)
        Proxy.newProxyInstance(
            OfferStore.class.getClassLoader(),
            new Class<?>[] {OfferStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("unsent")) {
                throw new Killed("before withdrawing the record");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** The claim on the fixture's offer email, as Offer To Rep names it. */
  private static String offerEmailClaim() throws Exception {
    byte[] sha =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(
                OfferScenario.fixtureTaskToken().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "email#offer#001#" + java.util.HexFormat.of().formatHex(sha, 0, 16);
  }

  private JsonNode offer() {
    return OfferScenario.run(offerToRep, Fixtures.event("offer-to-rep.json"));
  }

  private List<HistoryEvent> offeredEntries() {
    return history.of(LEAD_ID).stream().filter(e -> e.type().equals("OFFERED")).toList();
  }

  private SlaFacts factsFromTheWholeHistory() {
    return SlaFactsFromHistory.of(LEAD_ID, history.of(LEAD_ID), team -> Optional.empty());
  }

  private Optional<SlaFacts> storedFacts() {
    List<SlaFacts> day =
        new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"))
            .receivedOn(
                OfferScenario.lead("Acme Logistics")
                    .receivedAt()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate());
    assertTrue(day.size() <= 1, day.toString());
    return day.stream().findFirst();
  }

  /** The fixture's lead with the entries intake, Score Lead and Route Lead write. */
  private void storedLead() {
    OfferScenario.storedLead(tables.get("LeadsTable"), history);
  }
}
