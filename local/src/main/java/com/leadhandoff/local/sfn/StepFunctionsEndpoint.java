package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.api.AwsJsonReplies;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The Step Functions API over HTTP, awsJson 1.0: {@code POST} with {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>}; errors are HTTP 400 with {@code {"__type": code, "message": …}},
 * which the SDK turns into its typed exceptions. The operation is in the header, so it can be
 * mounted at any path.
 */
public final class StepFunctionsEndpoint implements HttpHandler {
  private static final String TARGET_PREFIX = "AWSStepFunctions.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final StepFunctionsApi api;

  /**
   * An endpoint answering from {@code backend}, the local engine ({@link StepFunctionsBackend#of}).
   */
  public StepFunctionsEndpoint(StepFunctionsBackend backend) {
    this.api = new StepFunctionsApi(backend);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, error("UnknownOperationException", "Step Functions takes POST."));
        return;
      }
      try {
        String operation = operation(exchange);
        respond(exchange, 200, api.call(operation, body(exchange)));
      } catch (StepFunctionsError e) {
        respond(exchange, 400, error(e.code(), e.getMessage()));
      } catch (StepFunctionsException e) {
        respond(exchange, 400, error(e.errorCode(), e.getMessage()));
      } catch (RuntimeException e) {
        // A bug in the engine, not the caller's fault; 500 lets the SDK retry as it would on AWS.
        respond(exchange, 500, error("InternalFailure", String.valueOf(e)));
      }
    }
  }

  private static String operation(HttpExchange exchange) {
    String target =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
    if (!target.startsWith(TARGET_PREFIX)) {
      throw new StepFunctionsError(
          "UnknownOperationException", "X-Amz-Target must be AWSStepFunctions.<Operation>.");
    }
    return target.substring(TARGET_PREFIX.length());
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      JsonNode node =
          bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
      if (!node.isObject()) {
        throw new StepFunctionsError(
            "SerializationException", "The request body is not a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new StepFunctionsError("SerializationException", e.getOriginalMessage());
    }
  }

  private static ObjectNode error(String code, String message) {
    return AwsJsonReplies.error(code, message);
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    AwsJsonReplies.respond(exchange, status, CONTENT_TYPE, body);
  }
}
