package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import com.leadhandoff.local.clock.VirtualClock;
import com.leadhandoff.local.dynamo.Tables;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

class LocalRuntimeTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final String OFFER_FLOW =
      "arn:aws:states:us-east-1:000000000000:stateMachine:echo-offer-flow";

  private static LocalRuntime.Builder echo() {
    return LocalRuntime.builder()
        .projectRoot(Projects.echo())
        .port(0)
        .out(new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void start_createsTablesRunsCustomResourcesAndPointsDefaultSdkClientsHere() {
    try (LocalRuntime runtime = echo().inMemory(true).start()) {
      // a plain default client finds the local engine through the SDK's system properties
      try (DynamoDbClient plain =
          DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
        assertTrue(plain.listTables().tableNames().contains("NotesTable"));
        // the custom resource's function wrote its item with such a client
        assertEquals(
            "seeded",
            plain
                .getItem(
                    r ->
                        r.tableName("NotesTable")
                            .key(Map.of("noteId", AttributeValue.fromS("seeded"))))
                .item()
                .get("noteId")
                .s());
      }
      assertEquals(
          runtime.baseUrl().toString(),
          runtime
              .services()
              .template()
              .function("EchoFunction")
              .orElseThrow()
              .environment()
              .get("BASE_URL"));
    }
  }

  @Test
  void dynamoEndpoint_tablesAndSeedGoToThatDynamoDb_noEngineOfItsOwn() {
    // GIVEN another DynamoDB (here a second engine; LocalStack or a region in real use)
    try (DynamoDbEngine other = DynamoDbEngine.inMemory(java.time.Clock.systemUTC());
        DynamoDbServer otherServer = other.serve(0)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      // WHEN the runtime is pointed at it
      try (LocalRuntime runtime =
              echo()
                  .inMemory(true)
                  .dynamoEndpoint(otherServer.endpoint())
                  .out(new PrintStream(printed))
                  .start();
          DynamoDbClient client = Tables.client(otherServer.endpoint())) {
        // THEN the template's tables were created there, and the functions wrote there
        assertEquals(otherServer.endpoint(), runtime.services().dynamoEndpoint());
        assertTrue(client.listTables().tableNames().contains("NotesTable"));
        assertTrue(
            client
                .getItem(
                    r ->
                        r.tableName("NotesTable")
                            .key(Map.of("noteId", AttributeValue.fromS("seeded"))))
                .hasItem());
        assertTrue(
            printed.toString().contains(otherServer.endpoint() + " (external"), printed.toString());
      }
    }
  }

  @Test
  void ttlAttribute_itemExpiresOnTheRuntimesVirtualClock() {
    VirtualClock clock = new VirtualClock(T0);
    try (LocalRuntime runtime = echo().inMemory(true).clock(clock).start();
        DynamoDbClient client = Tables.client(runtime.services().dynamoEndpoint())) {
      // GIVEN a table whose TTL attribute is expiresAt, and an item expiring a minute from now
      client.createTable(
          r ->
              r.tableName("Expiring")
                  .billingMode("PAY_PER_REQUEST")
                  .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                  .keySchema(k -> k.attributeName("id").keyType("HASH")));
      client.updateTimeToLive(
          r ->
              r.tableName("Expiring")
                  .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
      Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("soon"));
      client.putItem(
          r ->
              r.tableName("Expiring")
                  .item(
                      Map.of(
                          "id",
                          AttributeValue.fromS("soon"),
                          "expiresAt",
                          AttributeValue.fromN(String.valueOf(T0.getEpochSecond() + 60)))));
      assertTrue(client.getItem(r -> r.tableName("Expiring").key(key)).hasItem());

      // WHEN runtime time passes the expiry
      clock.advance(java.time.Duration.ofMinutes(2));

      // THEN the item is gone
      assertFalse(client.getItem(r -> r.tableName("Expiring").key(key)).hasItem());
    }
  }

  @Test
  void functions_invokedByArn_reportHandlerErrorsAsLambdaDoes() {
    try (LocalRuntime runtime = echo().inMemory(true).start()) {
      Invocation result =
          runtime
              .services()
              .functions()
              .invoke(
                  "arn:aws:lambda:us-east-1:000000000000:function:FailingFunction",
                  new ObjectMapper().createObjectNode());

      Invocation.Failure failure = (Invocation.Failure) result;
      assertEquals("java.lang.IllegalStateException", failure.errorType());
      assertEquals("boom", failure.errorMessage());
    }
  }

  @Test
  void customResourceReportingFailed_stopsStartupNamingIt() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> echo().inMemory(true).parameter("SeedOutcome", "FAILED").start());

    assertTrue(error.getMessage().contains("Seed"), error.getMessage());
    assertTrue(error.getMessage().contains("FAILED"), error.getMessage());
  }

  @Test
  void dataDir_keepsItemsAndCreatesCustomResourcesOnlyOnce(@TempDir Path data) {
    try (LocalRuntime first = echo().dataDir(data).start()) {
      try (DynamoDbClient client = Tables.client(first.services().dynamoEndpoint())) {
        client.putItem(
            r -> r.tableName("NotesTable").item(Map.of("noteId", AttributeValue.fromS("kept"))));
      }
    }
    assertTrue(Files.exists(data.resolve("stack-created")));

    // a failing seed would stop a fresh stack; this one is not fresh, so the seed does not run
    try (LocalRuntime second = echo().dataDir(data).parameter("SeedOutcome", "FAILED").start();
        DynamoDbClient client = Tables.client(second.services().dynamoEndpoint())) {
      assertTrue(
          client
              .getItem(
                  r ->
                      r.tableName("NotesTable").key(Map.of("noteId", AttributeValue.fromS("kept"))))
              .hasItem());
    }
  }

  @Test
  void dataDir_waitingExecutionCarriesOnAfterRestartWithItsOldToken(@TempDir Path data) {
    // GIVEN an execution waiting for its callback when the runtime stops
    String executionArn;
    String token;
    try (LocalRuntime first = echo().dataDir(data).clock(new VirtualClock(T0)).start();
        SfnClient sfn = sfn()) {
      executionArn =
          sfn.startExecution(r -> r.stateMachineArn(OFFER_FLOW).name("note-1").input("{}"))
              .executionArn();
      first.engine().awaitIdle();
      token = tokenOffered(sfn, executionArn);
    }

    // WHEN the runtime starts again on the same data folder and the callback arrives
    try (LocalRuntime second =
            echo().dataDir(data).clock(new VirtualClock(T0.plusSeconds(60))).start();
        SfnClient sfn = sfn()) {
      second.engine().awaitIdle();
      assertEquals(
          ExecutionStatus.RUNNING,
          sfn.describeExecution(r -> r.executionArn(executionArn)).status());
      sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"accepted\":true}"));
      second.engine().awaitIdle();

      // THEN the execution completes with the answer, its history whole
      DescribeExecutionResponse done = sfn.describeExecution(r -> r.executionArn(executionArn));
      assertEquals(ExecutionStatus.SUCCEEDED, done.status());
      assertEquals("{\"accepted\":true}", done.output());
      assertEquals(
          HistoryEventType.EXECUTION_STARTED,
          sfn.getExecutionHistory(r -> r.executionArn(executionArn)).events().get(0).type());
    }
  }

  @Test
  void dataDir_machineCreatedThroughTheApiAndItsWaitingExecutionSurviveARestart(
      @TempDir Path data) {
    // GIVEN a state machine created through the SDK and an execution of it waiting 60 s
    String definition =
        "{\"StartAt\": \"Wait\", \"States\": {\"Wait\": {\"Type\": \"Wait\","
            + " \"Seconds\": 60, \"End\": true}}}";
    String machineArn;
    String executionArn;
    try (LocalRuntime first = echo().dataDir(data).clock(new VirtualClock(T0)).start();
        SfnClient sfn = sfn()) {
      machineArn =
          sfn.createStateMachine(
                  r ->
                      r.name("Waiter")
                          .definition(definition)
                          .roleArn("arn:aws:iam::000000000000:role/Waiter"))
              .stateMachineArn();
      executionArn =
          sfn.startExecution(r -> r.stateMachineArn(machineArn).name("w-1").input("{}"))
              .executionArn();
      first.engine().awaitIdle();
    }

    // WHEN the runtime starts again on the same data folder and the wait ends
    VirtualClock later = new VirtualClock(T0.plusSeconds(10));
    try (LocalRuntime second = echo().dataDir(data).clock(later).start();
        SfnClient sfn = sfn()) {
      second.engine().awaitIdle();
      assertEquals(
          definition, sfn.describeStateMachine(r -> r.stateMachineArn(machineArn)).definition());
      assertTrue(
          sfn.listStateMachines(r -> {}).stateMachines().stream()
              .anyMatch(m -> m.stateMachineArn().equals(machineArn)));
      later.advance(java.time.Duration.ofSeconds(50));
      second.engine().awaitIdle();

      // THEN the execution has finished in the runtime that restored its machine
      assertEquals(
          ExecutionStatus.SUCCEEDED,
          sfn.describeExecution(r -> r.executionArn(executionArn)).status());
    }
  }

  @Test
  void dataDir_deadlinePassedWhileStopped_timesOutOnRestart(@TempDir Path data) {
    // GIVEN an execution whose 900 s callback timeout runs out while the runtime is stopped
    String executionArn;
    try (LocalRuntime first = echo().dataDir(data).clock(new VirtualClock(T0)).start();
        SfnClient sfn = sfn()) {
      executionArn =
          sfn.startExecution(r -> r.stateMachineArn(OFFER_FLOW).name("note-2").input("{}"))
              .executionArn();
      first.engine().awaitIdle();
    }

    // WHEN the runtime starts again after the deadline
    try (LocalRuntime second =
            echo().dataDir(data).clock(new VirtualClock(T0.plusSeconds(901))).start();
        SfnClient sfn = sfn()) {
      second.engine().awaitIdle();

      // THEN the task timed out at once, as it would have had the runtime kept running
      DescribeExecutionResponse timedOut = sfn.describeExecution(r -> r.executionArn(executionArn));
      assertEquals(ExecutionStatus.FAILED, timedOut.status());
      assertEquals("States.Timeout", timedOut.error());
    }
  }

  private static SfnClient sfn() {
    return SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** The task token the callback task handed its function, as the history shows it. */
  private static String tokenOffered(SfnClient sfn, String executionArn) {
    String parameters =
        sfn.getExecutionHistory(r -> r.executionArn(executionArn)).events().stream()
            .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
            .findFirst()
            .orElseThrow()
            .taskScheduledEventDetails()
            .parameters();
    try {
      return new ObjectMapper().readTree(parameters).at("/Payload/token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void scaledClock_resumesWhereItLeftOff_soStoredDeadlinesKeepTheirDistance(@TempDir Path data)
      throws Exception {
    java.time.Instant ahead = java.time.Instant.now().plus(java.time.Duration.ofHours(10));
    try (LocalRuntime first = echo().dataDir(data).timeScale(60).startTime(ahead).start()) {
      assertTrue(!first.clock().now().isBefore(ahead));
    }

    try (LocalRuntime second =
        echo().dataDir(data).timeScale(60).startTime(ahead.minusSeconds(3600)).start()) {
      assertTrue(
          !second.clock().now().isBefore(ahead),
          "restarted at " + second.clock().now() + ", before " + ahead);
    }
  }

  @Test
  void killedRuntime_restartsAtTheFoldersSavedTimeNotAnEarlierStartTime_andSaysSo(
      @TempDir Path data, @TempDir Path atKill) throws Exception {
    // GIVEN the data folder as a kill -9 leaves it while a runtime started 10 h ahead runs
    Instant ahead = Instant.now().plus(java.time.Duration.ofHours(10));
    try (LocalRuntime first = echo().dataDir(data).timeScale(60).startTime(ahead).start()) {
      Files.copy(data.resolve("runtime-clock"), atKill.resolve("runtime-clock"));
    }

    // WHEN a runtime starts on it with an earlier --start-time
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (LocalRuntime second =
        echo()
            .dataDir(atKill)
            .timeScale(60)
            .startTime(ahead.minusSeconds(3600))
            .out(new PrintStream(printed))
            .start()) {

      // THEN the folder's time wins, and the runtime says so in one line
      assertFalse(second.clock().now().isBefore(ahead), "restarted at " + second.clock().now());
      String out = printed.toString();
      assertEquals(1, out.lines().filter(l -> l.contains("the data folder's clock is at")).count());
      assertTrue(out.contains("later than --start-time " + ahead.minusSeconds(3600)), out);
    }
  }

  @Test
  void killedRuntime_neverRestartsBehindTheTimesRecordedInItsExecutions(@TempDir Path data)
      throws Exception {
    // GIVEN a folder whose saved clock lags behind an execution event (killed between two saves)
    Instant saved = T0.plusSeconds(3600);
    Instant lastEvent = saved.plusSeconds(30);
    Files.writeString(data.resolve("runtime-clock"), saved + "\n");
    Files.createDirectories(data.resolve("executions"));
    Files.writeString(
        data.resolve("executions").resolve("gone~lead-1.json"),
        "{\"format\":1,\"startDate\":\""
            + T0
            + "\",\"history\":[{\"id\":1,\"timestamp\":\""
            + lastEvent
            + "\"}]}");

    // WHEN a runtime starts on it at T0
    try (LocalRuntime runtime = echo().dataDir(data).timeScale(60).startTime(T0).start()) {

      // THEN its clock carries on from the last recorded event, not from the saved clock
      assertFalse(runtime.clock().now().isBefore(lastEvent), "at " + runtime.clock().now());
    }
  }
}
