package com.leadhandoff.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.DirectorySeeder;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.sla.WorkingInterval;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoRepAdminStore;
import com.leadhandoff.store.ItemCodec;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.TestDynamo;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reps admin API, driven by its {@code events/} fixture against the test DynamoDB engine. */
class RepsAdminHandlerTest {
  private static final String MORGAN = "arn:aws:iam::123456789012:user/revops-morgan";

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:04:12Z"));
  private final RepsAdminHandler handler =
      new RepsAdminHandler(
          new DynamoRepAdminStore(
              TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable")),
          clock);

  RepsAdminHandlerTest() {
    new DirectorySeeder(directory, directory::save, directory::save)
        .seed(DirectoryConfig.bundled());
  }

  private JsonNode call(APIGatewayV2HTTPEvent event, int status) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> errors(JsonNode body) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    body.get("errors")
        .forEach(
            e ->
                errors.merge(
                    e.get("field").asText(), e.get("problem").asText(), (a, b) -> a + " | " + b));
    return errors;
  }

  @Test
  void putNewRep_fromFixture_isCreatedWithEveryField_andTheChangeRecorded() {
    JsonNode created = call(AdminEvents.fixture("admin-put-rep.json"), 201);

    assertEquals("gina-park", created.at("/rep/id").asText());
    assertEquals("available", created.at("/rep/status").asText());
    Rep stored = directory.rep("gina-park").orElseThrow();
    assertEquals("inbound-sales", stored.teamId());
    assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), stored.timeZone());
    assertEquals(2, stored.weight());
    assertEquals(Optional.of(5), stored.maxOpenOffers());
    assertEquals(
        List.of(
            new WorkingInterval(9 * 60, 12 * 60 + 30), new WorkingInterval(13 * 60 + 30, 17 * 60)),
        stored.workingHours().get(DayOfWeek.MONDAY));
    assertEquals("2026-12-24", stored.outOfOffice().get(0).from().toString());
    // The new rep takes turns in their team, which routing reads.
    assertTrue(directory.activeReps("inbound-sales").contains(stored));

    JsonNode shown = call(AdminEvents.rep("GET /admin/reps/{repId}", "gina-park", null), 200);
    assertEquals(created.get("rep"), shown.get("rep"));
    assertEquals(1, shown.get("changes").size());
    assertEquals("added", shown.at("/changes/0/what").asText());
    assertEquals(MORGAN, shown.at("/changes/0/by").asText());
    assertEquals("2026-11-23T10:04:12Z", shown.at("/changes/0/at").asText());
  }

  @Test
  void putExistingRep_replacesItsFields_andRecordsWhatChanged() {
    // GIVEN david-kim as seeded, read back through the API
    ObjectNode david =
        (ObjectNode)
            call(AdminEvents.rep("GET /admin/reps/{repId}", "david-kim", null), 200).get("rep");
    david.remove("status");
    david.put("weight", 3);
    david.put("timeZone", "America/Denver");

    // WHEN it is sent back with two fields changed
    JsonNode updated =
        call(AdminEvents.rep("PUT /admin/reps/{repId}", "david-kim", david.toString()), 200);

    // THEN only those changed, and the change log says so
    assertEquals(3, updated.at("/rep/weight").asInt());
    Rep stored = directory.rep("david-kim").orElseThrow();
    assertEquals(3, stored.weight());
    assertEquals(Optional.of(ZoneId.of("America/Denver")), stored.timeZone());
    assertEquals(Optional.of(20), stored.maxLeadsPerDay(), "fields sent back as read are kept");
    JsonNode changes =
        call(AdminEvents.rep("GET /admin/reps/{repId}", "david-kim", null), 200).get("changes");
    assertEquals(
        "updated: timeZone America/Chicago → America/Denver, weight 2 → 3",
        changes.get(changes.size() - 1).get("what").asText());
  }

  @Test
  void repReadBackAndSentUnchanged_isAcceptedAsIs() {
    ObjectNode ana =
        (ObjectNode)
            call(AdminEvents.rep("GET /admin/reps/{repId}", "ana-ruiz", null), 200).get("rep");
    Rep before = directory.rep("ana-ruiz").orElseThrow();

    call(AdminEvents.rep("PUT /admin/reps/{repId}", "ana-ruiz", ana.toString()), 200);

    assertEquals(before, directory.rep("ana-ruiz").orElseThrow());
    JsonNode changes =
        call(AdminEvents.rep("GET /admin/reps/{repId}", "ana-ruiz", null), 200).get("changes");
    assertEquals("updated: nothing changed", changes.get(0).get("what").asText());
  }

  @Test
  void badFields_are400PerField_andChangeNothing() {
    Rep before = directory.rep("ana-ruiz").orElseThrow();
    String body =
        AdminEvents.json(
            Map.of(
                "name", "Ana Ruiz",
                "email", "ana.ruiz(at)sales.example.com",
                "team", "emea",
                "timeZone", "Mars/Olympus",
                "weight", 0,
                "outOfOffice", List.of(Map.of("from", "2026-12-31", "until", "2026-12-24")),
                "workingHours", Map.of("monday", List.of("18:00-09:00")),
                "colour", "blue"));

    JsonNode refused = call(AdminEvents.rep("PUT /admin/reps/{repId}", "ana-ruiz", body), 400);

    Map<String, String> errors = errors(refused);
    assertEquals(
        List.of("colour", "email", "team", "timeZone", "weight", "outOfOffice", "workingHours")
            .stream()
            .sorted()
            .toList(),
        new ArrayList<>(errors.keySet()).stream().sorted().toList(),
        errors.toString());
    assertTrue(
        errors.get("team").contains("'emea' is not a team; use one of: enterprise, inbound-sales"));
    assertTrue(errors.get("timeZone").contains("unknown timeZone 'Mars/Olympus'"));
    assertTrue(errors.get("weight").contains("must be a whole number from 1 to 100"));
    assertTrue(errors.get("outOfOffice").contains("until 2026-12-24 is before from 2026-12-31"));
    assertTrue(errors.get("email").contains("is not an email address"));
    assertEquals(before, directory.rep("ana-ruiz").orElseThrow());
    assertEquals(
        0,
        call(AdminEvents.rep("GET /admin/reps/{repId}", "ana-ruiz", null), 200)
            .get("changes")
            .size());
  }

  @Test
  void missingFieldsAndAnIdOtherThanTheUrl_are400() {
    JsonNode refused =
        call(
            AdminEvents.rep(
                "PUT /admin/reps/{repId}", "new-rep", AdminEvents.json(Map.of("id", "other-rep"))),
            400);

    Map<String, String> errors = errors(refused);
    assertTrue(errors.get("id").contains("the URL names rep 'new-rep'"), errors.toString());
    assertTrue(errors.get("name").contains("missing `name:`"), errors.toString());
    assertTrue(errors.get("email").contains("missing `email:`"), errors.toString());
    assertTrue(errors.get("team").contains("missing `team:`"), errors.toString());
    assertEquals(Optional.empty(), directory.rep("new-rep"));
  }

  @Test
  void bodyThatIsNotJson_is400() {
    JsonNode refused =
        call(AdminEvents.rep("PUT /admin/reps/{repId}", "ana-ruiz", "{name: Ana"), 400);

    assertTrue(refused.get("message").asText().startsWith("The body is not valid JSON"));
  }

  @Test
  void unknownRep_is404_forReadsAndChanges() {
    for (String route :
        List.of(
            "GET /admin/reps/{repId}",
            "POST /admin/reps/{repId}/pause",
            "POST /admin/reps/{repId}/resume")) {
      JsonNode missing = call(AdminEvents.rep(route, "nobody-here", null), 404);
      assertEquals(
          "No rep 'nobody-here'; add it with PUT /admin/reps/nobody-here",
          missing.get("message").asText());
    }
    call(
        AdminEvents.rep(
            "PUT /admin/reps/{repId}/out-of-office",
            "nobody-here",
            "{\"outOfOffice\": [{\"from\": \"2026-12-01\", \"until\": \"2026-12-02\"}]}"),
        404);
    assertEquals(Optional.empty(), directory.rep("nobody-here"));
  }

  @Test
  void pauseThenResume_takesTheRepOutOfTheRotationAndBack() {
    JsonNode paused =
        call(AdminEvents.rep("POST /admin/reps/{repId}/pause", "ben-okafor", null), 200);

    assertEquals("paused", paused.at("/rep/status").asText());
    assertTrue(directory.rep("ben-okafor").orElseThrow().paused());

    JsonNode resumed =
        call(AdminEvents.rep("POST /admin/reps/{repId}/resume", "ben-okafor", null), 200);

    assertEquals("available", resumed.at("/rep/status").asText());
    assertEquals(false, directory.rep("ben-okafor").orElseThrow().paused());
    JsonNode changes =
        call(AdminEvents.rep("GET /admin/reps/{repId}", "ben-okafor", null), 200).get("changes");
    assertEquals(
        List.of("paused", "resumed"),
        List.of(changes.get(0).get("what").asText(), changes.get(1).get("what").asText()));
  }

  @Test
  void outOfOffice_replacesTheDates_showsOnTheDay_andRefusesBadDates() {
    JsonNode set =
        call(
            AdminEvents.rep(
                "PUT /admin/reps/{repId}/out-of-office",
                "chloe-martin",
                "{\"outOfOffice\": [{\"from\": \"2026-11-24\", \"until\": \"2026-11-27\"}]}"),
            200);
    assertEquals("available", set.at("/rep/status").asText(), "away from tomorrow");

    clock.advance(Duration.ofDays(1));
    JsonNode list = call(AdminEvents.rep("GET /admin/reps", null, null), 200);
    JsonNode chloe = null;
    for (JsonNode team : list.get("teams")) {
      for (JsonNode rep : team.get("reps")) {
        if (rep.get("id").asText().equals("chloe-martin")) {
          chloe = rep;
        }
      }
    }
    assertEquals("out of office", chloe.get("status").asText());

    JsonNode refused =
        call(
            AdminEvents.rep(
                "PUT /admin/reps/{repId}/out-of-office",
                "chloe-martin",
                "{\"outOfOffice\": [{\"from\": \"2026-13-01\", \"until\": \"2026-12-02\"}]}"),
            400);
    assertTrue(errors(refused).get("outOfOffice").contains("`from: 2026-13-01` is not a date"));
    assertEquals(
        "2026-11-27",
        directory.rep("chloe-martin").orElseThrow().outOfOffice().get(0).until().toString());
  }

  @Test
  void list_showsEveryTeamWithItsRepsAndTheirStatus() {
    JsonNode list = call(AdminEvents.rep("GET /admin/reps", null, null), 200);

    Map<String, String> status = new java.util.TreeMap<>();
    for (JsonNode team : list.get("teams")) {
      team.get("reps")
          .forEach(
              rep ->
                  status.put(
                      team.get("id").asText() + "/" + rep.get("id").asText(),
                      rep.get("status").asText()));
    }
    assertEquals(
        Map.of(
            "enterprise/david-kim", "available",
            "enterprise/elena-novak", "inactive",
            "enterprise/farah-haddad", "paused",
            "inbound-sales/ana-ruiz", "available",
            "inbound-sales/ben-okafor", "available",
            "inbound-sales/chloe-martin", "available"),
        status);
  }

  private Map<String, AttributeValue> item(String key) {
    Map<String, AttributeValue> item =
        TestDynamo.client()
            .getItem(
                r ->
                    r.tableName(tables.get("RepsTable"))
                        .key(Map.of("repId", AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    return item == null ? Map.of() : item;
  }

  private void putItem(Map<String, AttributeValue> item) {
    TestDynamo.client().putItem(r -> r.tableName(tables.get("RepsTable")).item(item));
  }

  @Test
  void loadAndAuditRows_areNoReps_everyRouteRefusesTheirIds_andLeavesThemUntouched() {
    // GIVEN ben-okafor has an offer open, a lead today and a credited turn in his load row,
    // and a change in his audit row
    DynamoCapacity capacity = new DynamoCapacity(TestDynamo.client(), tables.get("RepsTable"));
    Rep ben = directory.rep("ben-okafor").orElseThrow();
    assertEquals(Optional.empty(), capacity.reserve(ben, LocalDate.of(2026, 11, 23)));
    capacity.credit("ben-okafor", "lead-07");
    call(AdminEvents.rep("POST /admin/reps/{repId}/resume", "ben-okafor", null), 200);
    Map<String, AttributeValue> load = capacity.load("ben-okafor");
    assertEquals("1", load.get("openOffers").n());
    assertEquals("1", load.get("credits").n());
    Map<String, AttributeValue> audit = item("audit#ben-okafor");
    String rep =
        AdminEvents.json(
            Map.of("name", "Ben", "email", "ben@sales.example.com", "team", "inbound-sales"));
    String away = "{\"outOfOffice\": [{\"from\": \"2026-12-01\", \"until\": \"2026-12-02\"}]}";

    for (String id : List.of("load#ben-okafor", "audit#ben-okafor", "load#")) {
      // WHEN every route is called with the row's key as the rep id
      List<JsonNode> refused =
          List.of(
              call(AdminEvents.rep("GET /admin/reps/{repId}", id, null), 400),
              call(AdminEvents.rep("PUT /admin/reps/{repId}", id, rep), 400),
              call(AdminEvents.rep("PUT /admin/reps/{repId}/out-of-office", id, away), 400),
              call(AdminEvents.rep("POST /admin/reps/{repId}/pause", id, null), 400),
              call(AdminEvents.rep("POST /admin/reps/{repId}/resume", id, null), 400));

      // THEN each is a 400 on the id, and no row is created for it
      for (JsonNode body : refused) {
        assertEquals("No rep can have this id", body.get("message").asText());
        assertTrue(errors(body).get("repId").contains("is not a rep id"), body.toString());
      }
      assertEquals(Map.of(), item("audit#" + id));
    }
    // THEN the counters, the credit and the change log are as they were
    assertEquals(load, capacity.load("ben-okafor"));
    assertEquals(audit, item("audit#ben-okafor"));
  }

  @Test
  void pause_ofAnItemWithoutATeam_is404_andWritesNeitherTheItemNorAChange() {
    // GIVEN an item under a well-formed id that is no rep: it has no team
    putItem(Map.of("repId", AttributeValue.fromS("stray-row"), "note", AttributeValue.fromS("x")));

    // WHEN it is paused and given dates away
    call(AdminEvents.rep("POST /admin/reps/{repId}/pause", "stray-row", null), 404);
    call(
        AdminEvents.rep(
            "PUT /admin/reps/{repId}/out-of-office",
            "stray-row",
            "{\"outOfOffice\": [{\"from\": \"2026-12-01\", \"until\": \"2026-12-02\"}]}"),
        404);

    // THEN it is left as it was, with no change recorded
    assertEquals(
        Map.of("repId", AttributeValue.fromS("stray-row"), "note", AttributeValue.fromS("x")),
        item("stray-row"));
    assertEquals(Map.of(), item("audit#stray-row"));
  }

  /**
   * The stored reps, with another admin's edit of david-kim's weight landing while a change is in
   * flight: right after the change reads the rep, or just before it writes.
   */
  private final class EditedMeanwhile implements RepAdminStore {
    private final DynamoRepAdminStore store =
        new DynamoRepAdminStore(
            TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));

    private void otherEdit() {
      Map<String, AttributeValue> changed =
          new java.util.HashMap<>(ItemCodec.toItem(directory.rep("david-kim").orElseThrow()));
      changed.put("weight", AttributeValue.fromN("7"));
      putItem(changed);
    }

    @Override
    public List<com.leadhandoff.routing.Team> teams() {
      return store.teams();
    }

    @Override
    public List<Rep> reps(String teamId) {
      return store.reps(teamId);
    }

    @Override
    public Optional<Rep> rep(String repId) {
      Optional<Rep> rep = store.rep(repId);
      otherEdit();
      return rep;
    }

    @Override
    public void save(Rep rep, RepChange change) {
      store.save(rep, change);
    }

    @Override
    public Optional<Rep> setPaused(String repId, boolean paused, RepChange change) {
      otherEdit();
      return store.setPaused(repId, paused, change);
    }

    @Override
    public Optional<Rep> setOutOfOffice(
        String repId, List<com.leadhandoff.routing.OutOfOffice> away, RepChange change) {
      otherEdit();
      return store.setOutOfOffice(repId, away, change);
    }

    @Override
    public List<RepChange> changes(String repId) {
      return store.changes(repId);
    }
  }

  @Test
  void pauseAndOutOfOffice_writeOnlyTheirField_soAnEditMadeMeanwhileIsKept() {
    // GIVEN another admin sets david-kim's weight to 7 while each change is in flight
    RepsAdminHandler racing = new RepsAdminHandler(new EditedMeanwhile(), clock);

    // WHEN he is paused, then given dates away
    racing.handleRequest(
        AdminEvents.rep("POST /admin/reps/{repId}/pause", "david-kim", null), null);
    APIGatewayV2HTTPResponse away =
        racing.handleRequest(
            AdminEvents.rep(
                "PUT /admin/reps/{repId}/out-of-office",
                "david-kim",
                "{\"outOfOffice\": [{\"from\": \"2026-12-01\", \"until\": \"2026-12-02\"}]}"),
            null);

    // THEN the table has the pause, the dates and the other admin's weight
    assertEquals(200, away.getStatusCode(), away.getBody());
    Rep stored = directory.rep("david-kim").orElseThrow();
    assertTrue(stored.paused());
    assertEquals("2026-12-01", stored.outOfOffice().get(0).from().toString());
    assertEquals(7, stored.weight(), "the other admin's weight was overwritten");
  }

  @Test
  void list_leavesOutRowsWhoseIdNoRepCanHave_evenWithATeam() {
    // GIVEN a load row that an earlier version overwrote with a whole rep of team inbound-sales
    Rep ben = directory.rep("ben-okafor").orElseThrow();
    Map<String, AttributeValue> corrupted = new java.util.HashMap<>(ItemCodec.toItem(ben));
    corrupted.put("repId", AttributeValue.fromS("load#ben-okafor"));
    putItem(corrupted);

    // WHEN the reps are listed
    JsonNode list = call(AdminEvents.rep("GET /admin/reps", null, null), 200);

    // THEN only reps are
    List<String> ids = new ArrayList<>();
    list.get("teams").forEach(t -> t.get("reps").forEach(r -> ids.add(r.get("id").asText())));
    assertEquals(
        List.of(
            "david-kim", "elena-novak", "farah-haddad", "ana-ruiz", "ben-okafor", "chloe-martin"),
        ids);
  }
}
