package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run: where a file of leads would go under current or proposed rules, touching nothing.
 */
class DryRunTest {
  private static final Path SAMPLE = TestDynamo.projectRoot().resolve("events/dry-run-leads.json");
  private static final DirectoryConfig DIRECTORY = DirectoryConfig.bundled();

  @TempDir Path dir;

  @Test
  void sampleLeads_underTheCurrentRules_goWhereEachRuleSays() {
    DryRunReport report = dryRun(RoutingRules.bundled().orElseThrow());

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("dana.weber@acme-robotics.io", "core-regions → inbound-sales/ana-ruiz");
    expected.put("liam.hughes@northwind-health.co.uk", "core-regions → inbound-sales/ben-okafor");
    expected.put("sofia.lindqvist@vasterbank.se", "enterprise-size → enterprise/david-kim");
    expected.put("marcus.reed@harborline.com", "hot-upper-mid-market → enterprise/david-kim");
    expected.put(
        "jessica.tan@pinecrest-insurance.com", "north-america-financial → enterprise/david-kim");
    expected.put("priya.nair@cloudkite.io", "review-sites → inbound-sales/chloe-martin");
    expected.put("tomasz.kowalski@datafoundry.pl", "free-trials → inbound-sales/ana-ruiz");
    expected.put("camille.dubois@maison-verte.fr", "france → inbound-sales/ben-okafor");
    expected.put("tim.berger99@gmail.com", "nurtured");
    expected.put("nadia.haddad@brightpath.ae", "abm-campaigns → enterprise/david-kim");
    expected.put("ryo.tanaka@kumo-systems.jp", "(fallback) → inbound-sales/chloe-martin");
    assertEquals(expected, assignments(report));
    assertEquals(Map.of("enterprise", 4, "inbound-sales", 6), report.perTeam());
    assertEquals(
        Map.of("david-kim", 4, "ana-ruiz", 2, "ben-okafor", 2, "chloe-martin", 2), report.perRep());
  }

  @Test
  void sampleLeads_showScoreAndTier_andTheSimulatedTurn() {
    DryRunReport report = dryRun(RoutingRules.bundled().orElseThrow());

    DryRunReport.Routed first = (DryRunReport.Routed) report.leads().get(0).outcome();
    assertEquals(95, first.score().points());
    assertEquals("HOT", first.score().tier().name());
    assertEquals(1, first.turn());
    assertEquals("rule core-regions: country DE in region DACH", first.decision().why());
    DryRunReport.Routed last = (DryRunReport.Routed) report.leads().get(10).outcome();
    assertEquals(6, last.turn(), "inbound-sales took six turns by the last lead");
  }

  @Test
  void proposedRules_changeWhereLeadsGo() throws IOException {
    // The proposal: companies from 200 employees up go to enterprise, not from 1,000.
    String current = Files.readString(TestDynamo.projectRoot().resolve(RoutingRules.BUNDLED));
    String proposal = current.replace("companySize: {min: 1000}", "companySize: {min: 200}");
    Path file = Files.writeString(dir.resolve("proposed-rules.yaml"), proposal);

    DryRunReport report = dryRun(RoutingRules.load(file, DIRECTORY));

    Map<String, String> assignments = assignments(report);
    assertEquals(
        "enterprise-size → enterprise/david-kim", assignments.get("dana.weber@acme-robotics.io"));
    assertEquals(
        "enterprise-size → enterprise/david-kim", assignments.get("marcus.reed@harborline.com"));
    // Dana no longer takes inbound's first turn, so Liam gets it.
    assertEquals(
        "core-regions → inbound-sales/ana-ruiz",
        assignments.get("liam.hughes@northwind-health.co.uk"));
    assertEquals(Map.of("enterprise", 5, "inbound-sales", 5), report.perTeam());
  }

  @Test
  void aRepWhoWouldGetNothing_isListedWithZero() throws IOException {
    Path oneLead =
        Files.writeString(
            dir.resolve("one.jsonl"),
            "{\"email\": \"ana@big.example\", \"companySize\": 5000, \"jobTitle\": \"CEO\","
                + " \"formId\": \"demo-request\", \"country\": \"DE\"}\n");

    DryRunReport report =
        DryRun.route(
            DryRunLeads.read(oneLead),
            RoutingRules.bundled().orElseThrow(),
            DIRECTORY,
            ScoringModels.bundled());

    assertEquals(
        Map.of("david-kim", 1, "ana-ruiz", 0, "ben-okafor", 0, "chloe-martin", 0), report.perRep());
  }

  @Test
  void jsonLines_andLeadsIntakeWouldRefuse_areRead() {
    List<DryRunLeads.Entry> leads =
        DryRunLeads.parse(
            "leads.jsonl",
            """
            {"email": "jo@prospect.example", "country": "DE", "companySize": 250}

            {"firstName": "No email"}
            {"email": "bot@spam.example", "website": "http://spam.example"}
            """);

    DryRunReport report =
        DryRun.route(
            leads, RoutingRules.bundled().orElseThrow(), DIRECTORY, ScoringModels.bundled());

    assertEquals(
        List.of("jo@prospect.example", "lead 2", "bot@spam.example"),
        leads.stream().map(DryRunLeads.Entry::label).toList());
    assertTrue(report.leads().get(0).outcome() instanceof DryRunReport.Nurtured);
    DryRunReport.Refused refused = (DryRunReport.Refused) report.leads().get(1).outcome();
    assertEquals("email", refused.errors().get(0).field());
    assertEquals(List.of(), ((DryRunReport.Refused) report.leads().get(2).outcome()).errors());
  }

  @Test
  void leadsFileThatIsNotJson_failsNamingTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DryRunLeads.parse("leads.jsonl", "{\"email\": \"a@b.example\"}\n{oops\n"));

    assertTrue(e.getMessage().startsWith("leads.jsonl line 2: not valid JSON"), e.getMessage());
  }

  @Test
  void command_printsEveryLead_andExitsZero() {
    Run run = command("--leads", SAMPLE.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Dry run of 11 leads"), run.out());
    assertTrue(run.out().contains("rules:     config/routing-rules.yaml (in the jar)"));
    assertTrue(run.out().contains("david-kim (turn 4)"), run.out());
    assertTrue(run.out().contains("why: no rule matched, fallback team"), run.out());
    assertTrue(run.out().contains("Leads per rep:"), run.out());
  }

  @Test
  void command_withABrokenProposal_printsTheProblems_andExitsOne() throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("broken.yaml"),
            "fallbackTeam: inbound-sales\nrules:\n  - id: x\n    description: X\n"
                + "    team: outbound\n    when: {region: [DACH]}\n");

    Run run = command("--leads", SAMPLE.toString(), "--rules", broken.toString());

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err().contains(broken + " line 5, rule 'x': unknown team 'outbound'"), run.err());
    assertTrue(run.err().contains("unknown region 'DACH'"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void leadsOfNamedAccounts_goToTheirOwnerFirst_unlessTheOwnerIsPaused() throws IOException {
    Path leads =
        Files.writeString(
            dir.resolve("accounts.jsonl"),
            """
            {"email": "ada@analytical-engines.example", "firstName": "Ada", "jobTitle": "CTO",             "country": "DE", "companySize": 5000, "formId": "demo-request"}
            {"email": "gus@globex.example", "firstName": "Gus", "jobTitle": "CTO",             "country": "DE", "companySize": 250, "formId": "demo-request"}
            """);

    Run run = command("--leads", leads.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("accounts:  config/accounts.yaml (in the jar)"), run.out());
    assertTrue(run.out().contains("(account owner)"), run.out());
    assertTrue(run.out().contains("ben-okafor (owner)"), run.out());
    assertTrue(
        run.out()
            .contains(
                "why: owner of account Analytical Engines (analytical-engines.example), offered"
                    + " first (the rules: rule enterprise-size: companySize 5000 in 1000+)"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "why: not first to Farah Haddad (owner of account Globex (globex.example)):"
                    + " paused; rule core-regions"),
        run.out());
  }

  @Test
  void command_withoutLeads_showsUsage_andExitsTwo() {
    Run run = command("--rules", "config/routing-rules.yaml");

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().contains("Name the leads to route with --leads FILE, or replay"), run.err());
    assertTrue(run.err().contains("Usage:"), run.err());
  }

  private static DryRunReport dryRun(RoutingRules rules) {
    return DryRun.route(DryRunLeads.read(SAMPLE), rules, DIRECTORY, ScoringModels.bundled());
  }

  /** Lead label → "rule → team/rep", or "nurtured", "refused", "nobody". */
  private static Map<String, String> assignments(DryRunReport report) {
    Map<String, String> assignments = new LinkedHashMap<>();
    for (DryRunReport.LeadResult lead : report.leads()) {
      DryRunReport.Outcome outcome = lead.outcome();
      String where;
      if (outcome instanceof DryRunReport.Routed routed) {
        where =
            routed.decision().rule().map(RoutingRule::id).orElse("(fallback)")
                + " → "
                + routed.team().teamId()
                + "/"
                + routed.rep().repId();
      } else if (outcome instanceof DryRunReport.Nurtured) {
        where = "nurtured";
      } else if (outcome instanceof DryRunReport.Refused) {
        where = "refused";
      } else {
        where = "nobody";
      }
      assignments.put(lead.label(), where);
    }
    return assignments;
  }

  @Test
  void command_stored_replaysThePeriodsLeads_withTheStoredRepsOnly_andWritesNothing() {
    // GIVEN the seeded directory with ana-ruiz paused since, and three stored leads
    Map<String, String> tables = TestDynamo.tables();
    DynamoDirectory directory = seededDirectory(tables);
    Rep ana = directory.rep("ana-ruiz").orElseThrow();
    directory.save(
        new Rep(
            ana.repId(),
            ana.name(),
            ana.email(),
            ana.teamId(),
            true,
            ana.timeZone(),
            1,
            true,
            ana.workingHours(),
            ana.outOfOffice()));
    DynamoLeadStore leads = new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
    leads.create(TestLeads.demoRequest("in-1", Instant.parse("2026-11-01T00:00:00Z"), 40));
    leads.create(TestLeads.demoRequest("in-2", Instant.parse("2026-11-23T23:59:59.5Z"), 40));
    leads.create(TestLeads.demoRequest("after", Instant.parse("2026-11-24T00:00:00Z"), 40));
    Settings settings = settingsFor(tables);

    // WHEN the stored leads of 1 to 23 November are replayed
    Run run = command(settings, "--stored", "--from", "2026-11-01", "--to", "2026-11-23");

    // THEN both days' leads, and only they, went round the stored team without ana-ruiz
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().contains("Dry run of 2 leads from table " + tables.get("LeadsTable")), run.out());
    assertTrue(run.out().contains("jo.doe@prospect.example (in-1)"), run.out());
    assertTrue(run.out().contains("jo.doe@prospect.example (in-2)"), run.out());
    assertTrue(run.out().contains("ben-okafor (turn 1)"), run.out());
    assertTrue(run.out().contains("chloe-martin (turn 2)"), run.out());
    assertTrue(!run.out().contains("(after)") && !run.out().contains("ana-ruiz (turn"), run.out());
    assertEquals(1, directory.nextTurn("inbound-sales"), "the real round robin was not touched");
  }

  @Test
  void command_storedWithoutBothDates_showsUsage_andExitsTwo() {
    Run run = command("--stored", "--from", "2026-11-01");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--stored needs both --from DATE and --to DATE"), run.err());
  }

  @Test
  void command_storedWithoutATable_saysWhichSettingIsMissing() {
    Run run =
        command(
            Settings.of(Map.of(), Clock.systemUTC()),
            "--stored",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-02");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("Setting LEADS_TABLE is missing"), run.err());
  }

  @Test
  void command_storedPeriodOverTheLimitOrBackwards_isRefusedNamingIt_andExitsOne() {
    // GIVEN no tables at all: the period is refused before any would be read
    // WHEN a year, then a backwards period, is asked for
    Run year = command("--stored", "--from", "2025-11-23", "--to", "2026-11-23");
    Run backwards = command("--stored", "--from", "2026-11-23", "--to", "2026-11-01");

    // THEN each fails on --to, naming the limit or the order
    assertEquals(1, year.exitCode());
    assertTrue(
        year.err().contains("--to is 366 days after from 2025-11-23 (both included)"), year.err());
    assertTrue(year.err().contains("at most 92 days of stored leads"), year.err());
    assertEquals(1, backwards.exitCode());
    assertTrue(
        backwards.err().contains("--to is 2026-11-01, before from 2026-11-23"), backwards.err());
  }

  @Test
  void command_stored_leavesOutMergedLeads_andSaysHowMany() {
    // GIVEN three stored leads of 2 November, the second merged into the first
    Map<String, String> tables = TestDynamo.tables();
    seededDirectory(tables);
    DynamoLeadStore leads = new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
    leads.create(TestLeads.demoRequest("first", Instant.parse("2026-11-02T09:00:00Z"), 40));
    leads.create(TestLeads.demoRequest("again", Instant.parse("2026-11-02T09:05:00Z"), 40));
    leads.create(TestLeads.demoRequest("other", Instant.parse("2026-11-02T10:00:00Z"), 40));
    assertTrue(leads.markMerged("again", "first"));
    Settings settings = settingsFor(tables);

    // WHEN 2 November is replayed
    Run run = command(settings, "--stored", "--from", "2026-11-02", "--to", "2026-11-02");

    // THEN the merged lead is not routed, and the report says why it is missing
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Dry run of 2 leads from table"), run.out());
    assertTrue(
        run.out().contains("1 merged lead left out: each was merged into an open lead"), run.out());
    assertTrue(!run.out().contains("(again)"), run.out());
    assertTrue(run.out().contains("(first)") && run.out().contains("(other)"), run.out());
  }

  /** The bundled directory seeded into {@code tables}. */
  private static DynamoDirectory seededDirectory(Map<String, String> tables) {
    DynamoDirectory directory =
        new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
    new DirectorySeeder(directory, directory::save, directory::save).seed(DIRECTORY);
    return directory;
  }

  /** Settings naming {@code tables}, as the functions' environment does. */
  private static Settings settingsFor(Map<String, String> tables) {
    return Settings.of(
        Map.of(
            "LEADS_TABLE", tables.get("LeadsTable"),
            "TEAMS_TABLE", tables.get("TeamsTable"),
            "REPS_TABLE", tables.get("RepsTable")),
        Clock.systemUTC());
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run command(String... args) {
    return command(Settings.of(Map.of(), Clock.systemUTC()), args);
  }

  private static Run command(Settings settings, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        DryRun.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings,
            TestDynamo::client);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
