package com.leadhandoff.local.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.HttpApi;
import com.leadhandoff.local.template.HttpRoute;
import com.leadhandoff.local.template.LocalNames;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Plays API Gateway for the template's HttpApis: request → event → function → response. */
final class ApiGatewayHandler implements HttpHandler {
  /** API Gateway's limit on a request's payload. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final RouteTable routes;
  private final Map<String, HttpApi> apis;
  private final Functions functions;
  private final Clock clock;
  private final IamAuthorizer iam;

  ApiGatewayHandler(
      RouteTable routes,
      Map<String, HttpApi> apis,
      Functions functions,
      Clock clock,
      IamAuthorizer iam) {
    this.routes = routes;
    this.apis = apis;
    this.functions = functions;
    this.clock = clock;
    this.iam = iam;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiResponse response;
      try {
        response = answer(exchange);
      } catch (RuntimeException e) {
        System.err.println("Local API could not serve " + exchange.getRequestURI() + ": " + e);
        response = ApiResponse.message(500, "Internal Server Error");
      }
      send(exchange, response);
    }
  }

  /**
   * Reads and drops what is left of the request body once the response is on the wire (and before
   * it is closed, which would reset a connection with unread input): a client that sends its whole
   * oversized body before reading then gets the 413, while one that only declared the size already
   * has it.
   */
  private static void discardUnreadBody(HttpExchange exchange) {
    try {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away; there is no one left to answer.
    }
  }

  private ApiResponse answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    Map<String, String> headers = lowerCased(exchange.getRequestHeaders());
    Optional<Cors> cors = corsFor(rawPath);

    if (Cors.isPreflight(method, headers) && cors.isPresent()) {
      Map<String, String> allowed =
          cors.get()
              .preflight(
                  headers.get("origin"),
                  Optional.ofNullable(headers.get("access-control-request-headers")));
      return new ApiResponse(204, new ArrayList<>(allowed.entrySet()), new byte[0]);
    }
    Optional<byte[]> body = declaresTooLargeABody(headers) ? Optional.empty() : readBody(exchange);
    if (body.isEmpty()) {
      return withCors(tooLarge(), cors, headers);
    }
    Optional<RouteTable.Match> match = routes.match(method, rawPath);
    if (match.isEmpty()) {
      return withCors(ApiResponse.message(404, "Not Found"), cors, headers);
    }
    String rawQuery = exchange.getRequestURI().getRawQuery();
    ApiRequest request =
        new ApiRequest(
            method,
            rawPath,
            rawQuery == null ? "" : rawQuery,
            exchange.getRequestHeaders(),
            body.get(),
            exchange.getRemoteAddress().getAddress().getHostAddress(),
            exchange.getProtocol());
    HttpRoute route = match.get().route();
    Optional<ObjectNode> caller = Optional.empty();
    if (route.iamAuthorized()) {
      caller = iam.authorize(request);
      if (caller.isEmpty()) {
        // API Gateway refuses an unsigned or badly signed call to an AWS_IAM route before the
        // function runs, with 403 and this body.
        return withCors(ApiResponse.message(403, "Forbidden"), corsForApi(route.apiId()), headers);
      }
    }
    byte[] event =
        PayloadV2.event(request, match.get(), LocalNames.ACCOUNT_ID, clock.instant(), caller)
            .toString()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Invocation result = functions.invoke(route.functionName(), event);
    ApiResponse response;
    if (result instanceof Invocation.Success success) {
      response = PayloadV2.response(success.payload());
    } else {
      Invocation.Failure failure = (Invocation.Failure) result;
      System.err.println(
          "["
              + route.functionName()
              + "] "
              + route.routeKey()
              + " failed: "
              + failure.errorType()
              + ": "
              + failure.errorMessage());
      response = ApiResponse.message(500, "Internal Server Error");
    }
    return withCors(response, corsForApi(route.apiId()), headers);
  }

  private ApiResponse withCors(
      ApiResponse response, Optional<Cors> cors, Map<String, String> headers) {
    if (cors.isEmpty()) {
      return response;
    }
    // With CORS configured, API Gateway's CORS headers replace the function's own.
    List<Map.Entry<String, String>> merged = new ArrayList<>();
    for (Map.Entry<String, String> header : response.headers()) {
      if (!header.getKey().toLowerCase(Locale.ROOT).startsWith("access-control-")) {
        merged.add(header);
      }
    }
    merged.addAll(cors.get().response(headers.get("origin")).entrySet());
    return new ApiResponse(response.status(), merged, response.body());
  }

  /** The CORS rules of the API that serves {@code rawPath}, if it has any. */
  private Optional<Cors> corsFor(String rawPath) {
    List<HttpRoute> candidates = routes.routesFor(rawPath);
    if (!candidates.isEmpty()) {
      return corsForApi(candidates.get(0).apiId());
    }
    return apis.size() == 1 ? corsForApi(apis.keySet().iterator().next()) : Optional.empty();
  }

  private Optional<Cors> corsForApi(String apiId) {
    HttpApi api = apis.get(apiId);
    return api == null ? Optional.empty() : api.cors().map(Cors::new);
  }

  /**
   * Whether {@code Content-Length} announces more than API Gateway takes. Such a body is not read
   * before answering: the 413 goes out at once, as API Gateway answers, and the connection is
   * closed after it rather than kept for a next request.
   */
  private static boolean declaresTooLargeABody(Map<String, String> headers) {
    String declared = headers.get("content-length");
    if (declared == null) {
      return false;
    }
    try {
      return Long.parseLong(declared.trim()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static ApiResponse tooLarge() {
    ApiResponse message = ApiResponse.message(413, "Request Entity Too Large");
    List<Map.Entry<String, String>> headers = new ArrayList<>(message.headers());
    headers.add(Map.entry("Connection", "close"));
    return new ApiResponse(413, headers, message.body());
  }

  /**
   * The body, read to its end (or empty past the limit, the rest drained). The stream is left open
   * for {@link #discardUnreadBody}, which then finds nothing left (a closed one would make it throw
   * and catch an IOException on every request), and closed with the exchange.
   */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      // Drain the rest so the client reads the 413 instead of a reset connection.
      in.transferTo(OutputStream.nullOutputStream());
      return Optional.empty();
    }
    return Optional.of(body);
  }

  private static Map<String, String> lowerCased(Headers headers) {
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return lower;
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    Headers out = exchange.getResponseHeaders();
    for (Map.Entry<String, String> header : response.headers()) {
      if (!header.getKey().equalsIgnoreCase("content-length")) {
        out.add(header.getKey(), header.getValue());
      }
    }
    boolean noBody =
        response.body().length == 0
            || response.status() == 204
            || response.status() == 304
            || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(response.body());
        body.flush();
        discardUnreadBody(exchange);
      }
    }
  }
}
