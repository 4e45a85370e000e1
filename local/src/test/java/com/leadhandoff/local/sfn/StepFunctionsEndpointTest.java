package com.leadhandoff.local.sfn;

import static com.leadhandoff.local.sfn.TinyEngine.T0;
import static com.leadhandoff.local.sfn.TinyEngine.json;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
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
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The real SDK client against the endpoint, over the real engine running a tiny definition. */
class StepFunctionsEndpointTest {
  private TinyEngine local;
  private String machine;
  private HttpServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() throws IOException {
    local = new TinyEngine();
    machine = local.machineArn;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", new StepFunctionsEndpoint(local.backend()));
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
    local.close();
  }

  // ---- StartExecution ----

  @Test
  void startExecution_returnsArnAndStartDate() {
    var started =
        sfn.startExecution(
            r -> r.stateMachineArn(machine).name("lead-1").input("{\"leadId\":\"1\"}"));

    assertEquals(
        machine.replace(":stateMachine:", ":execution:") + ":lead-1", started.executionArn());
    assertEquals(T0, started.startDate());
  }

  @Test
  void startExecution_withoutNameOrInput_getsGeneratedNameAndEmptyInput() {
    String arn = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertEquals(36, described.name().length());
    assertEquals(json("{}"), json(described.input()));
  }

  @Test
  void startExecution_sameNameAndInputWhileRunning_returnsTheSameExecution() {
    String first = startLead("lead-1");

    assertEquals(first, startLead("lead-1"));
  }

  @Test
  void startExecution_sameNameOtherInput_isExecutionAlreadyExists() {
    startLead("lead-1");

    assertThrows(
        ExecutionAlreadyExistsException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(machine).name("lead-1").input("{}")));
  }

  @Test
  void startExecution_unknownMachine_isStateMachineDoesNotExist() {
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(machine + "Nope").name("x")));
  }

  @Test
  void startExecution_badName_isInvalidName() {
    assertThrows(
        InvalidNameException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(machine).name("has space")));
  }

  @Test
  void startExecution_inputNotJson_isInvalidExecutionInput() {
    assertThrows(
        InvalidExecutionInputException.class,
        () -> sfn.startExecution(r -> r.stateMachineArn(machine).input("{oops")));
  }

  @Test
  void startExecution_withoutMachine_isValidationError() {
    SfnException e = assertThrows(SfnException.class, () -> sfn.startExecution(r -> r.name("x")));

    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  // ---- DescribeExecution ----

  @Test
  void describeExecution_whileWaiting_isRunningWithItsInput() {
    String arn = startLead("lead-1");

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));

    assertEquals("lead-1", described.name());
    assertEquals(machine, described.stateMachineArn());
    assertEquals(ExecutionStatus.RUNNING, described.status());
    assertEquals(T0, described.startDate());
    assertNull(described.stopDate());
    assertEquals(json("{\"leadId\":\"lead-1\"}"), json(described.input()));
  }

  @Test
  void describeExecution_unknown_isExecutionDoesNotExist() {
    assertThrows(
        ExecutionDoesNotExistException.class,
        () -> sfn.describeExecution(r -> r.executionArn(machine + ":nope")));
  }

  @Test
  void describeExecution_notAnArn_isInvalidArn() {
    assertThrows(InvalidArnException.class, () -> sfn.describeExecution(r -> r.executionArn("x")));
  }

  // ---- GetExecutionHistory ----

  @Test
  void getExecutionHistory_returnsTypedEventsWithDetails() {
    String arn = startLead("lead-1");
    local.tokenFor("lead-1");

    List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(arn)).events();

    assertEquals(
        List.of(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUBMITTED),
        events.stream().map(HistoryEvent::type).toList());
    assertEquals(
        json("{\"leadId\":\"lead-1\"}"),
        json(events.get(0).executionStartedEventDetails().input()));
    assertEquals("Offer To Rep", events.get(1).stateEnteredEventDetails().name());
    assertEquals("lambda", events.get(2).taskScheduledEventDetails().resourceType());
    assertEquals(600L, events.get(2).taskScheduledEventDetails().timeoutInSeconds());
    assertEquals(1L, events.get(1).previousEventId());
    assertEquals(T0, events.get(0).timestamp());
  }

  @Test
  void getExecutionHistory_pagesWithNextTokenAndReverses() {
    String arn = startLead("lead-1");
    local.tokenFor("lead-1");

    GetExecutionHistoryResponse first =
        sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(3).reverseOrder(true));
    GetExecutionHistoryResponse second =
        sfn.getExecutionHistory(
            r -> r.executionArn(arn).maxResults(3).reverseOrder(true).nextToken(first.nextToken()));

    assertEquals(List.of(5L, 4L, 3L), first.events().stream().map(HistoryEvent::id).toList());
    assertEquals(List.of(2L, 1L), second.events().stream().map(HistoryEvent::id).toList());
    assertNull(second.nextToken());
  }

  @Test
  void getExecutionHistory_withoutExecutionData_dropsInputs() {
    String arn = startLead("lead-1");

    List<HistoryEvent> events =
        sfn.getExecutionHistory(r -> r.executionArn(arn).includeExecutionData(false)).events();

    assertNull(events.get(1).stateEnteredEventDetails().input());
    assertEquals("Offer To Rep", events.get(1).stateEnteredEventDetails().name());
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
        () -> sfn.getExecutionHistory(r -> r.executionArn(machine + ":nope")));
  }

  // ---- ListExecutions ----

  @Test
  void listExecutions_newestFirstAndFilteredByStatus() {
    String first = startLead("lead-1");
    local.clock.advance(Duration.ofSeconds(1));
    String second = startLead("lead-2");
    sfn.stopExecution(r -> r.executionArn(first));

    assertEquals(
        List.of(second, first),
        sfn.listExecutions(r -> r.stateMachineArn(machine)).executions().stream()
            .map(ExecutionListItem::executionArn)
            .toList());
    assertEquals(
        List.of(first),
        sfn
            .listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
            .executions()
            .stream()
            .map(ExecutionListItem::executionArn)
            .toList());
  }

  @Test
  void listExecutions_pagesWithMaxResults() {
    startLead("lead-1");
    local.clock.advance(Duration.ofSeconds(1));
    String newest = startLead("lead-2");

    var page = sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(1));

    assertEquals(
        List.of(newest), page.executions().stream().map(ExecutionListItem::executionArn).toList());
    assertEquals(
        1,
        sfn.listExecutions(r -> r.stateMachineArn(machine).nextToken(page.nextToken()))
            .executions()
            .size());
  }

  @Test
  void listExecutions_unknownMachine_isStateMachineDoesNotExist() {
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> sfn.listExecutions(r -> r.stateMachineArn(machine + "Nope")));
  }

  // ---- StopExecution ----

  @Test
  void stopExecution_abortsWithErrorAndCause() {
    String arn = startLead("lead-1");
    local.clock.advance(Duration.ofSeconds(5));

    var stopped =
        sfn.stopExecution(r -> r.executionArn(arn).error("Manual").cause("demo")).stopDate();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertEquals(ExecutionStatus.ABORTED, described.status());
    assertEquals(T0.plusSeconds(5), stopped);
    assertEquals(stopped, described.stopDate());
    assertEquals("Manual", described.error());
    assertEquals("demo", described.cause());
  }

  @Test
  void stopExecution_unknown_isExecutionDoesNotExist() {
    assertThrows(
        ExecutionDoesNotExistException.class,
        () -> sfn.stopExecution(r -> r.executionArn(machine + ":nope")));
  }

  // ---- SendTask* ----

  @Test
  void sendTaskSuccess_resumesTheExecutionWithTheOutput() {
    String arn = startLead("lead-1");
    String token = local.tokenFor("lead-1");

    sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"accepted\":true}"));
    local.engine.awaitIdle();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, described.status());
    assertEquals(json("{\"accepted\":true}"), json(described.output()).get("answer"));
  }

  @Test
  void sendTaskFailure_failsTheExecutionWithErrorAndCause() {
    String arn = startLead("lead-1");

    sfn.sendTaskFailure(
        r -> r.taskToken(local.tokenFor("lead-1")).error("Declined").cause("not a fit"));
    local.engine.awaitIdle();

    DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
    assertEquals(ExecutionStatus.FAILED, described.status());
    assertEquals("Declined", described.error());
    assertEquals("not a fit", described.cause());
  }

  @Test
  void sendTaskHeartbeat_onWaitingTask_isAccepted() {
    startLead("lead-1");

    assertDoesNotThrow(() -> sfn.sendTaskHeartbeat(r -> r.taskToken(local.tokenFor("lead-1"))));
  }

  @Test
  void sendTask_malformedToken_isInvalidToken() {
    assertThrows(
        InvalidTokenException.class, () -> sfn.sendTaskHeartbeat(r -> r.taskToken("garbage")));
  }

  @Test
  void sendTask_tokenNeverIssued_isTaskDoesNotExist() {
    String wellFormed = "A".repeat(43);

    assertThrows(
        TaskDoesNotExistException.class,
        () -> sfn.sendTaskSuccess(r -> r.taskToken(wellFormed).output("{}")));
  }

  @Test
  void sendTask_afterTheTimeout_isTaskTimedOut() {
    startLead("lead-1");
    String token = local.tokenFor("lead-1");

    local.clock.advance(Duration.ofSeconds(600));

    assertThrows(
        TaskTimedOutException.class,
        () -> sfn.sendTaskFailure(r -> r.taskToken(token).error("Declined")));
  }

  @Test
  void sendTaskSuccess_outputNotJson_isInvalidOutputAndTheTaskKeepsWaiting() {
    String arn = startLead("lead-1");
    String token = local.tokenFor("lead-1");

    assertThrows(
        InvalidOutputException.class,
        () -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("not json")));
    assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(r -> r.executionArn(arn)).status());
  }

  private String startLead(String name) {
    String arn =
        sfn.startExecution(
                r -> r.stateMachineArn(machine).name(name).input("{\"leadId\":\"" + name + "\"}"))
            .executionArn();
    local.engine.awaitIdle();
    return arn;
  }
}
