package com.leadhandoff.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API Gateway's HTTP API Lambda payload format 2.0: the event a function receives for a request,
 * and how the function's result becomes the HTTP response.
 */
final class PayloadV2 {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /**
   * Content types API Gateway passes as text; every other body (form posts included, and a body
   * without a content type) arrives base64-encoded.
   */
  private static final Set<String> TEXT_TYPES =
      Set.of("application/json", "application/xml", "application/javascript");

  private PayloadV2() {}

  /**
   * The event for {@code request} matched to {@code match}, received at {@code now}.
   *
   * @param iam the caller's identity when an IAM authorizer let the request through
   */
  static ObjectNode event(
      ApiRequest request,
      RouteTable.Match match,
      String accountId,
      Instant now,
      Optional<ObjectNode> iam) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.equals("cookie")) {
                for (String value : values) {
                  for (String cookie : value.split(";")) {
                    if (!cookie.isBlank()) {
                      cookies.add(cookie.trim());
                    }
                  }
                }
              } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
              }
            });
    headers.putIfAbsent("x-forwarded-for", request.sourceIp());
    headers.putIfAbsent("x-forwarded-proto", "http");
    String host = headers.getOrDefault("host", "localhost");

    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", match.route().routeKey());
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQuery());
    if (!cookies.isEmpty()) {
      ArrayNode list = event.putArray("cookies");
      cookies.forEach(list::add);
    }
    ObjectNode headerNode = event.putObject("headers");
    headers.forEach(headerNode::put);
    Map<String, String> query = query(request.rawQuery());
    if (!query.isEmpty()) {
      ObjectNode q = event.putObject("queryStringParameters");
      query.forEach(q::put);
    }
    if (!match.pathParameters().isEmpty()) {
      ObjectNode p = event.putObject("pathParameters");
      match.pathParameters().forEach(p::put);
    }

    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", accountId);
    context.put("apiId", match.route().apiId());
    iam.ifPresent(identity -> context.putObject("authorizer").set("iam", identity));
    context.put("domainName", host);
    context.put("domainPrefix", host.split("[.:]")[0]);
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", headers.getOrDefault("user-agent", ""));
    context.put("requestId", UUID.randomUUID().toString());
    context.put("routeKey", match.route().routeKey());
    context.put("stage", "$default");
    context.put("time", REQUEST_TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());

    if (request.body().length > 0) {
      Optional<String> text =
          isText(headers.get("content-type")) ? utf8(request.body()) : Optional.empty();
      if (text.isPresent()) {
        event.put("body", text.get());
        event.put("isBase64Encoded", false);
      } else {
        event.put("body", Base64.getEncoder().encodeToString(request.body()));
        event.put("isBase64Encoded", true);
      }
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  /**
   * The HTTP response for a function's result: a JSON object with a {@code statusCode} is a
   * structured response; anything else is the body of a 200 JSON response.
   */
  static ApiResponse response(byte[] result) {
    JsonNode node;
    try {
      node = JSON.readTree(result);
    } catch (IOException e) {
      return ApiResponse.message(500, "Internal Server Error");
    }
    if (node == null || !node.isObject() || !node.has("statusCode")) {
      String body =
          node != null && node.isTextual()
              ? node.asText()
              : new String(result, StandardCharsets.UTF_8);
      return new ApiResponse(
          200,
          List.of(Map.entry("content-type", "application/json")),
          body.getBytes(StandardCharsets.UTF_8));
    }
    if (!node.get("statusCode").canConvertToInt()) {
      return ApiResponse.message(500, "Internal Server Error");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    node.path("headers")
        .fields()
        .forEachRemaining(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
    node.path("multiValueHeaders")
        .fields()
        .forEachRemaining(
            h -> h.getValue().forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
    node.path("cookies").forEach(c -> headers.add(Map.entry("set-cookie", c.asText())));
    String body =
        node.path("body").isMissingNode() || node.path("body").isNull()
            ? ""
            : node.path("body").asText();
    byte[] bytes =
        node.path("isBase64Encoded").asBoolean(false)
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    return new ApiResponse(node.get("statusCode").asInt(), headers, bytes);
  }

  /**
   * {@code body} as UTF-8 text, if it is valid UTF-8. AWS documents the text types but not what
   * becomes of bytes in them that are not UTF-8; rather than turn them into U+FFFD, which would
   * lose what the client sent, the local API passes such a body base64-encoded, as it passes any
   * binary body, so the function can read it in the charset its Content-Type names.
   */
  private static Optional<String> utf8(byte[] body) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || TEXT_TYPES.contains(type);
  }

  /** Query parameters, URL-decoded, repeated names joined with commas. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.merge(name, value, (a, b) -> a + "," + b);
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
