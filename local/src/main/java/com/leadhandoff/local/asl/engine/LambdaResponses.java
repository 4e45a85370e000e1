package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.Random;
import java.util.UUID;

/** Invokes functions and shapes results as the Lambda integrations of Step Functions do. */
final class LambdaResponses {
  private LambdaResponses() {}

  /** Calls the invoker; anything the handler throws is treated as a function error. */
  static JsonNode invoke(LambdaInvoker invoker, String function, JsonNode payload)
      throws LambdaFailure {
    try {
      JsonNode output = invoker.invoke(function, payload);
      return output == null ? NullNode.getInstance() : output;
    } catch (LambdaFailure failure) {
      throw failure;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // What the Java Lambda runtime reports for a handler that throws: the throwable's class.
      throw LambdaFailure.fromException(e);
    }
  }

  /** The Invoke API response {@code arn:aws:states:::lambda:invoke} returns as its result. */
  static ObjectNode invokeResponse(JsonNode payload, Random random) {
    String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
    ObjectNode response = Json.object();
    response.put("ExecutedVersion", "$LATEST");
    response.set("Payload", payload);
    ObjectNode http = response.putObject("SdkHttpMetadata");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Content-Type", "application/json");
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    response.put("StatusCode", 200);
    return response;
  }
}
