package com.leadhandoff.local.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.local.EventSchemas;
import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.clock.VirtualClock;
import com.leadhandoff.local.dynamo.Tables;
import com.leadhandoff.local.eventbridge.BusEvent;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.template.StateMachine;
import com.leadhandoff.local.template.Table;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoSlaFactsStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The product as the local runtime runs it — the real template, state machine and handlers — on a
 * virtual clock, shared by every workflow test in this JVM (the functions' SDK clients are built
 * once per JVM, as once per Lambda container, so they can only ever point at one runtime). Each
 * test starts from {@link #reset()}: no execution running, an empty outbox, no faults; tests tell
 * their leads apart by name and email rather than by which rep is next in the round robin.
 */
final class LeadHandoffRuntime {
  /** A Monday morning; the clock only moves when a test moves it. */
  static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  private static LeadHandoffRuntime shared;

  final LocalRuntime runtime;
  final VirtualClock clock;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final DynamoDbClient dynamo;
  private final DynamoLeadStore leads;
  private final DynamoLeadHistory history;
  private final String stateMachineArn;

  private LeadHandoffRuntime() {
    clock = new VirtualClock(START);
    runtime =
        LocalRuntime.builder()
            .projectRoot(Projects.root())
            .port(0)
            .inMemory(true)
            .clock(clock)
            .out(new PrintStream(new ByteArrayOutputStream()))
            .start();
    dynamo = Tables.client(runtime.services().dynamoEndpoint());
    leads = new DynamoLeadStore(dynamo, table("LeadsTable"));
    history = new DynamoLeadHistory(dynamo, table("HistoryTable"));
    List<StateMachine> machines = runtime.services().template().stateMachines();
    stateMachineArn = machines.get(0).arn();
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
  }

  /** The shared runtime, started on first use, reset for a new test. */
  static synchronized LeadHandoffRuntime fresh() {
    if (shared == null) {
      shared = new LeadHandoffRuntime();
    }
    shared.reset();
    return shared;
  }

  /** Stops what earlier tests left running, so their timers cannot fire during this one. */
  void reset() {
    runtime.engine().awaitIdle();
    for (ExecutionDescription running :
        runtime.engine().listExecutions(stateMachineArn, Optional.of(ExecutionStatus.RUNNING))) {
      runtime
          .engine()
          .stopExecution(
              running.executionArn(), Optional.of("Test.Reset"), Optional.of("next test"));
    }
    runtime.faults().clear();
    runtime.outbox().clear();
    // LeadEventsMatchTheirSchemas checks each test's events as it ends; what a workflow still
    // running published since is checked here, as the test hands the runtime on.
    checkEvents("the previous test");
    forgetLoads();
  }

  /**
   * Checks, then forgets, every event put on the buses since the last check, if the shared runtime
   * was started in this JVM.
   *
   * @param test who published them, for the failure message
   * @throws AssertionError naming each lead event that breaks its schema
   */
  static synchronized void checkEventsIfStarted(String test) {
    if (shared != null) {
      shared.checkEvents(test);
    }
  }

  private void checkEvents(String test) {
    List<String> problems = EventSchemas.problems(runtime.eventBuses().newestFirst());
    runtime.eventBuses().clear();
    if (!problems.isEmpty()) {
      throw new AssertionError("Lead events of " + test + " break their schemas: " + problems);
    }
  }

  /**
   * Deletes every rep's open-offer count, lead count and credited turn: the stopped executions left
   * offers open, and a turn credited in an earlier test would decide who gets this test's lead.
   */
  private void forgetLoads() {
    String reps = table("RepsTable");
    dynamo
        .scanPaginator(
            r ->
                r.tableName(reps)
                    .filterExpression("begins_with(repId, :load)")
                    .expressionAttributeValues(Map.of(":load", AttributeValue.fromS("load#"))))
        .items()
        .forEach(
            item ->
                dynamo.deleteItem(d -> d.tableName(reps).key(Map.of("repId", item.get("repId")))));
  }

  private String table(String logicalId) {
    return runtime.services().template().tables().stream()
        .filter(t -> t.logicalId().equals(logicalId))
        .map(Table::name)
        .findFirst()
        .orElseThrow();
  }

  // ---- driving the product ----

  /** The events the lead published, oldest first. */
  List<BusEvent> leadEvents(String leadId) {
    List<BusEvent> events =
        new java.util.ArrayList<>(
            runtime.eventBuses().newestFirst().stream()
                .filter(e -> leadId.equals(e.detail().path("leadId").asText()))
                .toList());
    java.util.Collections.reverse(events);
    return events;
  }

  /** The lead's SLA facts as stored for reports. */
  Optional<SlaFacts> slaFacts(String leadId) {
    DynamoSlaFactsStore store = new DynamoSlaFactsStore(dynamo, table("SlaFactsTable"));
    java.time.LocalDate day =
        leads
            .find(leadId)
            .orElseThrow()
            .receivedAt()
            .atZone(java.time.ZoneOffset.UTC)
            .toLocalDate();
    return store.receivedOn(day).stream().filter(f -> f.leadId().equals(leadId)).findFirst();
  }

  /** Posts a lead as JSON to the product's intake, waits for its workflow to settle. */
  String submit(Map<String, ?> fields) {
    Response response = postJson("/leads", Json.MAPPER.valueToTree(fields).toString());
    if (response.status() != 202) {
      throw new AssertionError("intake answered " + response.status() + ": " + response.body());
    }
    settle();
    return response.json().get("leadId").asText();
  }

  /** Lets every execution run until it waits for a timer or a callback. */
  void settle() {
    runtime.engine().awaitIdle();
  }

  /**
   * Moves time on to the next weekday's 09:00 UTC (10:00 in Berlin, 03:00 in Chicago), or leaves it
   * if it is that moment now: tests that count on the teams' hours at that hour run after tests
   * that moved the shared clock on.
   */
  void atWeekdayNineUtc() {
    Instant now = clock.now();
    java.time.LocalDate day = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    Instant nine = day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
    while (nine.isBefore(now)
        || day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY
        || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
      nine = day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
    }
    clock.advanceTo(nine);
    settle();
  }

  /** Moves time on; every timer due meanwhile fires at its own time, and its effects settle. */
  void advance(Duration duration) {
    clock.advance(duration);
    settle();
  }

  Response get(String pathOrUrl) {
    return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
  }

  Response postForm(String pathOrUrl, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response postJson(String pathOrUrl, String json) {
    return send(
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts {@code body} as it is, bytes and all, with {@code contentType}. */
  Response post(String pathOrUrl, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String pathOrUrl) {
    return pathOrUrl.startsWith("http")
        ? URI.create(pathOrUrl)
        : runtime.baseUrl().resolve(pathOrUrl);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---- what happened ----

  /** How many executions the state machine has had, running or not. */
  int executionCount() {
    return runtime.engine().listExecutions(stateMachineArn, Optional.empty()).size();
  }

  Lead lead(String leadId) {
    return leads.find(leadId).orElseThrow(() -> new AssertionError("no lead " + leadId));
  }

  /** Stores a lead as intake does, without starting its workflow (intake died in between). */
  void store(Lead lead) {
    leads.create(lead);
  }

  /** The directory tables as the functions read them, to change a rep for one test. */
  DynamoDirectory directory() {
    return new DynamoDirectory(dynamo, table("TeamsTable"), table("RepsTable"));
  }

  List<HistoryEvent> leadHistory(String leadId) {
    return history.of(leadId);
  }

  /** The lead's execution, named after the lead. */
  ExecutionDescription execution(String leadId) {
    return runtime.engine().describeExecution(executionArn(leadId));
  }

  /** The states the lead's execution entered, in order, by name. */
  List<String> statesEntered(String leadId) {
    return runtime.engine().getExecutionHistory(executionArn(leadId)).stream()
        .filter(e -> e.type().endsWith("StateEntered"))
        .map(e -> e.detail("name").orElseThrow())
        .toList();
  }

  /** The AWS event types of the lead's execution history, in order. */
  List<String> eventTypes(String leadId) {
    return runtime.engine().getExecutionHistory(executionArn(leadId)).stream()
        .map(com.leadhandoff.local.asl.engine.HistoryEvent::type)
        .toList();
  }

  private String executionArn(String leadId) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + leadId;
  }

  /** Emails whose subject mentions {@code text}, oldest first. */
  List<SentEmail> mailAbout(String text) {
    return oldestFirst().stream().filter(m -> m.subject().contains(text)).toList();
  }

  /** Emails to {@code address}, oldest first. */
  List<SentEmail> mailTo(String address) {
    return oldestFirst().stream().filter(m -> m.isFor(address)).toList();
  }

  private List<SentEmail> oldestFirst() {
    List<SentEmail> newest = runtime.outbox().newestFirst();
    return java.util.stream.IntStream.range(0, newest.size())
        .mapToObj(i -> newest.get(newest.size() - 1 - i))
        .toList();
  }

  /**
   * The prospect's address, at a company domain of the test's own: the tests share one runtime, and
   * a lead from the domain of a lead another test's rep accepted would go to that rep first.
   */
  static String email(String lastName) {
    String name = lastName.toLowerCase(Locale.ROOT);
    return "dana." + name + "@" + name + ".acme-robotics.io";
  }

  /**
   * A VP at a mid-size German manufacturer asking for a demo: scores hot, well above the threshold,
   * and goes to inbound-sales (Berlin hours) by the demo routing rules.
   */
  static Map<String, Object> demoRequest(String lastName) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("email", email(lastName));
    lead.put("firstName", "Dana");
    lead.put("lastName", lastName);
    lead.put("company", "Acme Robotics");
    lead.put("jobTitle", "VP Operations");
    lead.put("country", "DE");
    lead.put("companySize", 250);
    lead.put("industry", "Manufacturing");
    lead.put("formId", "demo-request");
    lead.put("pagesViewed", List.of("/pricing", "/case-studies/warehouse-automation"));
    lead.put("message", "Can we see a demo next week?");
    return lead;
  }

  /** The offer link in an offer email. */
  static String offerLink(SentEmail offer) {
    return offer.links().stream()
        .filter(l -> l.contains("/offers/"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no offer link in " + offer.subject()));
  }

  /** An HTTP answer. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }
}
