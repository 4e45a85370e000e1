package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.admin.RepAdmin;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.sla.OfferDeadlines;
import com.leadhandoff.sla.WorkingInterval;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.DynamoRepAdminStore;
import com.leadhandoff.testing.AtOnce;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RouteLeadHandlerTest {
  private static final String TEAM = "inbound-sales";

  private final Map<String, String> tables = TestDynamo.tables();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-11T09:15:00Z"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoOfferStore offers =
      new DynamoOfferStore(TestDynamo.client(), tables.get("OffersTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));

  RouteLeadHandlerTest() {
    directory.save(
        new Team(TEAM, "Inbound Sales", "Morgan Lee", "morgan.lee@sales.example.com", true));
    directory.save(
        new Team("enterprise", "Enterprise", "Priya Shah", "priya@sales.example.com", false));
    // Sorts first but takes no leads: must never be chosen.
    directory.save(new Rep("aaron-price", "Aaron Price", "aaron@sales.example.com", TEAM, false));
    directory.save(new Rep("ana-ruiz", "Ana Ruiz", "ana.ruiz@sales.example.com", TEAM, true));
    directory.save(
        new Rep(
            "ben-okafor",
            "Ben Okafor",
            "ben.okafor@sales.example.com",
            TEAM,
            true,
            Optional.of(ZoneId.of("Europe/London"))));
    directory.save(
        new Rep("chloe-martin", "Chloe Martin", "chloe.martin@sales.example.com", TEAM, true));
    directory.save(
        new Rep("david-kim", "David Kim", "david.kim@sales.example.com", "enterprise", true));
  }

  @Test
  void fixtureLead_isOfferedToTheFirstRep_withOfferDeadlineAndReason() {
    String leadId = Json.MAPPER.valueToTree(fixture()).get("leadId").asText();
    storeLead(leadId);

    JsonNode route = route(handler(3, 15), leadId);

    assertTrue(route.get("found").asBoolean());
    assertEquals("001", route.get("offerId").asText());
    assertEquals(1, route.get("attempt").asInt());
    assertEquals(TEAM, route.get("teamId").asText());
    assertEquals("ana-ruiz", route.get("repId").asText());
    assertEquals("Ana Ruiz", route.get("repName").asText());
    assertEquals("ana.ruiz@sales.example.com", route.get("repEmail").asText());
    assertEquals("2025-06-11T09:30:00Z", route.get("deadline").asText());
    assertEquals(900, route.get("timeoutSeconds").asInt());
    assertEquals(
        "rule core-regions: country DE in region DACH; turn 1 of round robin in Inbound Sales",
        route.get("reason").asText());
    assertEquals(LeadStatus.ROUTING, leads.find(leadId).orElseThrow().status());
    HistoryEvent routed = onlyEvent(leadId);
    assertEquals("ROUTED", routed.type());
    assertEquals(
        "Offered to Ana Ruiz (rule core-regions: country DE in region DACH;"
            + " turn 1 of round robin in Inbound Sales, offer 1 of 3)",
        routed.summary());
    assertEquals("ana-ruiz", routed.details().get("repId"));
    assertEquals("core-regions", routed.details().get("rule"));
    assertEquals("1", routed.details().get("turn"));
  }

  @Test
  void repMovedToAnotherTeamByAnAdmin_isRoutedInTheirNewTeamAtOnce() {
    // GIVEN teams that list their reps (the seed lists them), and Ana, first in Inbound Sales,
    // moved to Enterprise through the admin API
    directory.listMembers();
    RepAdmin admin =
        new RepAdmin(
            new DynamoRepAdminStore(
                TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable")),
            clock);
    ObjectNode ana =
        Json.MAPPER
            .createObjectNode()
            .put("name", "Ana Ruiz")
            .put("email", "ana.ruiz@sales.example.com")
            .put("team", "enterprise");
    assertTrue(admin.put("ana-ruiz", ana, "ops") instanceof RepAdmin.Saved);
    storeLead("lead-1");

    // WHEN the next lead for Inbound Sales is routed
    JsonNode route = route(handler(3, 15), "lead-1");

    // THEN its first turn goes to the first rep still in the team, read by the team's list
    assertEquals("ben-okafor", route.get("repId").asText());
    assertFalse(
        directory.team(TEAM).orElseThrow().members().orElseThrow().contains("ana-ruiz"),
        "Inbound Sales no longer lists Ana");
    assertTrue(
        directory.team("enterprise").orElseThrow().members().orElseThrow().contains("ana-ruiz"));
  }

  @Test
  void sameStepInvokedAgain_beforeItsOfferWasMade_getsTheSameRep_takingNoSecondTurn() {
    // GIVEN lead-1 routed once, then the runtime died before Offer To Rep stored the offer
    storeLead("lead-1");
    storeLead("lead-2");
    RouteLeadHandler handler = handler(3, 15);
    JsonNode first = route(handler, "lead-1");

    // WHEN Route Lead is invoked again with the same input a minute later
    clock.advance(Duration.ofMinutes(1));
    JsonNode again = route(handler, "lead-1");

    // THEN the same rep, offer and deadline, the wait counted to that deadline, one history entry
    assertEquals("ana-ruiz", again.get("repId").asText());
    for (String field : List.of("offerId", "attempt", "repEmail", "deadline", "reason")) {
      assertEquals(first.get(field), again.get(field), field);
    }
    assertEquals(first.get("timeoutSeconds").asInt() - 60, again.get("timeoutSeconds").asInt());
    assertEquals(1, history.of("lead-1").size());
    // AND the round robin moved on by one turn only
    assertEquals("ben-okafor", route(handler, "lead-2").get("repId").asText());
  }

  @Test
  void pausedAndOutOfOfficeReps_areSkipped_andTheHistorySaysWhy() {
    // GIVEN Ana paused and Ben away this week (in his own zone, London)
    anaPausedAndBenAwayThisWeek();
    storeLead("lead-away");

    // WHEN the lead is routed on Wednesday morning
    JsonNode route = route(handler(3, 15), "lead-away");

    // THEN Chloe gets it, and the ROUTED event names who was passed over and why
    assertEquals("chloe-martin", route.get("repId").asText());
    HistoryEvent routed = onlyEvent("lead-away");
    assertTrue(
        routed.summary().startsWith("Offered to Chloe Martin (")
            && routed
                .summary()
                .endsWith(
                    "; skipped Ana Ruiz: paused; skipped Ben Okafor: out of office until"
                        + " 2025-06-13"),
        routed.summary());
    assertEquals(
        "ana-ruiz: paused; ben-okafor: out of office until 2025-06-13",
        routed.details().get("skipped"));
    assertEquals("chloe-martin", routed.details().get("repId"));
  }

  @Test
  void afterTeamHours_aRepWorkingTheirOwnHoursIsChosen_theOthersSkippedWithTheirLocalTime() {
    // GIVEN Chloe works 09:00-17:00 in New York; Ana and Ben follow the team's Berlin calendar
    directory.save(
        withAvailability(
            "chloe-martin",
            false,
            Map.of(DayOfWeek.WEDNESDAY, List.of(new WorkingInterval(9 * 60, 17 * 60))),
            List.of()));
    // WHEN a lead comes in at 19:30 in Berlin, 13:30 in New York
    moveClockTo("2025-06-11T19:30:00+02:00");
    storeLead("lead-evening");

    JsonNode route = route(handler(3, 15), "lead-evening");

    // THEN Chloe gets it; Ana and Ben are skipped as off shift, with the time where they work
    assertEquals("chloe-martin", route.get("repId").asText());
    assertEquals(
        "ana-ruiz: outside working hours (team hours; Wed 19:30 Europe/Berlin);"
            + " ben-okafor: outside working hours (team hours; Wed 19:30 Europe/Berlin)",
        onlyEvent("lead-evening").details().get("skipped"));
  }

  @Test
  void nobodyOnShift_theLeadStillGoesRound_andTheHistorySaysItWasOutsideHours() {
    moveClockTo("2025-06-14T10:00:00+02:00"); // a Saturday
    storeLead("lead-saturday");

    JsonNode route = route(handler(3, 15), "lead-saturday");

    assertTrue(route.get("found").asBoolean());
    HistoryEvent routed = onlyEvent("lead-saturday");
    assertEquals(
        "nobody in the team is in working hours, so offered outside them",
        routed.details().get("caveat"));
    assertTrue(routed.summary().contains("so offered outside them"), routed.summary());
    assertFalse(routed.details().containsKey("skipped"), routed.details().toString());
  }

  @Test
  void withoutSlaPolicy_deadlineIsOfferMinutesFromTheClocksNow_aroundTheClock() {
    storeLead("lead-late");
    clock.advance(Duration.ofHours(7).plusSeconds(30));

    JsonNode route =
        route(
            new RouteLeadHandler(settings(3, 45), TestDynamo.client(), Optional.empty()),
            "lead-late");

    assertEquals("2025-06-11T17:00:30Z", route.get("deadline").asText());
    assertEquals(45 * 60, route.get("timeoutSeconds").asInt());
    assertEquals("45 minutes", route.get("answerWindow").asText());
    assertEquals("UTC", route.get("repTimeZone").asText());
  }

  @Test
  void warmLeadOnFridayEvening_getsAMondayDeadline_inTheTeamsWorkingHours() {
    // GIVEN Friday 17:30 in Berlin, where inbound-sales works 08:00-18:00 on weekdays
    moveClockTo("2026-11-27T17:30+01:00");
    storeLead("lead-friday", Score.Tier.WARM);

    // WHEN the lead is routed under the bundled policy (warm: 2 hours)
    JsonNode route = route(handler(3, 15), "lead-friday");

    // THEN half an hour counts on Friday and the other 90 minutes on Monday morning
    Instant due = OffsetDateTime.parse("2026-11-30T09:30+01:00").toInstant();
    assertEquals(due.toString(), route.get("deadline").asText());
    assertEquals(
        Duration.between(clock.instant(), due).toSeconds(), route.get("timeoutSeconds").asLong());
    assertEquals("Europe/Berlin", route.get("repTimeZone").asText());
    assertEquals("2 hours of working time", route.get("answerWindow").asText());
    HistoryEvent routed = onlyEvent("lead-friday");
    assertEquals(due.toString(), routed.details().get("deadline"));
    assertEquals(
        "warm lead: 2 hours of inbound-sales working time (Europe/Berlin)",
        routed.details().get("sla"));
  }

  @Test
  void hotLeadAtNight_isDueFifteenMinutesAfterOpening_andShownInTheRepsOwnZone() {
    // GIVEN Ana took the previous turn, so Ben (who works from London) is next
    moveClockTo("2026-11-24T22:40:00.250+01:00");
    storeLead("lead-before", Score.Tier.HOT);
    route(handler(3, 15), "lead-before");
    storeLead("lead-night", Score.Tier.HOT);

    JsonNode route = route(handler(3, 15), "lead-night");

    assertEquals("ben-okafor", route.get("repId").asText());
    assertEquals(
        OffsetDateTime.parse("2026-11-25T08:15+01:00").toInstant().toString(),
        route.get("deadline").asText());
    // 9 h 34 min 59.75 s, rounded up so the wait never ends before the promised deadline
    assertEquals(34_500, route.get("timeoutSeconds").asInt());
    assertEquals("Europe/London", route.get("repTimeZone").asText());
    assertEquals("15 minutes of working time", route.get("answerWindow").asText());
  }

  @Test
  void hotLeadAtNight_isRemindedInWorkingTime_andTheWaitsAddUpToTheDeadline() {
    // GIVEN a hot lead at night under the bundled policy (reminders at 0.5 and 0.8 of the time)
    moveClockTo("2026-11-24T22:40:00.250+01:00");
    storeLead("lead-night", Score.Tier.HOT);

    JsonNode route = route(handler(3, 15), "lead-night");

    // THEN the reminders fall 7 min 30 s and 12 min into the morning's 15 working minutes
    JsonNode first = route.get("next");
    JsonNode second = first.get("next");
    assertTrue(first.get("due").asBoolean());
    assertEquals(1, first.get("number").asInt());
    assertEquals(
        OffsetDateTime.parse("2026-11-25T08:07:30+01:00").toInstant().toString(),
        first.get("at").asText());
    assertEquals(2, second.get("number").asInt());
    assertFalse(second.get("next").get("due").asBoolean(), "two reminders, then none");
    // Rounded up from now like the deadline, so together they wait exactly timeoutSeconds.
    assertEquals(34_050, route.get("waitSeconds").asInt());
    assertEquals(270, first.get("waitSeconds").asInt());
    assertEquals(180, second.get("waitSeconds").asInt());
    assertEquals(
        route.get("timeoutSeconds").asInt(),
        route.get("waitSeconds").asInt()
            + first.get("waitSeconds").asInt()
            + second.get("waitSeconds").asInt());
  }

  @Test
  void threeConsecutiveLeads_goToThreeDifferentRepsInOrder() {
    RouteLeadHandler handler = handler(3, 15);
    List<String> reps = new ArrayList<>();
    for (String leadId : List.of("lead-1", "lead-2", "lead-3", "lead-4")) {
      storeLead(leadId);
      reps.add(route(handler, leadId).get("repId").asText());
    }
    assertEquals(List.of("ana-ruiz", "ben-okafor", "chloe-martin", "ana-ruiz"), reps);
  }

  @Test
  void leadAlreadyOfferedToAnaAndBen_goesToChloe_andHistorySaysWhoWasSkipped() {
    storeLead("lead-3rd");
    offerDeclined("lead-3rd", 1, "ana-ruiz", "Not my territory");
    offerExpired("lead-3rd", 2, "ben-okafor");

    JsonNode route = route(handler(3, 15), "lead-3rd");

    assertEquals("chloe-martin", route.get("repId").asText());
    assertEquals("003", route.get("offerId").asText());
    assertEquals(3, route.get("attempt").asInt());
    assertEquals(
        "Offered to Chloe Martin (rule core-regions: country DE in region DACH;"
            + " turn 1 of round robin in Inbound Sales, offer 3 of 3);"
            + " skipped Ana Ruiz: already offered (declined: Not my territory);"
            + " skipped Ben Okafor: already offered (let offer 002 expire)",
        onlyEvent("lead-3rd").summary());
  }

  @Test
  void maxOffersReached_findsNobody_andTakesNoTurn() {
    storeLead("lead-done");
    offerExpired("lead-done", 1, "ana-ruiz");
    offerExpired("lead-done", 2, "ben-okafor");
    RouteLeadHandler handler = handler(2, 15);

    JsonNode route = route(handler, "lead-done");

    assertFalse(route.get("found").asBoolean());
    assertEquals("ladder ended after 2 offers", route.get("reason").asText());
    assertEquals(2, route.get("offersMade").asInt(), "the ladder ended: escalate, not queue");
    assertFalse(route.has("repId"));
    assertFalse(route.has("timeoutSeconds"));
    HistoryEvent event = onlyEvent("lead-done");
    assertEquals("NO_REP", event.type());
    assertEquals("No rep to offer the lead to: ladder ended after 2 offers", event.summary());
    storeLead("lead-next");
    assertEquals("ana-ruiz", route(handler, "lead-next").get("repId").asText());
  }

  @Test
  void everyActiveRepOffered_findsNobody() {
    storeLead("lead-all");
    offerExpired("lead-all", 1, "ana-ruiz");
    offerExpired("lead-all", 2, "ben-okafor");
    offerDeclined("lead-all", 3, "chloe-martin", "On holiday");

    JsonNode route = route(handler(5, 15), "lead-all");

    assertFalse(route.get("found").asBoolean());
    assertEquals("no active rep left in team Inbound Sales", route.get("reason").asText());
    assertEquals(3, route.get("offersMade").asInt());
    HistoryEvent event = onlyEvent("lead-all");
    assertEquals("NO_REP", event.type());
    assertTrue(
        event.summary().contains("skipped Chloe Martin: already offered (declined: On holiday)"));
  }

  @Test
  void freshLeadWithEveryRepPausedOrAway_findsNobody_andSaysNoOfferWasEverMade() {
    // GIVEN every active inbound rep paused or out of office
    anaPausedAndBenAwayThisWeek();
    directory.save(withAvailability("chloe-martin", true, Map.of(), List.of()));
    storeLead("lead-nobody");

    // WHEN the lead is routed for the first time
    JsonNode route = route(handler(3, 15), "lead-nobody");

    // THEN nobody is found, and the route says no offer was ever made (the queue's case)
    assertFalse(route.get("found").asBoolean());
    assertEquals(0, route.get("offersMade").asInt());
    HistoryEvent event = onlyEvent("lead-nobody");
    assertEquals("NO_REP", event.type());
    assertEquals(
        "ana-ruiz: paused; ben-okafor: out of office until 2025-06-13; chloe-martin: paused",
        event.details().get("skipped"));
  }

  @Test
  void thirtyLeadsRoutedBySixThreadsAtOnce_shareTheTurnsExactlyEvenly() throws Exception {
    RouteLeadHandler handler = handler(3, 15);
    List<String> leadIds = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      leadIds.add("lead-c" + i);
      storeLead("lead-c" + i);
    }
    Map<String, Integer> perRep = new TreeMap<>();
    for (String rep :
        AtOnce.run(leadIds, 6, leadId -> route(handler, leadId).get("repId").asText())) {
      perRep.merge(rep, 1, Integer::sum);
    }
    assertEquals(Map.of("ana-ruiz", 10, "ben-okafor", 10, "chloe-martin", 10), perRep);
    List<Long> turns =
        leadIds.stream()
            .map(id -> Long.parseLong(onlyEvent(id).details().get("turn")))
            .sorted()
            .toList();
    assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), turns);
  }

  @Test
  void unknownLead_failsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> route(handler(3, 15), "lead-ghost"));
    assertEquals("Lead lead-ghost is not stored; only stored leads can be routed", e.getMessage());
  }

  @Test
  void leadOfAThousandPlusCompany_goesToEnterprise_byTheRoutingRule() {
    storeLead("lead-big", 1200);

    JsonNode route = route(handler(3, 15), "lead-big");

    assertEquals("enterprise", route.get("teamId").asText());
    assertEquals("david-kim", route.get("repId").asText());
    HistoryEvent routed = onlyEvent("lead-big");
    assertEquals("enterprise-size", routed.details().get("rule"));
    assertTrue(
        routed.summary().contains("rule enterprise-size: companySize 1200 in 1000+"),
        routed.summary());
  }

  @Test
  void withoutRoutingRules_noDefaultTeam_failsSayingHowToFixIt() {
    directory.save(
        new Team(TEAM, "Inbound Sales", "Morgan Lee", "morgan.lee@sales.example.com", false));
    storeLead("lead-lost");
    RouteLeadHandler withoutRules =
        new RouteLeadHandler(
            new LeadRouter(
                leads,
                offers,
                directory,
                new DefaultTeamChooser(directory),
                history,
                clock,
                3,
                OfferDeadlines.fixed(Duration.ofMinutes(15))));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> route(withoutRules, "lead-lost"));
    assertTrue(e.getMessage().contains("`default: true` in config/directory.yaml"), e.getMessage());
  }

  /** The handler as Lambda builds it: the bundled SLA policy, {@code OFFER_MINUTES} unused. */
  private RouteLeadHandler handler(int maxOffers, int offerMinutes) {
    return new RouteLeadHandler(settings(maxOffers, offerMinutes), TestDynamo.client());
  }

  private Settings settings(int maxOffers, int offerMinutes) {
    return Settings.of(
        Map.of(
            "LEADS_TABLE", tables.get("LeadsTable"),
            "OFFERS_TABLE", tables.get("OffersTable"),
            "HISTORY_TABLE", tables.get("HistoryTable"),
            "TEAMS_TABLE", tables.get("TeamsTable"),
            "REPS_TABLE", tables.get("RepsTable"),
            "MAX_OFFERS", Integer.toString(maxOffers),
            "OFFER_MINUTES", Integer.toString(offerMinutes)),
        clock);
  }

  /** Runs the handler the way Lambda does, on the fixture with {@code leadId} put in. */
  private static JsonNode route(RouteLeadHandler handler, String leadId) {
    ObjectNode input = fixture();
    input.put("leadId", leadId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(input)), out, null);
      return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode fixture() {
    try {
      return (ObjectNode) Json.MAPPER.readTree(Fixtures.event("route-lead.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void moveClockTo(String officeTime) {
    clock.advance(Duration.between(clock.instant(), OffsetDateTime.parse(officeTime).toInstant()));
  }

  /** Ana paused, Ben out of office Monday to Friday of the clock's week. */
  private void anaPausedAndBenAwayThisWeek() {
    directory.save(withAvailability("ana-ruiz", true, Map.of(), List.of()));
    directory.save(
        withAvailability(
            "ben-okafor",
            false,
            Map.of(),
            List.of(
                new OutOfOffice(LocalDate.parse("2025-06-09"), LocalDate.parse("2025-06-13")))));
  }

  /** The stored rep, with a pause switch, own working hours and days away. */
  private Rep withAvailability(
      String repId,
      boolean paused,
      Map<DayOfWeek, List<WorkingInterval>> hours,
      List<OutOfOffice> away) {
    Rep rep = directory.rep(repId).orElseThrow();
    Optional<ZoneId> zone =
        hours.isEmpty() ? rep.timeZone() : Optional.of(ZoneId.of("America/New_York"));
    return new Rep(
        rep.repId(),
        rep.name(),
        rep.email(),
        rep.teamId(),
        rep.active(),
        zone,
        rep.weight(),
        paused,
        hours,
        away);
  }

  /** A lead as Score Lead leaves it: stored and scored, in {@code tier}. */
  private void storeLead(String leadId, Score.Tier tier) {
    storeLead(leadId);
    leads.saveScore(leadId, new Score(70, tier, true, List.of()), LeadStatus.ROUTING);
  }

  /** A lead with no score stored; the policy times it as hot. */
  private void storeLead(String leadId) {
    storeLead(leadId, 250);
  }

  private void storeLead(String leadId, int companySize) {
    leads.create(TestLeads.demoRequest(leadId, clock.instant(), companySize));
  }

  private void offerDeclined(String leadId, int attempt, String repId, String reason) {
    Offer offer = openOffer(leadId, attempt, repId);
    assertTrue(offers.decline(leadId, offer.offerId(), reason, clock.instant()));
  }

  private void offerExpired(String leadId, int attempt, String repId) {
    Offer offer = openOffer(leadId, attempt, repId);
    assertTrue(offers.expire(leadId, offer.offerId(), offer.deadline()));
  }

  private Offer openOffer(String leadId, int attempt, String repId) {
    Rep rep = directory.rep(repId).orElseThrow();
    Offer offer =
        new Offer(
            leadId,
            String.format("%03d", attempt),
            attempt,
            rep.teamId(),
            rep.repId(),
            rep.name(),
            rep.email(),
            "hash-" + leadId + "-" + attempt,
            "task-token-" + attempt,
            clock.instant(),
            clock.instant().plus(Duration.ofMinutes(15)),
            OfferStatus.OPEN,
            Optional.empty(),
            Optional.empty());
    offers.put(offer);
    return offer;
  }

  private HistoryEvent onlyEvent(String leadId) {
    List<HistoryEvent> events = history.of(leadId);
    assertEquals(
        1,
        events.size(),
        () -> events.stream().map(HistoryEvent::summary).collect(Collectors.joining("\n")));
    return events.get(0);
  }
}
