package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.ownership.Ownership;
import com.leadhandoff.sla.OfferDeadlines;
import com.leadhandoff.sla.WorkingInterval;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The first offer goes to the owner of the lead's company — the named account's owner, else the rep
 * who accepted an open lead from the same domain — when they can take it, without a turn; otherwise
 * the history says why they were passed over and the rules route it.
 */
class OwnerFirstRoutingTest {
  private static final String INBOUND = "inbound-sales";
  private static final String ENTERPRISE = "enterprise";
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");

  private final Map<String, String> tables = TestDynamo.tables();
  private final MutableClock clock = new MutableClock(MONDAY_NOON);
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
  private final DirectoryConfig config =
      new DirectoryConfig(
          List.of(
              new Team(INBOUND, "Inbound Sales", "Morgan Lee", "morgan@sales.example", true),
              new Team(ENTERPRISE, "Enterprise", "Priya Shah", "priya@sales.example", false)),
          List.of(
              rep("ana-ruiz", "Ana Ruiz", INBOUND),
              rep("ben-okafor", "Ben Okafor", INBOUND),
              rep("chloe-martin", "Chloe Martin", INBOUND),
              rep("david-kim", "David Kim", ENTERPRISE)));
  private final Accounts accounts =
      Accounts.parse(
          "accounts.yaml",
          """
          freeMailDomains: [gmail.com]
          accounts:
            - name: Globex
              domains: [globex.example]
              owner: david-kim
          """,
          config);
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
          capacity,
          new Ownership(accounts, leads, OpenLeads.days(90)));

  OwnerFirstRoutingTest() {
    config.teams().forEach(directory::save);
    config.reps().forEach(directory::save);
  }

  @Test
  void leadFromAnAccountsDomain_goesFirstToTheAccountOwner_inTheirTeam_takingNoTurn() {
    Route route = routed(lead("lead-globex", "jo@eu.globex.example"));

    assertEquals("david-kim", route.repId());
    assertEquals(ENTERPRISE, route.teamId(), "the owner's team, not the rules' default team");
    assertEquals("owner of account Globex (globex.example)", route.ownership());
    assertEquals(
        "owner of account Globex (globex.example); offered first, taking no turn in Enterprise",
        route.reason());
    HistoryEvent routed = onlyRouted("lead-globex");
    assertEquals(
        "Offered to David Kim (owner of account Globex (globex.example); offered first, taking no"
            + " turn in Enterprise, offer 1 of 3)",
        routed.summary());
    assertEquals("owner of account Globex (globex.example)", routed.details().get("ownership"));
    assertFalse(routed.details().containsKey("turn"), routed.details().toString());
    // The inbound round robin is where it was: its first turn goes to Ana.
    assertEquals("ana-ruiz", routed(lead("lead-other", "sam@initrode.example")).repId());
    assertEquals("1", capacity.load("david-kim").get("openOffers").n(), "a place under his caps");
  }

  @Test
  void accountOwnerPaused_isPassedOverWithTheReason_andTheRulesRouteTheLead() {
    directory.save(
        new Rep(
            "david-kim",
            "David Kim",
            "david-kim@sales.example",
            ENTERPRISE,
            true,
            Optional.empty(),
            1,
            true,
            Map.of(),
            List.of()));

    Route route = routed(lead("lead-paused", "jo@globex.example"));

    assertEquals("ana-ruiz", route.repId());
    assertNull(route.ownership());
    HistoryEvent routed = onlyRouted("lead-paused");
    assertTrue(
        routed
            .summary()
            .endsWith(
                "; not first to David Kim (owner of account Globex (globex.example)): paused"),
        routed.summary());
    assertEquals(
        "david-kim: owner of account Globex (globex.example), but paused",
        routed.details().get("ownerSkipped"));
    assertEquals("1", routed.details().get("turn"));
  }

  @Test
  void accountOwnerOutOfOfficeOrOffShiftOrAtACap_isPassedOverWithEachReason() {
    directory.save(
        new Rep(
            "david-kim",
            "David Kim",
            "david-kim@sales.example",
            ENTERPRISE,
            true,
            Optional.of(ZoneId.of("America/Chicago")),
            1,
            false,
            Map.of(DayOfWeek.MONDAY, List.of(new WorkingInterval(8 * 60, 16 * 60))),
            List.of(),
            Optional.of(1),
            Optional.empty()));

    // 05:00 in Chicago: off shift.
    routed(lead("lead-early", "jo@globex.example"));
    assertTrue(
        onlyRouted("lead-early")
            .details()
            .get("ownerSkipped")
            .endsWith("but outside working hours (own hours; Mon 05:00 America/Chicago)"),
        onlyRouted("lead-early").details().toString());

    // 09:00 in Chicago: he takes the next one, and with it his one open offer.
    clock.advance(Duration.ofHours(4));
    assertEquals("david-kim", routed(lead("lead-first", "amy@globex.example")).repId());
    routed(lead("lead-second", "bo@globex.example"));
    assertEquals(
        "david-kim: owner of account Globex (globex.example), but at maxOpenOffers (1 offers open)",
        onlyRouted("lead-second").details().get("ownerSkipped"));

    directory.save(
        new Rep(
            "david-kim",
            "David Kim",
            "david-kim@sales.example",
            ENTERPRISE,
            true,
            Optional.empty(),
            1,
            false,
            Map.of(),
            List.of(
                new com.leadhandoff.routing.OutOfOffice(
                    LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-27")))));
    routed(lead("lead-away", "cy@globex.example"));
    assertTrue(
        onlyRouted("lead-away")
            .details()
            .get("ownerSkipped")
            .endsWith("but out of office until 2026-11-27"));
  }

  @Test
  void colleagueOfAnAcceptedOpenLead_goesFirstToItsOwner() {
    Lead accepted = lead("lead-accepted", "dana@initrode.example");
    leads.claimOwner(
        accepted.leadId(),
        new Owner("chloe-martin", "Chloe Martin", "chloe-martin@sales.example", Owner.Role.REP),
        LeadStatus.ACCEPTED);
    clock.advance(Duration.ofMinutes(30));

    Route route = routed(lead("lead-colleague", "sam@Initrode.example"));

    assertEquals("chloe-martin", route.repId());
    assertEquals("owns open lead lead-accepted at initrode.example", route.ownership());
    assertTrue(
        onlyRouted("lead-colleague")
            .summary()
            .startsWith(
                "Offered to Chloe Martin (owns open lead lead-accepted at initrode.example;"),
        onlyRouted("lead-colleague").summary());
  }

  @Test
  void accountOwnerComesBeforeTheOwnerOfAnOpenLead_whoIsTriedNextWhenTheAccountOwnerCannot() {
    Lead accepted = lead("lead-accepted", "dana@globex.example");
    leads.claimOwner(
        accepted.leadId(),
        new Owner("ben-okafor", "Ben Okafor", "ben-okafor@sales.example", Owner.Role.REP),
        LeadStatus.ACCEPTED);
    directory.save(new Rep("david-kim", "David Kim", "david-kim@sales.example", ENTERPRISE, false));

    Route route = routed(lead("lead-both", "sam@globex.example"));

    assertEquals("ben-okafor", route.repId());
    assertEquals("owns open lead lead-accepted at globex.example", route.ownership());
    assertEquals(
        "david-kim: owner of account Globex (globex.example), but inactive",
        onlyRouted("lead-both").details().get("ownerSkipped"));
  }

  @Test
  void freeMailColleagues_areNobodysCompany() {
    Lead accepted = lead("lead-gmail", "dana@gmail.com");
    leads.claimOwner(
        accepted.leadId(),
        new Owner("chloe-martin", "Chloe Martin", "chloe-martin@sales.example", Owner.Role.REP),
        LeadStatus.ACCEPTED);

    Route route = routed(lead("lead-other-gmail", "sam@gmail.com"));

    assertEquals("ana-ruiz", route.repId());
    assertNull(route.ownership());
  }

  @Test
  void openLeadsOwnedByAManager_orOlderThanTheWindow_giveNoRepFirst() {
    Lead escalated = lead("lead-escalated", "dana@initrode.example");
    leads.claimOwner(
        escalated.leadId(),
        new Owner("morgan@sales.example", "Morgan Lee", "morgan@sales.example", Owner.Role.MANAGER),
        LeadStatus.ESCALATED);
    Lead old = lead("lead-old", "lee@initrode.example");
    leads.claimOwner(
        old.leadId(),
        new Owner("chloe-martin", "Chloe Martin", "chloe-martin@sales.example", Owner.Role.REP),
        LeadStatus.ACCEPTED);
    clock.advance(Duration.ofDays(91));

    Route route = routed(lead("lead-late", "sam@initrode.example"));

    assertNull(route.ownership());
  }

  @Test
  void ownerWhoLetsTheOfferExpire_earnsNoTurnBack_andTheNextOfferFollowsTheRules() {
    Route first = routed(lead("lead-globex", "jo@globex.example"));
    Offer offer = offerFor("lead-globex", first);
    assertTrue(offers.expire("lead-globex", offer.offerId(), offer.deadline()));

    assertEquals(
        Set.of(), capacity.withCredit(List.of("david-kim")), "an owner's offer took no turn");
    Route second = router.route("lead-globex");
    assertEquals(2, second.attempt());
    assertNull(second.ownership());
    assertEquals(INBOUND, second.teamId(), "the rules' team: the default team here");
  }

  // ---- helpers ----

  private static Rep rep(String id, String name, String team) {
    return new Rep(id, name, id + "@sales.example", team, true);
  }

  private Lead lead(String leadId, String email) {
    Lead lead =
        Lead.received(
            leadId,
            clock.instant(),
            new Submission(
                email,
                "Jo",
                "Doe",
                "Prospect",
                "CTO",
                null,
                "DE",
                250,
                "Software",
                null,
                "demo-request",
                null,
                null,
                null,
                List.of()));
    leads.create(lead);
    return lead;
  }

  private Route routed(Lead lead) {
    Route route = router.route(lead.leadId());
    assertTrue(route.found(), route.reason());
    return route;
  }

  private HistoryEvent onlyRouted(String leadId) {
    List<HistoryEvent> routed =
        history.of(leadId).stream().filter(e -> e.type().equals(LeadRouter.ROUTED)).toList();
    assertEquals(1, routed.size(), routed::toString);
    return routed.get(0);
  }

  /** The offer Offer To Rep stores for the route, its ownership included. */
  private Offer offerFor(String leadId, Route route) {
    Offer offer =
        new Offer(
            leadId,
            route.offerId(),
            route.attempt(),
            route.teamId(),
            route.repId(),
            route.repName(),
            route.repEmail(),
            "hash-" + leadId,
            "task-token-" + leadId,
            clock.instant(),
            clock.instant().plus(Duration.ofMinutes(15)),
            OfferStatus.OPEN,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.ofNullable(route.ownership()));
    offers.put(offer);
    return offer;
  }
}
