package com.leadhandoff.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Answers of the local AWS JSON-protocol endpoints (Step Functions, EventBridge): the body, its
 * {@code application/x-amz-json-1.x} type and a request id, as the SDK clients read them.
 */
public final class AwsJsonReplies {
  private AwsJsonReplies() {}

  /** An AWS JSON error body: {@code __type} is the code the SDK maps to an exception. */
  public static ObjectNode error(String code, String message) {
    return Json.MAPPER.createObjectNode().put("__type", code).put("message", message);
  }

  /** Sends {@code body} with {@code contentType} and a fresh {@code x-amzn-RequestId}. */
  public static void respond(HttpExchange exchange, int status, String contentType, JsonNode body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
