package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.sla.OfferDeadlines;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rep's reservation costs one UpdateItem on their first lead of a day as on any other: the load
 * item Route Lead reads with the roster says which write fits, and the conditions still decide when
 * another router changed the item in between.
 */
class FirstLeadOfTheDayTest {
  private static final String TEAM = "inbound-sales";

  private final Map<String, String> tables = TestDynamo.tables();
  private final List<String> requests = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final DynamoDirectory directory =
      new DynamoDirectory(
          CountedDynamo.of(tables, requests), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final DynamoCapacity capacity =
      new DynamoCapacity(CountedDynamo.of(tables, requests), tables.get("RepsTable"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final LeadRouter router =
      new LeadRouter(
          leads,
          new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable")),
          directory,
          new DefaultTeamChooser(directory),
          new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable")),
          clock,
          3,
          OfferDeadlines.fixed(Duration.ofMinutes(15)),
          team -> Optional.empty(),
          capacity);
  private final Rep ana = rep("ana-ruiz", Optional.of(5), Optional.of(5));

  FirstLeadOfTheDayTest() {
    directory.save(new Team(TEAM, "Inbound Sales", "Morgan Lee", "morgan@sales.example.com", true));
    directory.save(ana);
    // The team lists its reps, so the roster reads them and their load items in one BatchGetItem.
    directory.listMembers();
    requests.clear();
  }

  @Test
  void firstLeadOfTheDay_isReservedWithOneUpdateItem_likeEveryLaterOne() {
    // GIVEN Ana took a lead yesterday
    storeLead("lead-monday");
    assertTrue(router.route("lead-monday").found());
    clock.advance(Duration.ofDays(1));

    // WHEN the first lead of Tuesday and then a second one are routed to her
    storeLead("lead-tuesday-1");
    requests.clear();
    Route first = router.route("lead-tuesday-1");
    List<String> firstRequests = List.copyOf(requests);
    storeLead("lead-tuesday-2");
    requests.clear();
    Route second = router.route("lead-tuesday-2");

    // THEN each took one UpdateItem of her load item, and the day's count started afresh
    assertEquals("ana-ruiz", first.repId(), first.reason());
    assertEquals("ana-ruiz", second.repId(), second.reason());
    assertEquals(1, count(firstRequests, "UpdateItem RepsTable"), firstRequests.toString());
    assertEquals(1, count(requests, "UpdateItem RepsTable"), requests.toString());
    Map<String, ?> load = capacity.load("ana-ruiz");
    assertEquals("2026-11-24", capacity.load("ana-ruiz").get("day").s(), load.toString());
    assertEquals("2", capacity.load("ana-ruiz").get("leadsThatDay").n());
    assertEquals("3", capacity.load("ana-ruiz").get("openOffers").n());
  }

  @Test
  void aRepsVeryFirstLead_withNoLoadItemYet_isReservedWithOneUpdateItem() {
    // GIVEN Ana never had a lead
    storeLead("lead-1");

    // WHEN it is routed
    Route route = router.route("lead-1");

    // THEN one write started her day
    assertEquals("ana-ruiz", route.repId(), route.reason());
    assertEquals(1, count(requests, "UpdateItem RepsTable"), requests.toString());
    assertEquals("1", capacity.load("ana-ruiz").get("leadsThatDay").n());
  }

  @Test
  void dayStartedByAnotherRouterAfterTheRead_theReservationStillCountsOnToday() {
    // GIVEN Ana's load read on yesterday, and another router starting today before this one writes
    assertTrue(capacity.reserve(ana, monday()).isEmpty());
    assertTrue(capacity.reserve(ana, tuesday()).isEmpty());
    requests.clear();

    // WHEN this router, told the day had not started, reserves
    Optional<String> refused = capacity.reserve(ana, tuesday(), false);

    // THEN the day's start is refused and today's count taken instead: two leads, three offers
    assertEquals(Optional.empty(), refused);
    assertEquals(2, count(requests, "UpdateItem RepsTable"), requests.toString());
    assertEquals("2026-11-24", capacity.load("ana-ruiz").get("day").s());
    assertEquals("2", capacity.load("ana-ruiz").get("leadsThatDay").n());
    assertEquals("3", capacity.load("ana-ruiz").get("openOffers").n());
  }

  @Test
  void dayChangedAfterARead_thatSaidItHadStarted_theReservationStartsTheNewDay() {
    // GIVEN Ana's load read on Monday, counting Monday's leads, and the day turning before the
    // write
    assertTrue(capacity.reserve(ana, monday()).isEmpty());
    requests.clear();

    // WHEN the router reserves on Tuesday, told the day had started
    Optional<String> refused = capacity.reserve(ana, tuesday(), true);

    // THEN today's count is refused and the day started instead
    assertEquals(Optional.empty(), refused);
    assertEquals(2, count(requests, "UpdateItem RepsTable"), requests.toString());
    assertEquals("2026-11-24", capacity.load("ana-ruiz").get("day").s());
    assertEquals("1", capacity.load("ana-ruiz").get("leadsThatDay").n());
  }

  @Test
  void firstLeadOfTheDay_atTheOpenOfferCap_isRefusedWithTheCapNamed_andNothingTaken() {
    // GIVEN Ana holding her one open offer since yesterday
    Rep full = rep("ana-ruiz", Optional.of(1), Optional.of(5));
    assertTrue(capacity.reserve(full, monday()).isEmpty());

    // WHEN a lead on Tuesday tries to start her day
    Optional<String> refused = capacity.reserve(full, tuesday(), false);

    // THEN the cap is named, and neither count moved
    assertEquals(Optional.of("at maxOpenOffers (1 offers open)"), refused);
    assertEquals("2026-11-23", capacity.load("ana-ruiz").get("day").s());
    assertEquals("1", capacity.load("ana-ruiz").get("openOffers").n());
  }

  private static LocalDate monday() {
    return LocalDate.parse("2026-11-23");
  }

  private static LocalDate tuesday() {
    return LocalDate.parse("2026-11-24");
  }

  private static long count(List<String> requests, String request) {
    return requests.stream().filter(request::equals).count();
  }

  private static Rep rep(
      String id, Optional<Integer> maxOpenOffers, Optional<Integer> maxLeadsPerDay) {
    return TestReps.capped(id, TEAM, 1, maxOpenOffers, maxLeadsPerDay);
  }

  private void storeLead(String leadId) {
    leads.create(TestLeads.demoRequest(leadId, clock.instant(), 250));
  }
}
