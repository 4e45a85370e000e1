package com.leadhandoff.local.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.api.SignedRequests;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /_local/reps}: the stored reps per team with their status, and forms to add or update a
 * rep, set out-of-office dates, pause and resume. It changes nothing itself: every read and change
 * is a SigV4-signed call to the product's admin API through the local API Gateway, as an operator's
 * script would make it.
 */
public final class RepsPage implements HttpHandler {
  /** Where the page is mounted. */
  public static final String PATH = LocalUi.BASE + "/reps";

  private final URI api;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Pages pages = new Pages(LocalUi.BASE);
  // Forms carry it back, so another site cannot make the browser post changes here.
  private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

  /**
   * @param api the local API's base URL, e.g. {@code http://localhost:3000}
   */
  public RepsPage(URI api) {
    this.api = api;
  }

  /** An admin API answer. */
  private record Answer(int status, JsonNode body) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (method.equals("GET") || method.equals("HEAD")) {
        show(exchange, 200, query(exchange, "done"), Optional.empty(), Map.of());
      } else if (method.equals("POST")) {
        change(exchange);
      } else {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
        send(exchange, 405, "text/plain", "GET shows the reps; the forms POST");
      }
    }
  }

  private void change(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        fields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!token.equals(form.get("token"))) {
      send(exchange, 403, "text/plain", "This form is stale or from elsewhere; reload the page");
      return;
    }
    String id = form.getOrDefault("id", "").trim();
    String rep = "/admin/reps/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    Answer answer =
        switch (form.getOrDefault("action", "")) {
          case "pause" -> call("POST", rep + "/pause", "");
          case "resume" -> call("POST", rep + "/resume", "");
          case "out-of-office" ->
              call(
                  "PUT",
                  rep + "/out-of-office",
                  Json.MAPPER
                      .createObjectNode()
                      .set(
                          "outOfOffice",
                          Json.MAPPER
                              .createArrayNode()
                              .add(
                                  Json.MAPPER
                                      .createObjectNode()
                                      .put("from", form.getOrDefault("from", ""))
                                      .put("until", form.getOrDefault("until", ""))))
                      .toString());
          case "save" -> save(rep, form);
          default ->
              new Answer(400, Json.MAPPER.createObjectNode().put("message", "Unknown action"));
        };
    if (answer.status() / 100 == 2) {
      String done = "Saved " + id + ": " + answer.body().at("/rep/status").asText("done");
      exchange
          .getResponseHeaders()
          .set("Location", PATH + "?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(303, -1);
      return;
    }
    show(exchange, answer.status(), Optional.empty(), Optional.of(answer.body()), form);
  }

  /** The rep as stored with the form's non-empty fields over it; a new rep from the form alone. */
  private Answer save(String rep, Map<String, String> form) {
    Answer current = call("GET", rep, "");
    ObjectNode body =
        current.status() == 200
            ? (ObjectNode) current.body().get("rep").deepCopy()
            : Json.MAPPER.createObjectNode();
    body.remove("status");
    for (String field : List.of("name", "email", "team", "timeZone")) {
      String value = form.getOrDefault(field, "").trim();
      if (!value.isEmpty()) {
        body.put(field, value);
      }
    }
    String weight = form.getOrDefault("weight", "").trim();
    if (!weight.isEmpty()) {
      // Sent as written, so "two" or "0" comes back as the API's own error on `weight`.
      body.set(
          "weight",
          weight.matches("-?\\d{1,9}")
              ? body.numberNode(Integer.parseInt(weight))
              : body.textNode(weight));
    }
    return call("PUT", rep, body.toString());
  }

  private Answer call(String method, String path, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              SignedRequests.sign(method, api.resolve(path), body),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
    } catch (IOException e) {
      return new Answer(
          502, Json.MAPPER.createObjectNode().put("message", "The admin API did not answer: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, Json.MAPPER.createObjectNode().put("message", "Interrupted"));
    }
  }

  private void show(
      HttpExchange exchange,
      int status,
      Optional<String> done,
      Optional<JsonNode> refused,
      Map<String, String> form)
      throws IOException {
    Answer list = call("GET", "/admin/reps", "");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("token", token);
    model.put("form", form);
    done.ifPresent(d -> model.put("done", d));
    List<Map<String, Object>> errors = new ArrayList<>();
    Optional<JsonNode> problem =
        refused.or(() -> list.status() == 200 ? Optional.empty() : Optional.of(list.body()));
    problem.ifPresent(
        body -> {
          model.put("hasErrors", true);
          model.put(
              "errorMessage", body.path("message").asText("The admin API refused the change"));
          body.path("errors")
              .forEach(
                  e ->
                      errors.add(
                          Map.of(
                              "field",
                              e.path("field").asText(),
                              "problem",
                              e.path("problem").asText())));
        });
    model.put("errors", errors);
    List<Map<String, Object>> teams = new ArrayList<>();
    list.body()
        .path("teams")
        .forEach(
            team -> {
              List<Map<String, Object>> reps = new ArrayList<>();
              team.path("reps").forEach(rep -> reps.add(rep(rep)));
              teams.add(
                  Map.of(
                      "id",
                      team.path("id").asText(),
                      "name",
                      team.path("name").asText(),
                      "reps",
                      reps));
            });
    model.put("teams", teams);
    send(exchange, status, "text/html; charset=utf-8", pages.render("reps", "Reps", model));
  }

  private Map<String, Object> rep(JsonNode rep) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (String field : List.of("id", "name", "email", "status", "timeZone")) {
      view.put(field, rep.path(field).asText(""));
    }
    view.put("weight", rep.path("weight").asInt(1));
    view.put("paused", rep.path("paused").asBoolean());
    List<String> away = new ArrayList<>();
    rep.path("outOfOffice")
        .forEach(a -> away.add(a.path("from").asText() + " – " + a.path("until").asText()));
    view.put("away", String.join(", ", away));
    view.put("token", token);
    return view;
  }

  private static Optional<String> query(HttpExchange exchange, String name) {
    return Optional.ofNullable(
        fields(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("")).get(name));
  }

  private static Map<String, String> fields(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        fields.putIfAbsent(
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
            equals < 0
                ? ""
                : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    LocalUi.send(exchange, status, type, body);
  }
}
