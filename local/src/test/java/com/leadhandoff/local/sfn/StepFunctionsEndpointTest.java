package com.leadhandoff.local.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

class StepFunctionsEndpointTest {
  private static final String MACHINE = FakeBackend.MACHINE;

  private FakeBackend backend;
  private HttpServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() throws IOException {
    backend = new FakeBackend();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", new StepFunctionsEndpoint(backend));
    server.start();
    sfn =
        SfnClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(URI.create("http://localhost:" + server.getAddress().getPort()))
            .build();
  }

  @AfterEach
  void stop() {
    sfn.close();
    server.stop(0);
  }

  @Test
  void startExecution_returnsArnAndStartDate() {
    StartExecutionResponse started =
        sfn.startExecution(
            r -> r.stateMachineArn(MACHINE).name("lead-1").input("{\"leadId\":\"1\"}"));

    assertEquals(
        MACHINE.replace(":stateMachine:", ":execution:") + ":lead-1", started.executionArn());
    assertEquals(Instant.parse("2025-03-04T09:00:01Z"), started.startDate());
  }

  @Test
  void startExecution_withoutName_getsAGeneratedOne() {
    String arn = sfn.startExecution(r -> r.stateMachineArn(MACHINE)).executionArn();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertEquals(36, described.name().length());
    assertEquals("{}", described.input());
  }

  @Test
  void startExecution_sameNameTwice_isExecutionAlreadyExists() {
    sfn.startExecution(r -> r.stateMachineArn(MACHINE).name("lead-1"));

    assertThrows(
        ExecutionAlreadyExistsException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(MACHINE).name("lead-1")));
  }

  @Test
  void startExecution_unknownMachine_isStateMachineDoesNotExist() {
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(MACHINE + "Nope").name("x")));
  }

  @Test
  void startExecution_badName_isInvalidName() {
    assertThrows(
        InvalidNameException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(MACHINE).name("has space")));
  }

  @Test
  void startExecution_withoutMachine_isValidationError() {
    SfnException e = assertThrows(SfnException.class, () -> sfn.startExecution(r -> r.name("x")));

    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void describeExecution_reportsStatusDatesAndInput() {
    String arn = startLead("lead-1");

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));

    assertEquals("lead-1", described.name());
    assertEquals(MACHINE, described.stateMachineArn());
    assertEquals(ExecutionStatus.RUNNING, described.status());
    assertEquals(Instant.parse("2025-03-04T09:00:01Z"), described.startDate());
    assertNull(described.stopDate());
    assertEquals("{\"leadId\":\"lead-1\"}", described.input());
  }

  @Test
  void describeExecution_unknown_isExecutionDoesNotExist() {
    assertThrows(
        ExecutionDoesNotExistException.class,
        () -> sfn.describeExecution(r -> r.executionArn(MACHINE + ":nope")));
  }

  @Test
  void getExecutionHistory_returnsTypedEventsWithDetails() {
    String arn = startLead("lead-1");

    List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(arn)).events();

    assertEquals(
        List.of(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.LAMBDA_FUNCTION_SCHEDULED),
        events.stream().map(HistoryEvent::type).toList());
    assertEquals("Score Lead", events.get(1).stateEnteredEventDetails().name());
    assertEquals("{\"leadId\":\"lead-1\"}", events.get(0).executionStartedEventDetails().input());
    assertEquals("arn:fn", events.get(2).lambdaFunctionScheduledEventDetails().resource());
    assertEquals(1L, events.get(1).previousEventId());
    assertEquals(Instant.parse("2025-03-04T09:00:01Z"), events.get(0).timestamp());
  }

  @Test
  void getExecutionHistory_pagesWithNextTokenAndReverses() {
    String arn = startLead("lead-1");

    GetExecutionHistoryResponse first =
        sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(2).reverseOrder(true));
    GetExecutionHistoryResponse second =
        sfn.getExecutionHistory(
            r -> r.executionArn(arn).maxResults(2).reverseOrder(true).nextToken(first.nextToken()));

    assertEquals(List.of(3L, 2L), first.events().stream().map(HistoryEvent::id).toList());
    assertEquals(List.of(1L), second.events().stream().map(HistoryEvent::id).toList());
    assertNull(second.nextToken());
  }

  @Test
  void getExecutionHistory_withoutExecutionData_dropsInputs() {
    String arn = startLead("lead-1");

    List<HistoryEvent> events =
        sfn.getExecutionHistory(r -> r.executionArn(arn).includeExecutionData(false)).events();

    assertNull(events.get(1).stateEnteredEventDetails().input());
    assertEquals("Score Lead", events.get(1).stateEnteredEventDetails().name());
  }

  @Test
  void getExecutionHistory_foreignNextToken_isInvalidToken() {
    String arn = startLead("lead-1");

    assertThrows(
        InvalidTokenException.class,
        () -> sfn.getExecutionHistory(r -> r.executionArn(arn).nextToken("not-a-token")));
  }

  @Test
  void getExecutionHistory_unknown_isExecutionDoesNotExist() {
    assertThrows(
        ExecutionDoesNotExistException.class,
        () -> sfn.getExecutionHistory(r -> r.executionArn(MACHINE + ":nope")));
  }

  @Test
  void listExecutions_newestFirstAndFilteredByStatus() {
    String first = startLead("lead-1");
    String second = startLead("lead-2");
    sfn.stopExecution(r -> r.executionArn(first));

    assertEquals(
        List.of(second, first),
        sfn.listExecutions(r -> r.stateMachineArn(MACHINE)).executions().stream()
            .map(e -> e.executionArn())
            .toList());
    assertEquals(
        List.of(first),
        sfn
            .listExecutions(r -> r.stateMachineArn(MACHINE).statusFilter(ExecutionStatus.ABORTED))
            .executions()
            .stream()
            .map(e -> e.executionArn())
            .toList());
  }

  @Test
  void listExecutions_unknownMachine_isStateMachineDoesNotExist() {
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> sfn.listExecutions(r -> r.stateMachineArn(MACHINE + "Nope")));
  }

  @Test
  void stopExecution_abortsWithErrorAndCause() {
    String arn = startLead("lead-1");

    Instant stopped =
        sfn.stopExecution(r -> r.executionArn(arn).error("Manual").cause("demo")).stopDate();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertEquals(ExecutionStatus.ABORTED, described.status());
    assertEquals(stopped, described.stopDate());
    assertEquals("Manual", described.error());
    assertEquals("demo", described.cause());
  }

  @Test
  void stopExecution_unknown_isExecutionDoesNotExist() {
    assertThrows(
        ExecutionDoesNotExistException.class,
        () -> sfn.stopExecution(r -> r.executionArn(MACHINE + ":nope")));
  }

  @Test
  void sendTaskSuccessFailureHeartbeat_reachTheWaitingTask() {
    backend.task("t1", "waiting");

    sfn.sendTaskHeartbeat(r -> r.taskToken("t1"));
    sfn.sendTaskSuccess(r -> r.taskToken("t1").output("{\"accepted\":true}"));
    sfn.sendTaskFailure(r -> r.taskToken("t1").error("Declined").cause("not a fit"));

    assertEquals(
        List.of("heartbeat t1", "success t1 {\"accepted\":true}", "failure t1 Declined not a fit"),
        backend.calls);
  }

  @Test
  void sendTask_malformedToken_isInvalidToken() {
    assertThrows(
        InvalidTokenException.class, () -> sfn.sendTaskHeartbeat(r -> r.taskToken("garbage")));
  }

  @Test
  void sendTask_answeredToken_isTaskDoesNotExist() {
    assertThrows(
        TaskDoesNotExistException.class,
        () -> sfn.sendTaskSuccess(r -> r.taskToken("gone").output("{}")));
  }

  @Test
  void sendTask_afterTimeout_isTaskTimedOut() {
    backend.task("late", "timedOut");

    assertThrows(
        TaskTimedOutException.class,
        () -> sfn.sendTaskFailure(r -> r.taskToken("late").error("Declined")));
  }

  @Test
  void sendTaskSuccess_outputNotJson_isInvalidOutput() {
    backend.task("t1", "waiting");

    InvalidOutputException e =
        assertThrows(
            InvalidOutputException.class,
            () -> sfn.sendTaskSuccess(r -> r.taskToken("t1").output("not json")));
    assertNotNull(e.awsErrorDetails().errorMessage());
    assertTrue(backend.calls.isEmpty());
  }

  private String startLead(String name) {
    return sfn.startExecution(
            r -> r.stateMachineArn(MACHINE).name(name).input("{\"leadId\":\"" + name + "\"}"))
        .executionArn();
  }
}
