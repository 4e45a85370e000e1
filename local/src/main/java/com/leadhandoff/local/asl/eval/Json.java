package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The one Jackson mapper of the interpreter and small helpers around it. */
public final class Json {
  /** Shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses {@code text}, or empty if it is not JSON. */
  public static Optional<JsonNode> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text of {@code node}. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
