package com.leadhandoff.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.intake.Validation;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.DirectorySeeder;
import com.leadhandoff.routing.DryRunLeads;
import com.leadhandoff.routing.RoutingRules;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoRepAdminStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.TestDynamo;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /admin/dry-run}: given or stored leads, current or proposed rules, no side effects.
 */
class DryRunHandlerTest {
  private static final String SAMPLE = Fixtures.event("dry-run-leads.json");

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DryRunHandler handler =
      new DryRunHandler(
          new DynamoRepAdminStore(
              TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable")),
          leads,
          ScoringModels::bundled);

  DryRunHandlerTest() {
    new DirectorySeeder(directory, directory::save, directory::save)
        .seed(DirectoryConfig.bundled());
  }

  private JsonNode call(APIGatewayV2HTTPEvent event, int status) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertEquals(status, response.getStatusCode(), response.getBody());
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stores the sample leads intake would accept, the first {@code inPeriod} received in November
   * 2026 one day apart, the rest in October.
   */
  private List<Lead> storeSample(int inPeriod) {
    List<Lead> stored = new ArrayList<>();
    for (DryRunLeads.Entry entry : DryRunLeads.parse("sample", SAMPLE)) {
      if (entry.validation() instanceof Validation.Valid valid) {
        int n = stored.size();
        Instant at =
            n < inPeriod
                ? Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * n + 3_600)
                : Instant.parse("2026-10-01T12:00:00Z").plusSeconds(86_400L * n);
        Lead lead = Lead.received(String.format("lead-%02d", n + 1), at, valid.submission());
        leads.create(lead);
        stored.add(lead);
      }
    }
    return stored;
  }

  /** Every item of every table, by table, to tell whether anything changed. */
  private Map<String, List<Map<String, AttributeValue>>> everything() {
    Map<String, List<Map<String, AttributeValue>>> all = new TreeMap<>();
    tables
        .values()
        .forEach(
            table ->
                all.put(
                    table,
                    TestDynamo.client()
                        .scanPaginator(r -> r.tableName(table).consistentRead(true))
                        .items()
                        .stream()
                        .map(Map::copyOf)
                        .sorted(java.util.Comparator.comparing(Object::toString))
                        .toList()));
    return all;
  }

  private static List<String> reps(JsonNode report) {
    List<String> reps = new ArrayList<>();
    report
        .get("leads")
        .forEach(lead -> reps.add(lead.path("rep").asText(lead.get("outcome").asText())));
    return reps;
  }

  @Test
  void givenLeads_sayWhoWouldGetEachAndWhy_andThePerRepDistribution() throws IOException {
    JsonNode report = call(AdminEvents.dryRun("{\"leads\": " + SAMPLE + "}"), 200);

    assertEquals(RoutingRules.BUNDLED, report.get("rules").asText());
    assertEquals(11, report.get("leads").size());
    JsonNode first = report.at("/leads/0");
    assertEquals("dana.weber@acme-robotics.io", first.get("lead").asText());
    assertEquals("routed", first.get("outcome").asText());
    assertEquals("core-regions", first.get("rule").asText());
    assertEquals("inbound-sales", first.get("team").asText());
    assertEquals("ana-ruiz", first.get("rep").asText());
    assertEquals("hot", first.get("tier").asText());
    assertTrue(
        first.get("why").asText().startsWith("rule core-regions: country DE in region DACH"));
    assertEquals("nurtured", report.at("/leads/8/outcome").asText());
    assertEquals(
        Map.of("david-kim", 4, "ana-ruiz", 2, "ben-okafor", 2, "chloe-martin", 2),
        Json.MAPPER.convertValue(report.get("perRep"), Map.class));
  }

  @Test
  void storedLeadsOfAPeriod_areReplayedInArrivalOrder_likeTheSameLeadsGiven() {
    List<Lead> stored = storeSample(6);

    JsonNode replay = call(AdminEvents.fixture("admin-dry-run.json"), 200);

    assertEquals(6, replay.get("leads").size(), "October's leads are outside the period");
    assertEquals("dana.weber@acme-robotics.io (lead-01)", replay.at("/leads/0/lead").asText());
    List<String> given = new ArrayList<>();
    stored.subList(0, 6).forEach(l -> given.add(Json.MAPPER.valueToTree(toForm(l)).toString()));
    JsonNode same = call(AdminEvents.dryRun("{\"leads\": [" + String.join(",", given) + "]}"), 200);
    assertEquals(reps(same), reps(replay));
  }

  @Test
  void dryRun_changesNoTable_andTakesNoRoundRobinTurn() {
    storeSample(10);
    Map<String, List<Map<String, AttributeValue>>> before = everything();

    call(AdminEvents.fixture("admin-dry-run.json"), 200);
    call(AdminEvents.dryRun("{\"leads\": " + SAMPLE + "}"), 200);

    assertEquals(before, everything());
    assertEquals(1, directory.nextTurn("inbound-sales"), "no turn was taken before this one");
  }

  @Test
  void proposedRules_decideInstead() throws IOException {
    String current = Files.readString(TestDynamo.projectRoot().resolve(RoutingRules.BUNDLED));
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("leads", Json.MAPPER.readTree(SAMPLE));
    body.put("rules", current.replace("companySize: {min: 1000}", "companySize: {min: 200}"));

    JsonNode report = call(AdminEvents.dryRun(body.toString()), 200);

    assertEquals(DryRunHandler.PROPOSED, report.get("rules").asText());
    assertEquals("enterprise-size", report.at("/leads/0/rule").asText());
    assertEquals("enterprise", report.at("/leads/0/team").asText());
  }

  @Test
  void invalidProposedRules_are400WithTheLineOfEachProblem() {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("from", "2026-11-01").put("to", "2026-11-23");
    body.put(
        "rules",
        "fallbackTeam: inbound-sales\nrules:\n  - id: x\n    description: X\n"
            + "    team: outbound\n    when: {region: [DACH]}\n");

    JsonNode refused = call(AdminEvents.dryRun(body.toString()), 400);

    List<String> problems = new ArrayList<>();
    refused
        .get("errors")
        .forEach(e -> problems.add(e.get("field").asText() + ": " + e.get("problem").asText()));
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith(
                        "rules: proposed rules line 5, rule 'x': unknown team 'outbound'")),
        problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("unknown region 'DACH'")), problems.toString());
  }

  @Test
  void badRequests_are400NamingTheField() {
    Map<String, String> cases =
        Map.of(
            "{}", "leads",
            "{\"leads\": [], \"from\": \"2026-11-01\", \"to\": \"2026-11-02\"}", "leads",
            "{\"leads\": {\"email\": \"a@b.example\"}}", "leads",
            "{\"from\": \"2026-11-31\", \"to\": \"2026-12-01\"}", "from",
            "{\"from\": \"2026-11-01\"}", "to",
            "{\"from\": \"2026-11-23\", \"to\": \"2026-11-01\"}", "to",
            "{\"leads\": [], \"rules\": 42}", "rules");
    cases.forEach(
        (body, field) -> {
          JsonNode refused = call(AdminEvents.dryRun(body), 400);
          assertEquals(field, refused.at("/errors/0/field").asText(), body + " → " + refused);
        });
  }

  @Test
  void period_ofAtMost92Days_isReplayed_aLongerOneIs400NamingTheLimit() {
    // GIVEN stored leads in October and November
    List<Lead> stored = storeSample(6);

    // WHEN exactly 92 days, then 93, are asked for
    JsonNode quarter =
        call(AdminEvents.dryRun("{\"from\": \"2026-09-01\", \"to\": \"2026-12-01\"}"), 200);
    JsonNode refused =
        call(AdminEvents.dryRun("{\"from\": \"2026-09-01\", \"to\": \"2026-12-02\"}"), 400);

    // THEN the first replays every lead, the second none, saying why on `to`
    assertEquals(stored.size(), quarter.get("leads").size());
    assertEquals("to", refused.at("/errors/0/field").asText());
    assertEquals(
        "is 93 days after from 2026-09-01 (both included); a dry run replays at most 92 days of"
            + " stored leads, so split the period, e.g. 2026-09-01 to 2026-12-01",
        refused.at("/errors/0/problem").asText());
    assertTrue(refused.path("leads").isMissingNode());
  }

  @Test
  void storedMergedLeads_areLeftOutAndCounted_leadsNeedingAttentionAreReplayed() {
    // GIVEN November's six leads: lead-02 merged into lead-01, lead-03's workflow failed
    storeSample(6);
    assertTrue(leads.markMerged("lead-02", "lead-01"));
    leads.setStatus("lead-03", LeadStatus.NEEDS_ATTENTION);

    // WHEN November is replayed
    JsonNode replay = call(AdminEvents.fixture("admin-dry-run.json"), 200);

    // THEN lead-02 is left out and counted, lead-03 is routed like the others
    List<String> labels = new ArrayList<>();
    replay.get("leads").forEach(l -> labels.add(l.get("lead").asText()));
    assertEquals(5, labels.size(), labels.toString());
    assertTrue(labels.stream().noneMatch(l -> l.endsWith("(lead-02)")), labels.toString());
    assertTrue(labels.stream().anyMatch(l -> l.endsWith("(lead-03)")), labels.toString());
    assertEquals(1, replay.at("/leftOut/merged").asInt());
    assertTrue(
        replay.at("/leftOut/why").asText().contains("merged into an open lead"), replay.toString());
  }

  @Test
  void givenLeads_reportNothingLeftOut() {
    JsonNode report = call(AdminEvents.dryRun("{\"leads\": " + SAMPLE + "}"), 200);

    assertTrue(report.path("leftOut").isMissingNode(), report.toString());
  }

  /** The lead's submission as the form fields of POST /leads. */
  private static Map<String, Object> toForm(Lead lead) {
    Map<String, Object> form = new TreeMap<>();
    var s = lead.submission();
    put(form, "email", s.email());
    put(form, "firstName", s.firstName());
    put(form, "lastName", s.lastName());
    put(form, "company", s.company());
    put(form, "jobTitle", s.jobTitle());
    put(form, "phone", s.phone());
    put(form, "country", s.country());
    put(form, "companySize", s.companySize());
    put(form, "industry", s.industry());
    put(form, "message", s.message());
    put(form, "formId", s.formId());
    put(form, "utm_source", s.utmSource());
    put(form, "utm_medium", s.utmMedium());
    put(form, "utm_campaign", s.utmCampaign());
    form.put("pagesViewed", s.pagesViewed());
    return form;
  }

  private static void put(Map<String, Object> form, String field, Object value) {
    if (value != null) {
      form.put(field, value);
    }
  }
}
