package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Caps on open offers and leads per day, held by conditional writes in the test DynamoDB engine.
 */
class RepCapsTest {
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
  private final LeadRouter router =
      new LeadRouter(
          leads,
          offers,
          directory,
          new DefaultTeamChooser(directory),
          new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable")),
          clock,
          3,
          OfferDeadlines.fixed(Duration.ofMinutes(15)),
          team -> Optional.empty(),
          capacity);

  RepCapsTest() {
    directory.save(new Team(TEAM, "Inbound Sales", "Morgan Lee", "morgan@sales.example.com", true));
    directory.save(rep("ana-ruiz", 1, Optional.of(2), Optional.empty()));
    directory.save(rep("ben-okafor", 1, Optional.empty(), Optional.of(3)));
    directory.save(rep("chloe-martin", 2, Optional.of(4), Optional.empty()));
  }

  @Test
  void concurrentLeads_neverExceedACap_norShareATurn() throws Exception {
    // GIVEN room for 2 + 3 + 4 offers and 20 leads arriving at once from 8 threads
    List<String> leadIds = IntStream.rangeClosed(1, 20).mapToObj(i -> "lead-" + i).toList();
    leadIds.forEach(this::storeLead);

    // WHEN they are routed together
    List<Route> routed = AtOnce.run(leadIds, 8, router::route);

    // THEN every rep is filled exactly to their cap and no further, each by a turn of its own
    Map<String, Long> perRep =
        routed.stream()
            .filter(Route::found)
            .collect(Collectors.groupingBy(Route::repId, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("ana-ruiz", 2L, "ben-okafor", 3L, "chloe-martin", 4L), perRep);
    List<String> turns = routed.stream().filter(Route::found).map(r -> turnOf(r.reason())).toList();
    assertEquals(turns.size(), new HashSet<>(turns).size(), "a turn given twice: " + turns);
    List<Route> none = routed.stream().filter(r -> !r.found()).toList();
    assertEquals(11, none.size());
    none.forEach(
        r -> assertEquals("every available rep in team Inbound Sales is at a cap", r.reason()));
    assertEquals("2", capacity.load("ana-ruiz").get("openOffers").n());
    assertEquals("3", capacity.load("ben-okafor").get("leadsThatDay").n());
    assertEquals("4", capacity.load("chloe-martin").get("openOffers").n());
  }

  @Test
  void closingAnOffer_freesAnOpenOffer_andANewDayFreesTheDailyCap() {
    for (int i = 1; i <= 9; i++) {
      storeLead("lead-" + i);
      assertTrue(router.route("lead-" + i).found());
    }
    storeLead("lead-full");
    assertFalse(router.route("lead-full").found(), "everyone is at a cap");

    // An answer to one of Ana's offers gives her room for one more.
    Offer anas = openOffer("lead-1", "ana-ruiz");
    assertTrue(offers.decline("lead-1", anas.offerId(), "Not my territory", clock.instant()));
    assertEquals("1", capacity.load("ana-ruiz").get("openOffers").n());
    assertEquals("ana-ruiz", router.route("lead-full").repId());

    // The next morning Ben, who has no open-offer cap, takes leads again.
    clock.advance(Duration.ofDays(1));
    storeLead("lead-tuesday");
    Route tuesday = router.route("lead-tuesday");
    assertEquals("ben-okafor", tuesday.repId(), tuesday.reason());
    assertEquals("2026-11-24", capacity.load("ben-okafor").get("day").s());
    assertEquals("1", capacity.load("ben-okafor").get("leadsThatDay").n());
  }

  @Test
  void repAtACap_isSkippedWithTheCapInTheHistoryReason() {
    for (int i = 1; i <= 2; i++) {
      assertTrue(
          capacity.reserve(rep("ana-ruiz", 1, Optional.of(2), Optional.empty()), day()).isEmpty());
    }

    Optional<String> full =
        capacity.reserve(rep("ana-ruiz", 1, Optional.of(2), Optional.empty()), day());

    assertEquals(Optional.of("at maxOpenOffers (2 offers open)"), full);
    assertEquals("2", capacity.load("ana-ruiz").get("openOffers").n(), "a refusal takes nothing");
  }

  @Test
  void dailyCapRefusal_givesBackTheOpenOfferItTook() {
    Rep ben = rep("ben-okafor", 1, Optional.of(10), Optional.of(1));
    assertTrue(capacity.reserve(ben, day()).isEmpty());

    assertEquals(
        Optional.of("at maxLeadsPerDay (1 leads on 2026-11-23)"), capacity.reserve(ben, day()));
    assertEquals("1", capacity.load("ben-okafor").get("openOffers").n());
  }

  @Test
  void release_neverGoesBelowZero() {
    capacity.release("ana-ruiz");
    capacity.release("ana-ruiz");
    Rep ana = rep("ana-ruiz", 1, Optional.of(1), Optional.empty());

    assertTrue(capacity.reserve(ana, day()).isEmpty());
    assertEquals(Optional.of("at maxOpenOffers (1 offers open)"), capacity.reserve(ana, day()));
  }

  private static LocalDate day() {
    return LocalDate.parse("2026-11-23");
  }

  private static String turnOf(String reason) {
    int at = reason.indexOf("turn ");
    return reason.substring(at, reason.indexOf(' ', at + 5));
  }

  private Offer openOffer(String leadId, String repId) {
    Rep rep = directory.rep(repId).orElseThrow();
    Offer offer =
        new Offer(
            leadId,
            "001",
            1,
            TEAM,
            rep.repId(),
            rep.name(),
            rep.email(),
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

  private static Rep rep(
      String id, int weight, Optional<Integer> maxOpenOffers, Optional<Integer> maxLeadsPerDay) {
    return TestReps.capped(id, TEAM, weight, maxOpenOffers, maxLeadsPerDay);
  }

  private void storeLead(String leadId) {
    leads.create(TestLeads.demoRequest(leadId, clock.instant(), 250));
  }
}
