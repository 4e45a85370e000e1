package com.leadhandoff.local.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Invokes the template's functions in this JVM, the way Lambda's {@code Invoke} would: what the API
 * server and the state machine engine call.
 */
public interface Functions {
  /**
   * Invokes a function synchronously.
   *
   * @param functionNameOrArn the function's name or ARN (a version or alias qualifier is ignored)
   * @param payload the event as JSON bytes
   * @return the handler's JSON result, or the error Lambda would report
   * @throws NoSuchFunctionException when the template declares no such function
   */
  Invocation invoke(String functionNameOrArn, byte[] payload);

  /** Invokes a function with a JSON event; see {@link #invoke(String, byte[])}. */
  default Invocation invoke(String functionNameOrArn, JsonNode payload) {
    try {
      return invoke(functionNameOrArn, PayloadJson.MAPPER.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload cannot be written as JSON", e);
    }
  }

  /** The names of every function that can be invoked. */
  Set<String> names();
}
