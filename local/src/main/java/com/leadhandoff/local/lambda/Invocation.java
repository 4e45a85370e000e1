package com.leadhandoff.local.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of one invocation: the handler's result, or the error it ended with. */
public sealed interface Invocation {
  /**
   * The handler returned.
   *
   * @param payload its result as JSON bytes ({@code null} is the JSON text {@code null})
   */
  record Success(byte[] payload) implements Invocation {
    /** The result as a JSON tree. */
    public JsonNode json() {
      try {
        return PayloadJson.MAPPER.readTree(payload);
      } catch (IOException e) {
        throw new UncheckedIOException("Function result is not JSON", e);
      }
    }
  }

  /**
   * The handler threw, as the Java Lambda runtime reports it; Step Functions matches {@code
   * errorType} in Retry and Catch.
   *
   * @param errorType the exception's fully qualified class name
   * @param errorMessage the exception's message (may be empty)
   * @param stackTrace the exception's stack frames
   */
  record Failure(String errorType, String errorMessage, List<String> stackTrace)
      implements Invocation {
    /** The error in the JSON shape Lambda returns it. */
    public byte[] payload() {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("errorMessage", errorMessage);
      error.put("errorType", errorType);
      error.put("stackTrace", stackTrace);
      try {
        return PayloadJson.MAPPER.writeValueAsBytes(error);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Failure of(Throwable error) {
      return new Failure(
          error.getClass().getName(),
          error.getMessage() == null ? "" : error.getMessage(),
          java.util.Arrays.stream(error.getStackTrace()).map(String::valueOf).toList());
    }
  }
}
