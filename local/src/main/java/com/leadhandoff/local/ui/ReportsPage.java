package com.leadhandoff.local.ui;

import com.leadhandoff.intake.FieldError;
import com.leadhandoff.report.SlaReportRequest;
import com.leadhandoff.sla.SlaFactsStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_local/reports}: the SLA report of a period (by team, rep, source, campaign or tier, as
 * {@code GET /admin/reports/sla} answers it) with its charts, served as PNG at {@code
 * /_local/reports/chart/NAME.png} with the same query. Without a query it shows the last 28 days
 * (UTC, by the runtime clock) by team.
 */
public final class ReportsPage implements HttpHandler {
  /** Where the page is mounted. */
  public static final String PATH = LocalUi.BASE + "/reports";

  private static final String CHART = "/chart/";

  private final SlaFactsStore facts;
  private final ClockPanel clock;
  private final Pages pages;

  /**
   * @param facts the SLA facts the product stored
   * @param clock the runtime clock: the default period ends on its day
   */
  public ReportsPage(SlaFactsStore facts, ClockPanel clock) {
    this.facts = facts;
    this.clock = clock;
    this.pages = new Pages(LocalUi.BASE, Optional.of(clock));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        LocalUi.send(exchange, 405, "text/plain", "The reports pages only show reports");
        return;
      }
      String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
      Map<String, String> query;
      try {
        query = withDefaults(query(exchange));
      } catch (IllegalArgumentException malformed) {
        LocalUi.send(exchange, 400, "text/plain", "Malformed address: " + malformed.getMessage());
        return;
      }
      SlaReportRequest.Parsed parsed = SlaReportRequest.parse(query);
      if (rest.isEmpty() || rest.equals("/")) {
        page(exchange, query, parsed);
      } else if (rest.startsWith(CHART) && rest.endsWith(".png")) {
        chart(exchange, rest.substring(CHART.length(), rest.length() - ".png".length()), parsed);
      } else {
        html(exchange, 404, "message", "Not found", Map.of("message", "There is no such page."));
      }
    }
  }

  private void page(
      HttpExchange exchange, Map<String, String> query, SlaReportRequest.Parsed parsed)
      throws IOException {
    if (parsed.request().isEmpty()) {
      Map<String, Object> model =
          ReportViews.form(query.get("from"), query.get("to"), query.get("groupBy"));
      model.put("errors", errors(parsed.errors()));
      model.put("hasErrors", true);
      html(exchange, 400, "reports", "Reports", model);
      return;
    }
    ReportFigures figures = ReportFigures.read(facts, parsed.request().get());
    html(exchange, 200, "reports", "Reports", ReportViews.page(figures, LocalUi.BASE));
  }

  private void chart(HttpExchange exchange, String name, SlaReportRequest.Parsed parsed)
      throws IOException {
    if (!ReportFigures.CHARTS.contains(name)) {
      LocalUi.send(
          exchange, 404, "text/plain", "No chart " + name + "; there are " + ReportFigures.CHARTS);
      return;
    }
    if (parsed.request().isEmpty()) {
      LocalUi.send(exchange, 400, "text/plain", String.join("; ", errors(parsed.errors())));
      return;
    }
    byte[] png = ReportFigures.read(facts, parsed.request().get()).chart(name).orElseThrow();
    exchange.getResponseHeaders().set("Content-Type", "image/png");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(200, head ? -1 : png.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(png);
      }
    }
  }

  /** The last 28 days by team, for whatever the query leaves out. */
  private Map<String, String> withDefaults(Map<String, String> query) {
    LocalDate today = clock.now().at().atZone(ZoneOffset.UTC).toLocalDate();
    Map<String, String> filled = new LinkedHashMap<>(query);
    filled.putIfAbsent("to", today.toString());
    filled.putIfAbsent(
        "from", LocalDate.parse(orToday(filled.get("to"), today)).minusDays(27).toString());
    filled.putIfAbsent("groupBy", "team");
    return filled;
  }

  private static String orToday(String to, LocalDate today) {
    try {
      return LocalDate.parse(to.strip()).toString();
    } catch (RuntimeException e) {
      return today.toString();
    }
  }

  private static List<String> errors(List<FieldError> errors) {
    return errors.stream().map(e -> e.field() + " " + e.problem()).toList();
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> fields = new LinkedHashMap<>();
    String raw = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        if (!value.isBlank()) {
          fields.putIfAbsent(
              URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), value);
        }
      }
    }
    return fields;
  }

  private void html(
      HttpExchange exchange, int status, String page, String title, Map<String, ?> model)
      throws IOException {
    LocalUi.send(exchange, status, "text/html; charset=utf-8", pages.render(page, title, model));
  }
}
