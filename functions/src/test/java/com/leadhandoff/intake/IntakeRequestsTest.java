package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingWorkflow;
import com.leadhandoff.testing.TestDynamo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What a post costs in DynamoDB requests, with intake wired as deployed (its history through {@link
 * LeadHistories}) and every request it sends counted: one for a new lead, a few more only for a
 * repeat.
 */
class IntakeRequestsTest {
  private static final String TRANSACTION =
      "TransactWriteItems HistoryTable+IntakeKeysTable+LeadsTable";

  private final Map<String, String> tables = TestDynamo.tables();
  private final List<String> requests = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final RecordingWorkflow workflow = new RecordingWorkflow();
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoIntakeKeys keys =
      new DynamoIntakeKeys(TestDynamo.client(), tables.get("IntakeKeysTable"));

  @Test
  void newLead_isOneRequest_itsKeysTheLeadAndItsReceivedEntryInOneTransaction() {
    // WHEN a new lead is posted with an Idempotency-Key (two keys: the header, email and form)
    String leadId = leadId(post(counted(), withKey(event(), "k-1")));

    // THEN one transaction wrote it all: a second request fails this
    assertEquals(List.of(TRANSACTION), requests);
    assertEquals(List.of(leadId), workflow.started());
    assertEquals(LeadStatus.RECEIVED, leads.find(leadId).orElseThrow().status());
    assertEquals(List.of("RECEIVED"), types(leadId));
  }

  @Test
  void repeatOfALeadItsWorkflowMovedOn_readsTheLead_andStartsNothing() {
    // GIVEN a lead whose workflow has scored it
    String leadId = leadId(post(counted(), event()));
    leads.setStatus(leadId, LeadStatus.ROUTING);
    requests.clear();

    // WHEN the form is posted again
    String again = leadId(post(counted(), event()));

    // THEN the cancelled write named the lead, one read saw it underway, and nothing was started
    assertEquals(leadId, again);
    assertEquals(List.of(TRANSACTION, "GetItem LeadsTable"), requests);
    assertEquals(1, workflow.starts());
    assertEquals(List.of("RECEIVED"), types(leadId));
  }

  @Test
  void repeatOfALeadStillReceived_startsItAgain_whichStartsNothingNew() {
    // GIVEN a lead whose process died after its write, before its workflow was started
    assertThrows(
        IllegalStateException.class,
        () -> post(handler(counted(), new DiesBeforeStarting()), event()));
    assertEquals(List.of(TRANSACTION), requests);
    String leadId =
        TestDynamo.client()
            .scan(r -> r.tableName(tables.get("LeadsTable")))
            .items()
            .get(0)
            .get("leadId")
            .s();
    // (the watchdog's sweep would find it RECEIVED and start it, if nobody posted again)
    assertEquals(
        List.of(leadId),
        leads.inStatus(LeadStatus.RECEIVED, clock.instant().plusSeconds(1)).stream()
            .map(com.leadhandoff.lead.Lead::leadId)
            .toList());
    requests.clear();

    // WHEN the form is posted again
    String again = leadId(post(counted(), event()));

    // THEN the same lead is started, without writing it or its RECEIVED entry again
    assertEquals(leadId, again);
    assertEquals(List.of(TRANSACTION, "GetItem LeadsTable"), requests);
    assertEquals(List.of(leadId), workflow.started());
    assertEquals(List.of("RECEIVED"), types(leadId));
  }

  @Test
  void newIdempotencyKey_forAnEmailSeenWithinTheWindow_isClaimedForThatLeadDirectly() {
    String leadId = leadId(post(counted(), withKey(event(), "k-1")));
    leads.setStatus(leadId, LeadStatus.ROUTING);
    requests.clear();

    String byEmail = leadId(post(counted(), withKey(event(), "k-2")));

    // THEN the key the cancelled write found free is claimed for the lead the other names: no
    // claim for a lead that will not exist, and no move of it afterwards
    assertEquals(leadId, byEmail);
    assertEquals(List.of(TRANSACTION, "PutItem IntakeKeysTable", "GetItem LeadsTable"), requests);
    IntakeKey k2 = IntakeKey.idempotency("k-2");
    assertEquals(
        leadId,
        keys.claim(k2.name(), "lead-other", k2.expiresAt(clock.instant()), clock.instant())
            .leadId());
  }

  @Test
  void keyAnEarlierVersionMarkedStarted_isAnsweredFromTheCancelledWriteAlone() {
    // GIVEN the form's key as earlier versions left it once the lead's execution ran
    String leadId = "lead-01KAQ7V0000000000000000000";
    IntakeKey key = IntakeKey.sameSubmission(submission(), Duration.ofMinutes(60));
    TestDynamo.client()
        .putItem(
            r ->
                r.tableName(tables.get("IntakeKeysTable"))
                    .item(
                        Map.of(
                            "intakeKey", AttributeValue.fromS(key.name()),
                            "leadId", AttributeValue.fromS(leadId),
                            "expiresAt",
                                AttributeValue.fromN(
                                    "" + key.expiresAt(clock.instant()).getEpochSecond()),
                            "started", AttributeValue.fromBool(true))));

    // WHEN the form is posted again
    String again = leadId(post(counted(), event()));

    // THEN its lead is the answer, with nothing read, stored or started
    assertEquals(leadId, again);
    assertEquals(List.of(TRANSACTION), requests);
    assertEquals(0, workflow.starts());
  }

  @Test
  void transactionCancelledByAConflictingOne_isTriedAgain_andStoresTheLead() {
    // GIVEN DynamoDB cancels the first write because another transaction held an item
    DynamoDbClient conflicting = conflicting(counted(), requests, 1);

    // WHEN a lead is posted
    String leadId = leadId(post(conflicting, event()));

    // THEN the write is made again, and the lead is stored and started once
    assertEquals(List.of(TRANSACTION, TRANSACTION), requests);
    assertEquals(List.of(leadId), workflow.started());
    assertEquals(List.of("RECEIVED"), types(leadId));
  }

  @Test
  void transactionThatKeepsConflicting_failsThePost_andLeavesNothing() {
    DynamoDbClient conflicting = conflicting(counted(), requests, Integer.MAX_VALUE);

    assertThrows(TransactionCanceledException.class, () -> post(conflicting, event()));

    assertEquals(DynamoLeadHistory.CONFLICT_ATTEMPTS, requests.size());
    assertEquals(0, TestDynamo.client().scan(r -> r.tableName(tables.get("LeadsTable"))).count());
    assertEquals(
        0, TestDynamo.client().scan(r -> r.tableName(tables.get("IntakeKeysTable"))).count());
    assertEquals(List.of(), workflow.started());
  }

  private DynamoDbClient counted() {
    return CountedDynamo.of(tables, requests);
  }

  private IntakeHandler handler(DynamoDbClient dynamo, com.leadhandoff.workflow.Workflow started) {
    Settings settings = Settings.of(Map.of("HISTORY_TABLE", tables.get("HistoryTable")), clock);
    return new IntakeHandler(
        new DynamoLeadStore(dynamo, tables.get("LeadsTable")),
        LeadHistories.of(settings, dynamo),
        new DynamoIntakeKeys(dynamo, tables.get("IntakeKeysTable")),
        started,
        clock,
        Duration.ofMinutes(60),
        RedirectOrigins.parse("https://www.example.com"));
  }

  private APIGatewayV2HTTPResponse post(DynamoDbClient dynamo, APIGatewayV2HTTPEvent event) {
    return post(handler(dynamo, workflow), event);
  }

  private static APIGatewayV2HTTPResponse post(IntakeHandler handler, APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private List<String> types(String leadId) {
    return history.of(leadId).stream().map(HistoryEvent::type).toList();
  }

  /** A start the process does not live to make: nothing after the lead's write runs. */
  private static final class DiesBeforeStarting implements com.leadhandoff.workflow.Workflow {
    @Override
    public void start(String leadId) {
      throw new IllegalStateException("killed before StartExecution");
    }

    @Override
    public Callback succeed(String taskToken, String outputJson) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Callback fail(String taskToken, String error, String cause) {
      throw new UnsupportedOperationException();
    }
  }

  private String leadId(APIGatewayV2HTTPResponse response) {
    if (response.getStatusCode() != 202) {
      throw new AssertionError(response.getStatusCode() + " " + response.getBody());
    }
    try {
      return Json.MAPPER.readTree(response.getBody()).get("leadId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static com.leadhandoff.lead.Submission submission() {
    // The fixture's address and form, as the same-submission key reads them.
    return new com.leadhandoff.lead.Submission(
        "Ana.Ruiz@Acme-Robotics.io",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "demo-request",
        null,
        null,
        null,
        List.of());
  }

  private static APIGatewayV2HTTPEvent event() {
    try {
      APIGatewayV2HTTPEvent event =
          Json.MAPPER.readValue(Fixtures.event("intake-json.json"), APIGatewayV2HTTPEvent.class);
      event.setHeaders(new HashMap<>(event.getHeaders()));
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent event, String key) {
    event.getHeaders().put("idempotency-key", key);
    return event;
  }

  /**
   * A client whose first {@code times} TransactWriteItems are cancelled as DynamoDB cancels one
   * that met another transaction on an item: reason TransactionConflict, nothing written.
   */
  private static DynamoDbClient conflicting(DynamoDbClient real, List<String> sent, int times) {
    int[] left = {times};
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("transactWriteItems")
                  && args != null
                  && args[0] instanceof TransactWriteItemsRequest request
                  && left[0]-- > 0) {
                sent.add(TRANSACTION);
                List<CancellationReason> reasons = new ArrayList<>();
                for (int i = 0; i < request.transactItems().size(); i++) {
                  reasons.add(
                      i == 0
                          ? CancellationReason.builder()
                              .code("TransactionConflict")
                              .message("Transaction is ongoing for the item")
                              .build()
                          : CancellationReason.builder().code("None").build());
                }
                throw TransactionCanceledException.builder()
                    .message("Transaction cancelled [TransactionConflict]")
                    .cancellationReasons(reasons)
                    .build();
              }
              if (args != null
                  && args.length == 1
                  && args[0] instanceof java.util.function.Consumer) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
