package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Reading request members and writing response values as the awsJson 1.0 protocol does. */
final class Requests {
  private Requests() {}

  /** A string member the operation needs; ValidationException without it. */
  static String required(JsonNode request, String member) {
    return optional(request, member)
        .orElseThrow(
            () ->
                new StepFunctionsError(
                    "ValidationException",
                    "1 validation error detected: " + member + " is required."));
  }

  /** A string member that may be absent or null. */
  static Optional<String> optional(JsonNode request, String member) {
    JsonNode value = request.get(member);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** An ARN member: InvalidArn when it is not one. */
  static Optional<String> arn(JsonNode request, String member) {
    Optional<String> arn = optional(request, member);
    if (arn.isPresent() && !arn.get().startsWith("arn:")) {
      throw new StepFunctionsError("InvalidArn", "Invalid Arn: '" + arn.get() + "'");
    }
    return arn;
  }

  // The JSON protocols send timestamps as epoch seconds with a fraction.
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }
}
