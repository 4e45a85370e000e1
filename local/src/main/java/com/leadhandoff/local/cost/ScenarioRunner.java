package com.leadhandoff.local.cost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.CapacityMeter;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.clock.VirtualClock;
import com.leadhandoff.local.lambda.InvocationMeter;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.template.LambdaFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drives leads through the local runtime on a virtual clock as a scenario says, and measures what
 * they used: transitions from the executions' histories, invocations and their time from the
 * functions' meter, capacity and requests from the DynamoDB engine's meter, emails from the outbox,
 * events from the bus.
 */
final class ScenarioRunner {
  private static final Duration STEP = Duration.ofMinutes(30);
  private static final Duration GIVE_UP = Duration.ofDays(14);

  private final LocalRuntime runtime;
  private final VirtualClock clock;
  private final CapacityMeter capacity;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, Integer> memory;
  private final String stateMachineArn;
  private int sequence;

  ScenarioRunner(LocalRuntime runtime, VirtualClock clock) {
    this.runtime = runtime;
    this.clock = clock;
    this.capacity =
        runtime
            .dynamoCapacity()
            .orElseThrow(() -> new IllegalStateException("the cost model needs the local engine"));
    this.memory =
        runtime.services().template().functions().stream()
            .collect(Collectors.toMap(LambdaFunction::name, LambdaFunction::memorySize));
    this.stateMachineArn = runtime.services().template().stateMachines().get(0).arn();
  }

  /** Runs {@code leads} leads through {@code scenario} one after another, and averages. */
  Measured run(Scenario scenario, int leads) {
    capacity.reset();
    runtime.invocations().reset();
    int emailsBefore = runtime.outbox().newestFirst().size();
    int eventsBefore = runtime.eventBuses().newestFirst().size();
    double transitions = 0;
    double apiRequests = 0;
    double offers = 0;
    double reminders = 0;
    Map<String, Double> toOfferEmail = new TreeMap<>();
    for (int i = 0; i < leads; i++) {
      String name = "Cost" + (++sequence);
      Map<String, Long> before = capacity.callsByTable();
      // submit() waits until the runtime is idle: Take In Lead and the offer email have run, and
      // the clock has not moved, so nothing else ran.
      String leadId = submit(name);
      capacity
          .callsByTable()
          .forEach(
              (call, count) ->
                  toOfferEmail.merge(
                      call, (double) (count - before.getOrDefault(call, 0L)), Double::sum));
      apiRequests++;
      if (scenario == Scenario.ACCEPTED_BY_FIRST_REP) {
        clock.advance(Duration.ofMinutes(3));
        runtime.engine().awaitIdle();
        String link = offerLink(name);
        get(link);
        post(link + "/accept");
        apiRequests += 2;
      }
      runUntilEnded(leadId);
      transitions += statesEntered(leadId);
      offers += mailCount("New lead for you: Dana " + name + " ");
      reminders += mailCount("Reminder: Dana " + name + " ");
    }
    double invocations = 0;
    double gbSeconds = 0;
    for (Map.Entry<String, InvocationMeter.Usage> e : runtime.invocations().usage().entrySet()) {
      InvocationMeter.Usage usage = e.getValue();
      invocations += usage.invocations();
      // Lambda bills each invocation's duration rounded up to the millisecond.
      double seconds = Math.max(usage.duration().toNanos() / 1e9, usage.invocations() * 0.001);
      gbSeconds += seconds * memory.getOrDefault(e.getKey(), 128) / 1024.0;
    }
    double writeUnits = 0;
    double readUnits = 0;
    for (CapacityMeter.Units units : capacity.totals().values()) {
      writeUnits += units.write();
      readUnits += units.read();
    }
    double calls = capacity.calls().values().stream().mapToLong(Long::longValue).sum();
    double emails = runtime.outbox().newestFirst().size() - emailsBefore;
    double events = runtime.eventBuses().newestFirst().size() - eventsBefore;
    Usage total =
        new Usage(
            transitions,
            invocations,
            gbSeconds,
            writeUnits,
            readUnits,
            calls,
            emails,
            apiRequests,
            events);
    toOfferEmail.replaceAll((call, count) -> count / leads);
    toOfferEmail.values().removeIf(count -> count == 0);
    return new Measured(
        scenario, per(total, leads), offers / leads, reminders / leads, toOfferEmail);
  }

  /**
   * The DynamoDB requests that intake and Take In Lead make for one standard lead (the demo request
   * {@link #run} posts), by operation and table, counted by the engine as {@link #run} counts them.
   * The lead's first Offer To Rep invocation is throttled, so its Retry waits on the virtual clock,
   * which does not move: what ran is intake and Take In Lead alone. Leaves the lead waiting there.
   */
  Map<String, Long> takeInRequests() {
    String offerToRep =
        runtime
            .services()
            .template()
            .functionDeclaredAs("OfferToRepFunction")
            .orElseThrow(() -> new IllegalStateException("the template has no OfferToRepFunction"))
            .name();
    runtime.faults().throttleLambda(offerToRep, 1);
    Map<String, Long> before = capacity.callsByTable();
    submit("TakeIn" + (++sequence));
    Map<String, Long> made = new TreeMap<>();
    capacity
        .callsByTable()
        .forEach(
            (call, count) -> {
              long delta = count - before.getOrDefault(call, 0L);
              if (delta != 0) {
                made.put(call, delta);
              }
            });
    return made;
  }

  private static Usage per(Usage u, int leads) {
    Function<Double, Double> each = v -> v / leads;
    return new Usage(
        each.apply(u.transitions()),
        each.apply(u.invocations()),
        each.apply(u.gbSeconds()),
        each.apply(u.writeUnits()),
        each.apply(u.readUnits()),
        each.apply(u.dynamoCalls()),
        each.apply(u.emails()),
        each.apply(u.apiRequests()),
        each.apply(u.busEvents()));
  }

  /** Posts a hot demo request from a company of its own (no owner, nothing to merge with). */
  private String submit(String name) {
    ObjectNode lead = Json.MAPPER.createObjectNode();
    String domain = name.toLowerCase(java.util.Locale.ROOT) + ".cost-model.example";
    lead.put("email", "dana@" + domain);
    lead.put("firstName", "Dana");
    lead.put("lastName", name);
    lead.put("company", name + " Robotics");
    lead.put("jobTitle", "VP Operations");
    lead.put("country", "DE");
    lead.put("companySize", 250);
    lead.put("industry", "Manufacturing");
    lead.put("formId", "demo-request");
    lead.putArray("pagesViewed").add("/pricing");
    lead.put("message", "Can we see a demo next week?");
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(runtime.baseUrl().resolve("/leads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lead.toString())));
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "intake answered " + response.statusCode() + ": " + response.body());
    }
    runtime.engine().awaitIdle();
    try {
      return Json.MAPPER.readTree(response.body()).path("leadId").asText();
    } catch (IOException e) {
      throw new IllegalStateException("intake's answer is not JSON: " + response.body(), e);
    }
  }

  /** Moves time on until the lead's execution has ended (its ladder ran out, its follow-ups). */
  private void runUntilEnded(String leadId) {
    Duration waited = Duration.ZERO;
    while (running(leadId)) {
      if (waited.compareTo(GIVE_UP) > 0) {
        throw new IllegalStateException(leadId + " still running after " + GIVE_UP);
      }
      clock.advance(STEP);
      runtime.engine().awaitIdle();
      waited = waited.plus(STEP);
    }
  }

  private boolean running(String leadId) {
    return runtime.engine().describeExecution(arn(leadId)).status() == ExecutionStatus.RUNNING;
  }

  private long statesEntered(String leadId) {
    List<HistoryEvent> history = runtime.engine().getExecutionHistory(arn(leadId));
    return history.stream().filter(e -> e.type().endsWith("StateEntered")).count();
  }

  private String arn(String leadId) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + leadId;
  }

  private String offerLink(String name) {
    return runtime.outbox().newestFirst().stream()
        .filter(m -> m.subject().startsWith("New lead for you: Dana " + name + " "))
        .findFirst()
        .flatMap(m -> m.links().stream().filter(l -> l.contains("/offers/")).findFirst())
        .orElseThrow(() -> new IllegalStateException("no offer email for " + name));
  }

  private long mailCount(String subjectStart) {
    return runtime.outbox().newestFirst().stream()
        .map(SentEmail::subject)
        .filter(s -> s.startsWith(subjectStart))
        .count();
  }

  private void get(String url) {
    send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private void post(String url) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    runtime.engine().awaitIdle();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the local runtime did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
