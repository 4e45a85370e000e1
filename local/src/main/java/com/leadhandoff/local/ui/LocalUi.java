package com.leadhandoff.local.ui;

import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.eventbridge.BusEvent;
import com.leadhandoff.local.eventbridge.EventBuses;
import com.leadhandoff.local.ses.Outbox;
import com.leadhandoff.local.sfn.StepFunctionsBackend;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local UI, mounted at {@link #BASE}: {@code /} index, {@code /demo} lead form, {@code /thanks}
 * where the form returns, {@code /mail} the outbox as pages, {@code /outbox} the outbox as JSON
 * (for scripts and tests), {@code /executions} labelled by outcome and {@code /execution?arn=…}
 * with its states and, folded, its history, {@code /events} the events put on the buses and {@code
 * /events.json} the same as JSON. The leads board and the clock have handlers of their own ({@link
 * LeadsPage}, {@link ClockPanel}).
 */
public final class LocalUi implements HttpHandler {
  /** Where the runtime mounts the UI. */
  public static final String BASE = "/_local";

  /** Where the demo form posts: the product's own intake route. */
  static final String INTAKE = "/leads";

  private final Outbox outbox;
  private final StepFunctionsBackend executions;
  private final EventBuses buses;
  private final LeadRecords leads;
  private final Pages pages;

  /**
   * @param outbox the emails the local SES endpoint accepted
   * @param executions the local engine, for the executions pages
   * @param buses the event buses, for the events page
   */
  public LocalUi(Outbox outbox, StepFunctionsBackend executions, EventBuses buses) {
    this(outbox, executions, buses, LeadRecords.none(), Optional.empty());
  }

  /**
   * @param outbox the emails the local SES endpoint accepted
   * @param executions the local engine, for the executions pages
   * @param buses the event buses, for the events page
   * @param leads the stored leads, whose status is each execution's outcome
   * @param clock the runtime clock, shown with its controls on every page
   */
  public LocalUi(
      Outbox outbox,
      StepFunctionsBackend executions,
      EventBuses buses,
      LeadRecords leads,
      Optional<ClockPanel> clock) {
    this.outbox = outbox;
    this.executions = executions;
    this.buses = buses;
    this.leads = leads;
    this.pages = new Pages(BASE, clock);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(
            exchange,
            405,
            "text/plain",
            "The local UI only shows pages; the form posts to " + INTAKE);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String page = path.startsWith(BASE) ? path.substring(BASE.length()) : path;
      switch (page) {
        case "", "/" -> html(exchange, 200, "index", "Try the lead handoff", index());
        case "/demo" ->
            html(
                exchange,
                200,
                "demo",
                "Demo lead form",
                Map.of("action", INTAKE, "redirect", BASE + "/thanks", "email", demoAddress()));
        case "/thanks" -> html(exchange, 200, "thanks", "Thank you", Map.of());
        case "/mail" -> html(exchange, 200, "mail", "Outbox", Map.of("emails", emails()));
        case "/outbox", "/outbox.json" ->
            send(
                exchange,
                200,
                "application/json",
                Json.MAPPER.writeValueAsString(outbox.newestFirst()));
        case "/executions" ->
            html(
                exchange,
                200,
                "executions",
                "Executions",
                Map.of("machines", machines(), "refused", executions.refusedStateMachines()));
        case "/execution" -> execution(exchange, query(exchange, "arn"));
        case "/events" -> html(exchange, 200, "events", "Events", events());
        case "/events.json" ->
            send(
                exchange,
                200,
                "application/json",
                Json.MAPPER.writeValueAsString(
                    buses.newestFirst().stream().map(BusEvent::envelope).toList()));
        default ->
            html(
                exchange,
                404,
                "message",
                "Not found",
                Map.of("message", "There is no page " + path + "."));
      }
    }
  }

  /**
   * A fresh sender per form, so posting the demo form again makes a second lead instead of being
   * recognised as the same submission within the duplicate window.
   */
  private static String demoAddress() {
    return String.format(
        "ada.lovelace+%04x@analytical-engines.example",
        java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
  }

  private Map<String, Object> index() {
    long count =
        executions.listStateMachines().stream()
            .mapToLong(m -> executions.listExecutions(m.stateMachineArn(), Optional.empty()).size())
            .sum();
    return Map.of("emailCount", outbox.newestFirst().size(), "executionCount", count);
  }

  private Map<String, Object> events() {
    List<Map<String, Object>> rows = buses.newestFirst().stream().map(Views::event).toList();
    return Map.of("events", rows, "count", rows.size(), "forwarding", buses.forwarding());
  }

  private List<Map<String, Object>> emails() {
    return outbox.newestFirst().stream().map(Views::email).toList();
  }

  private List<Map<String, Object>> machines() {
    Map<String, Lead> byId = new HashMap<>();
    leads.all().forEach(r -> byId.put(r.lead().leadId(), r.lead()));
    return executions.listStateMachines().stream()
        .map(
            machine -> {
              List<Map<String, Object>> rows =
                  executions.listExecutions(machine.stateMachineArn(), Optional.empty()).stream()
                      .map(
                          e -> Views.executionRow(e, Optional.ofNullable(byId.get(e.name())), BASE))
                      .toList();
              return Map.<String, Object>of(
                  "arn", machine.stateMachineArn(),
                  "name", machine.name(),
                  "executions", rows,
                  "hasExecutions", !rows.isEmpty());
            })
        .toList();
  }

  private void execution(HttpExchange exchange, Optional<String> arn) throws IOException {
    try {
      ExecutionDescription e = executions.describeExecution(arn.orElse(""));
      html(
          exchange,
          200,
          "execution",
          e.name(),
          Views.execution(
              e,
              executions.getExecutionHistory(e.executionArn()),
              leads.find(e.name()).map(LeadRecords.LeadRecord::lead),
              BASE));
    } catch (StepFunctionsException notFound) {
      html(exchange, 404, "message", "No such execution", Map.of("message", notFound.getMessage()));
    }
  }

  private static Optional<String> query(HttpExchange exchange, String name) {
    String raw = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    return Stream.of(raw.split("&"))
        .filter(p -> p.startsWith(name + "="))
        .map(p -> URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
        .findFirst();
  }

  private void html(
      HttpExchange exchange, int status, String page, String title, Map<String, ?> model)
      throws IOException {
    send(exchange, status, "text/html; charset=utf-8", pages.render(page, title, model));
  }

  static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
