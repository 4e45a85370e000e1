package com.leadhandoff.local.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.api.AwsJsonReplies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * The EventBridge API over HTTP, awsJson 1.1: {@code POST} with {@code X-Amz-Target:
 * AWSEvents.<Operation>}; errors are HTTP 400 with {@code {"__type": code, "message": …}}. Only
 * PutEvents is served: the buses come from the template, not from CreateEventBus.
 */
public final class EventBridgeEndpoint implements HttpHandler {
  private static final String TARGET_PREFIX = "AWSEvents.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final PutEvents putEvents;

  /**
   * @param buses the buses events may be put on
   * @param account the account id events carry
   * @param region the region events carry
   */
  public EventBridgeEndpoint(EventBuses buses, Clock clock, String account, String region) {
    this.putEvents = new PutEvents(buses, clock, account, region);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        if (!"POST".equals(exchange.getRequestMethod())) {
          throw new EventBridgeError("UnknownOperationException", "EventBridge takes POST.");
        }
        String target =
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
        if (!target.equals(TARGET_PREFIX + "PutEvents")) {
          throw new EventBridgeError(
              "UnknownOperationException",
              "The local runtime serves AWSEvents.PutEvents only, not " + target + ".");
        }
        respond(exchange, 200, putEvents.call(body(exchange)));
      } catch (EventBridgeError e) {
        respond(exchange, 400, error(e.code(), e.getMessage()));
      } catch (RuntimeException e) {
        respond(exchange, 500, error("InternalException", String.valueOf(e)));
      }
    }
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      JsonNode node = Json.MAPPER.readTree(in.readAllBytes());
      if (node == null || !node.isObject()) {
        throw new EventBridgeError(
            "SerializationException", "The request body is not a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new EventBridgeError("SerializationException", e.getOriginalMessage());
    }
  }

  private static ObjectNode error(String code, String message) {
    return AwsJsonReplies.error(code, message);
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    AwsJsonReplies.respond(exchange, status, CONTENT_TYPE, body);
  }
}
