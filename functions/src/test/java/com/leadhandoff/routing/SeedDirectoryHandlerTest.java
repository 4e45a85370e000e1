package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.admin.RepsAdminHandler;
import com.leadhandoff.json.Json;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoRepAdminStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.TestDynamo;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedDirectoryHandlerTest {
  private static final String STACK_ID =
      "arn:aws:cloudformation:eu-west-1:123456789012:stack/lead-handoff/4f1e2d30-5a6b-11ef-8c7d-0a9b8c7d6e5f";

  /** One PUT as CloudFormation's response bucket would have received it. */
  private record Received(String method, String query, List<String> contentType, JsonNode body) {}

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final List<Received> received = new ArrayList<>();
  private final HttpServer bucket;
  private volatile int answerStatus = 200;

  @TempDir Path dir;

  SeedDirectoryHandlerTest() throws IOException {
    bucket = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    bucket.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          synchronized (received) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getOrDefault("Content-Type", List.of()),
                    Json.MAPPER.readTree(body)));
          }
          exchange.sendResponseHeaders(answerStatus, -1);
          exchange.close();
        });
    bucket.start();
  }

  @AfterEach
  void stopBucket() {
    bucket.stop(0);
  }

  @Test
  void create_seedsEveryTeamAndRep_andPutsSuccess() throws IOException {
    handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null);

    Received put = onlyPut();
    assertEquals("PUT", put.method());
    assertTrue(put.query().contains("X-Amz-Signature="), "the pre-signed query is kept");
    assertTrue(
        put.contentType().isEmpty() || put.contentType().equals(List.of("")),
        "no content type, as the URL was signed without one: " + put.contentType());
    List<String> fields = new ArrayList<>();
    put.body().fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "Status",
            "Reason",
            "PhysicalResourceId",
            "StackId",
            "RequestId",
            "LogicalResourceId",
            "Data"),
        fields);
    assertEquals("SUCCESS", put.body().get("Status").asText());
    assertEquals(STACK_ID, put.body().get("StackId").asText());
    assertEquals("1b2c3d4e-5f60-4a7b-9c8d-0e1f2a3b4c5d", put.body().get("RequestId").asText());
    assertEquals("DirectorySeed", put.body().get("LogicalResourceId").asText());
    assertEquals(
        "directory-seed-1b2c3d4e-5f60-4a7b-9c8d-0e1f2a3b4c5d",
        put.body().get("PhysicalResourceId").asText());
    assertEquals("2", put.body().get("Data").get("TeamsAdded").asText());
    assertEquals("6", put.body().get("Data").get("RepsAdded").asText());
    assertEquals("inbound-sales", directory.defaultTeam().orElseThrow().teamId());
    assertEquals(
        List.of("ana-ruiz", "ben-okafor", "chloe-martin"),
        directory.activeReps("inbound-sales").stream().map(Rep::repId).toList());
    assertFalse(directory.rep("elena-novak").orElseThrow().active());
    // Availability and weight survive the round trip through the Reps table as written.
    assertEquals(
        DirectoryConfig.bundled().reps().stream()
            .filter(r -> r.repId().equals("david-kim"))
            .findFirst()
            .orElseThrow(),
        directory.rep("david-kim").orElseThrow());
    assertTrue(directory.rep("farah-haddad").orElseThrow().paused());
  }

  @Test
  void secondCreateAndUpdate_keepEditedRepsAndTheRoundRobinTurn() throws IOException {
    handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null);
    Rep edited =
        new Rep(
            "ana-ruiz", "Ana Ruiz-Lopez", "ana.lopez@sales.example.com", "inbound-sales", false);
    directory.save(edited);
    directory.nextTurn("inbound-sales");
    directory.nextTurn("inbound-sales");

    handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null);
    handler().handleRequest(event("Update", "directory-seed-1"), new ByteArrayOutputStream(), null);

    assertEquals(3, received.size());
    JsonNode update = received.get(2).body();
    assertEquals("SUCCESS", update.get("Status").asText());
    assertEquals("directory-seed-1", update.get("PhysicalResourceId").asText());
    assertEquals("0", update.get("Data").get("RepsAdded").asText());
    assertEquals("6", update.get("Data").get("RepsKept").asText());
    assertEquals(edited, directory.rep("ana-ruiz").orElseThrow());
    assertEquals(3, directory.nextTurn("inbound-sales"));
  }

  @Test
  void update_keepsRepsChangedThroughTheAdminApi() throws IOException {
    // GIVEN a seeded directory where revops paused one rep and re-weighted another via the API
    handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null);
    RepsAdminHandler admin =
        new RepsAdminHandler(
            new DynamoRepAdminStore(
                TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable")),
            Clock.systemUTC());
    APIGatewayV2HTTPEvent pause = new APIGatewayV2HTTPEvent();
    pause.setRouteKey("POST /admin/reps/{repId}/pause");
    pause.setPathParameters(Map.of("repId", "ben-okafor"));
    assertEquals(200, admin.handleRequest(pause, null).getStatusCode());
    APIGatewayV2HTTPEvent reweigh = new APIGatewayV2HTTPEvent();
    reweigh.setRouteKey("PUT /admin/reps/{repId}");
    reweigh.setPathParameters(Map.of("repId", "ana-ruiz"));
    reweigh.setBody(
        "{\"name\": \"Ana Ruiz\", \"email\": \"ana.ruiz@sales.example.com\","
            + " \"team\": \"inbound-sales\", \"weight\": 5}");
    assertEquals(200, admin.handleRequest(reweigh, null).getStatusCode());
    Rep ben = directory.rep("ben-okafor").orElseThrow();
    Rep ana = directory.rep("ana-ruiz").orElseThrow();

    // WHEN the stack is updated, which runs the seed again
    handler().handleRequest(event("Update", "directory-seed-1"), new ByteArrayOutputStream(), null);

    // THEN the API's changes stand
    assertEquals("SUCCESS", received.get(1).body().get("Status").asText());
    assertEquals(ben, directory.rep("ben-okafor").orElseThrow());
    assertTrue(directory.rep("ben-okafor").orElseThrow().paused());
    assertEquals(5, directory.rep("ana-ruiz").orElseThrow().weight());
    assertEquals(ana, directory.rep("ana-ruiz").orElseThrow());
  }

  @Test
  void update_addsRepsNewInTheFile() throws IOException {
    handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null);
    Path grown = dir.resolve("directory.yaml");
    Files.writeString(
        grown,
        Files.readString(TestDynamo.projectRoot().resolve("config/directory.yaml"))
            + "\n  - {id: fay-wong, name: Fay Wong, email: fay.wong@sales.example.com,"
            + " team: inbound-sales}\n");

    handlerFor(() -> DirectoryConfig.load(grown))
        .handleRequest(event("Update", "directory-seed-1"), new ByteArrayOutputStream(), null);

    assertEquals("1", received.get(1).body().get("Data").get("RepsAdded").asText());
    assertEquals(
        List.of("ana-ruiz", "ben-okafor", "chloe-martin", "fay-wong"),
        directory.activeReps("inbound-sales").stream().map(Rep::repId).toList());
  }

  @Test
  void delete_changesNothing_andPutsSuccess() throws IOException {
    handler().handleRequest(event("Delete", "directory-seed-1"), new ByteArrayOutputStream(), null);

    JsonNode body = onlyPut().body();
    assertEquals("SUCCESS", body.get("Status").asText());
    assertEquals("directory-seed-1", body.get("PhysicalResourceId").asText());
    assertTrue(directory.defaultTeam().isEmpty(), "Delete seeds nothing");
    assertTrue(directory.rep("ana-ruiz").isEmpty());
  }

  @Test
  void delete_leavesASeededDirectoryAsItIs() throws IOException {
    handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null);

    handler().handleRequest(event("Delete", "directory-seed-1"), new ByteArrayOutputStream(), null);

    assertEquals("SUCCESS", received.get(1).body().get("Status").asText());
    assertEquals(3, directory.activeReps("inbound-sales").size());
  }

  @Test
  void brokenConfig_putsFailedWithTheProblem_andStoresNothing() throws IOException {
    Path broken = dir.resolve("directory.yaml");
    Files.writeString(
        broken,
        Files.readString(TestDynamo.projectRoot().resolve("config/directory.yaml"))
            .replace("ben.okafor@sales.example.com", "ben.okafor@"));

    handlerFor(() -> DirectoryConfig.load(broken))
        .handleRequest(event("Create", null), new ByteArrayOutputStream(), null);

    JsonNode body = onlyPut().body();
    assertEquals("FAILED", body.get("Status").asText());
    String reason = body.get("Reason").asText();
    assertTrue(reason.startsWith("Seeding the directory failed: " + broken), reason);
    assertTrue(
        reason.contains("rep 'ben-okafor': email 'ben.okafor@' is not an email address"), reason);
    assertTrue(directory.rep("ana-ruiz").isEmpty());
  }

  @Test
  void missingTable_putsFailed() throws IOException {
    SeedDirectoryHandler handler =
        new SeedDirectoryHandler(
            Settings.of(
                Map.of("TEAMS_TABLE", "no-such-table", "REPS_TABLE", tables.get("RepsTable")),
                Clock.systemUTC()),
            TestDynamo::client);

    handler.handleRequest(event("Create", null), new ByteArrayOutputStream(), null);

    JsonNode body = onlyPut().body();
    assertEquals("FAILED", body.get("Status").asText());
    assertTrue(
        body.get("Reason").asText().contains("Requested resource not found"), body.toString());
  }

  @Test
  void missingSetting_putsFailedNamingIt() throws IOException {
    SeedDirectoryHandler handler =
        new SeedDirectoryHandler(Settings.of(Map.of(), Clock.systemUTC()), TestDynamo::client);

    handler.handleRequest(event("Create", null), new ByteArrayOutputStream(), null);

    JsonNode body = onlyPut().body();
    assertEquals("FAILED", body.get("Status").asText());
    assertEquals(
        "Seeding the directory failed: Setting TEAMS_TABLE is missing: declare it in template.yaml",
        body.get("Reason").asText());
  }

  @Test
  void responseUrlRefusingTheAnswer_failsTheInvocationSoLambdaRetries() {
    answerStatus = 403;

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                handler().handleRequest(event("Create", null), new ByteArrayOutputStream(), null));
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
  }

  private SeedDirectoryHandler handler() {
    return new SeedDirectoryHandler(
        Settings.of(
            Map.of("TEAMS_TABLE", tables.get("TeamsTable"), "REPS_TABLE", tables.get("RepsTable")),
            Clock.systemUTC()),
        TestDynamo::client);
  }

  private SeedDirectoryHandler handlerFor(java.util.function.Supplier<DirectoryConfig> config) {
    return new SeedDirectoryHandler(
        config, () -> new DirectorySeeder(directory, directory::save, directory::save));
  }

  /** The fixture as CloudFormation would send it, answering to the local bucket. */
  private ByteArrayInputStream event(String requestType, String physicalResourceId)
      throws IOException {
    ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Fixtures.event("seed-directory.json"));
    String signed = event.get("ResponseURL").asText();
    event.put(
        "ResponseURL",
        "http://localhost:"
            + bucket.getAddress().getPort()
            + "/cfn-response"
            + signed.substring(signed.indexOf('?')));
    event.put("RequestType", requestType);
    if (physicalResourceId != null) {
      event.put("PhysicalResourceId", physicalResourceId);
    }
    return new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event));
  }

  private Received onlyPut() {
    synchronized (received) {
      assertEquals(1, received.size(), received::toString);
      return received.get(0);
    }
  }
}
