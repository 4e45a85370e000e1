package com.leadhandoff.local.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_local/leads}: the Leads board (every lead with its status, owner, score, offers and SLA,
 * filtered by {@code ?status=&team=&rep=} on the server) and {@code /_local/leads/{leadId}}, one
 * lead with its offers and its history as a timeline.
 */
public final class LeadsPage implements HttpHandler {
  /** Where the page is mounted. */
  public static final String PATH = LocalUi.BASE + "/leads";

  private final LeadRecords records;
  private final ClockPanel clock;
  private final Pages pages;

  /**
   * @param records the stored leads
   * @param clock the runtime clock, for SLA states and countdowns
   */
  public LeadsPage(LeadRecords records, ClockPanel clock) {
    this.records = records;
    this.clock = clock;
    this.pages = new Pages(LocalUi.BASE, Optional.of(clock));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        LocalUi.send(exchange, 405, "text/plain", "The leads pages only show leads");
        return;
      }
      try {
        show(exchange);
      } catch (IllegalArgumentException malformed) {
        // A %-escape that is not one, in the path or the query.
        LocalUi.send(exchange, 400, "text/plain", "Malformed address: " + malformed.getMessage());
      }
    }
  }

  private void show(HttpExchange exchange) throws IOException {
    String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
    if (rest.isEmpty() || rest.equals("/")) {
      board(exchange);
    } else if (rest.startsWith("/") && rest.indexOf('/', 1) < 0) {
      lead(exchange, URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8));
    } else {
      html(exchange, 404, "message", "Not found", Map.of("message", "There is no such page."));
    }
  }

  private void board(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange);
    LeadFilter filter =
        new LeadFilter(chosen(query, "status"), chosen(query, "team"), chosen(query, "rep"));
    html(
        exchange,
        200,
        "leads",
        "Leads",
        LeadViews.board(records.all(), filter, clock.now(), LocalUi.BASE));
  }

  private void lead(HttpExchange exchange, String leadId) throws IOException {
    Optional<LeadRecords.LeadRecord> record = records.find(leadId);
    if (record.isEmpty()) {
      html(
          exchange,
          404,
          "message",
          "No such lead",
          Map.of("message", "There is no lead " + leadId + "."));
      return;
    }
    Map<String, Object> model =
        LeadViews.lead(record.get(), records.history(leadId), clock.now(), LocalUi.BASE);
    html(exchange, 200, "lead", "Lead " + model.get("name"), model);
  }

  private static Optional<String> chosen(Map<String, String> query, String name) {
    return Optional.ofNullable(query.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> fields = new LinkedHashMap<>();
    String raw = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.putIfAbsent(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
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
