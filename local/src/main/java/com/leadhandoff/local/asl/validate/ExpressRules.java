package com.leadhandoff.local.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What an EXPRESS definition may not use: the {@code .sync} and {@code .waitForTaskToken}
 * integration patterns ("Standard and Express workflow types", Step Functions developer guide).
 */
public final class ExpressRules {
  private ExpressRules() {}

  /** The first Resource anywhere in {@code definition} that Express workflows do not support. */
  public static Optional<String> unsupportedResource(JsonNode definition) {
    if (definition.isObject()) {
      JsonNode resource = definition.get("Resource");
      if (resource != null && resource.isTextual()) {
        String arn = resource.asText();
        if (arn.endsWith(".waitForTaskToken") || arn.endsWith(".sync")) {
          return Optional.of(arn);
        }
      }
    }
    for (JsonNode child : definition) {
      Optional<String> found = unsupportedResource(child);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The diagnostic message for {@code resource} in an Express definition. */
  public static String message(String resource) {
    return "Express state machine does not support '" + resource + "' service integration pattern";
  }
}
