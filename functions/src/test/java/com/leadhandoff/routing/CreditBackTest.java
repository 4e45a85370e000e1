package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.sla.OfferDeadlines;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.testing.AtOnce;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Turns credited back for offers that timed out or were declined for a routing reason. */
class CreditBackTest {
  private static final String TEAM = "inbound-sales";

  private final Map<String, String> tables = TestDynamo.tables();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoCapacity capacity =
      new DynamoCapacity(TestDynamo.client(), tables.get("RepsTable"));
  private final DynamoOfferStore offers =
      new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable"), capacity);
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final LeadRouter router =
      new LeadRouter(
          leads,
          offers,
          directory,
          new DefaultTeamChooser(directory),
          history,
          clock,
          3,
          OfferDeadlines.fixed(Duration.ofMinutes(15)),
          team -> Optional.empty(),
          capacity);

  CreditBackTest() {
    directory.save(new Team(TEAM, "Inbound Sales", "Morgan Lee", "morgan@sales.example.com", true));
    for (String id : List.of("ana-ruiz", "ben-okafor", "chloe-martin")) {
      directory.save(new Rep(id, id, id + "@sales.example.com", TEAM, true));
    }
  }

  @ParameterizedTest(name = "{0} → credited: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "expired | true",
        "Not my territory | true",
        "Not my territory: we do not cover Portugal | true",
        "Duplicate of a lead I already have | true",
        "Called them already, wrong person | true",
        "Not a fit | false",
        "Spam: a bot filled the form | false",
        "Bad data | false",
        "accepted | false",
      })
  void closingAnOffer_creditsTheTurnBack_onlyForATimeoutOrARoutingReason(
      String outcome, boolean credited) {
    Route first = routed("lead-1");
    assertEquals("ana-ruiz", first.repId());
    Offer offer = offerFor("lead-1", first);

    switch (outcome) {
      case "expired" -> assertTrue(offers.expire("lead-1", offer.offerId(), offer.deadline()));
      case "accepted" -> assertTrue(offers.accept("lead-1", offer.offerId(), clock.instant()));
      default -> assertTrue(offers.decline("lead-1", offer.offerId(), outcome, clock.instant()));
    }
    Route second = routed("lead-2");
    Route third = routed("lead-3");

    // Credited: Ana first on her credit, then Ben on turn 2; otherwise Ben and Chloe, turns 2, 3.
    assertEquals(credited ? "ana-ruiz" : "ben-okafor", second.repId(), second.reason());
    assertEquals(credited ? "ben-okafor" : "chloe-martin", third.repId(), third.reason());
    // Her first offer's place is back either way; a credited lead takes one again.
    assertEquals(credited ? "1" : "0", capacity.load("ana-ruiz").get("openOffers").n());
  }

  @Test
  void creditedTurn_goesFirst_takesNoTurn_andTheHistorySaysSo() {
    Route first = routed("lead-1");
    Offer offer = offerFor("lead-1", first);
    assertTrue(offers.expire("lead-1", offer.offerId(), offer.deadline()));

    Route next = routed("lead-2");

    assertEquals("ana-ruiz", next.repId());
    assertTrue(next.reason().endsWith("; a turn credited back in Inbound Sales"), next.reason());
    HistoryEvent routed = history.of("lead-2").get(0);
    assertEquals("0", routed.details().get("turn"));
    assertEquals("ben-okafor", routed("lead-3").repId(), "the counter is where it was: turn 2");
  }

  @Test
  void aRepWhoLetsACreditedOfferExpire_isNotCreditedAgain() {
    Offer first = offerFor("lead-1", routed("lead-1"));
    assertTrue(offers.expire("lead-1", first.offerId(), first.deadline()));
    Offer credited = offerFor("lead-2", routed("lead-2"));
    assertEquals("ana-ruiz", credited.repId());

    assertTrue(offers.expire("lead-2", credited.offerId(), credited.deadline()));

    assertEquals("ben-okafor", routed("lead-3").repId());
    assertEquals("0", capacity.load("ana-ruiz").get("credits").n());
  }

  @Test
  void concurrentLeads_spendOneCreditOnce_andNeverShareATurn() throws Exception {
    Offer first = offerFor("lead-0", routed("lead-0"));
    assertTrue(offers.expire("lead-0", first.offerId(), first.deadline()));
    List<String> leadIds = IntStream.rangeClosed(1, 12).mapToObj(i -> "lead-" + i).toList();
    leadIds.forEach(this::storeLead);
    List<String> turns = new ArrayList<>();
    for (Route route : AtOnce.run(leadIds, 6, router::route)) {
      String reason = route.reason();
      turns.add(
          reason.contains("credited back")
              ? "credit"
              : reason.replaceAll(".*; turn (\\d+) .*", "$1"));
    }

    assertEquals(1, turns.stream().filter("credit"::equals).count(), turns.toString());
    assertEquals(turns.size(), new HashSet<>(turns).size(), "a turn given twice: " + turns);
  }

  private Route routed(String leadId) {
    if (leads.find(leadId).isEmpty()) {
      storeLead(leadId);
    }
    Route route = router.route(leadId);
    assertTrue(route.found(), route.reason());
    return route;
  }

  /** The offer Offer To Rep stores for the route. */
  private Offer offerFor(String leadId, Route route) {
    Offer offer =
        new Offer(
            leadId,
            route.offerId(),
            route.attempt(),
            TEAM,
            route.repId(),
            route.repName(),
            route.repEmail(),
            "hash-" + leadId,
            "task-token-" + leadId,
            clock.instant(),
            clock.instant().plus(Duration.ofMinutes(15)),
            OfferStatus.OPEN,
            Optional.empty(),
            Optional.empty());
    offers.put(offer);
    return offer;
  }

  private void storeLead(String leadId) {
    leads.create(TestLeads.demoRequest(leadId, clock.instant(), 250));
  }
}
