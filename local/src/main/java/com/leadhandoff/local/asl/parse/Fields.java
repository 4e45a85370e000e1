package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Field-level checks shared by the state parsers. */
final class Fields {
  /** Fields that exist in ASL but that this interpreter does not implement, with the reason. */
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "Credentials", "Credentials (cross-account tasks) is not supported");

  private Fields() {}

  /** Reports every field of {@code node} that is not in {@code allowed}. */
  static void onlyAllowed(JsonNode node, Set<String> allowed, String where, Problems p) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (allowed.contains(field)) {
        continue;
      }
      if (field.equals("QueryLanguage") && "JSONPath".equals(node.get(field).asText())) {
        continue;
      }
      String reason = UNSUPPORTED.get(field);
      p.add(where, reason != null ? reason : "field '" + field + "' is not supported here");
    }
  }

  static Optional<String> text(JsonNode node, String field, String where, Problems p) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      p.add(where, field + " must be a string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  static Optional<Long> positiveInteger(JsonNode node, String field, String where, Problems p) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
      p.add(where, field + " must be a positive integer, got " + value);
      return Optional.empty();
    }
    return Optional.of(value.asLong());
  }

  static Optional<Double> nonNegativeNumber(JsonNode node, String field, String where, Problems p) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isNumber() || value.asDouble() < 0) {
      p.add(where, field + " must be a non-negative number, got " + value);
      return Optional.empty();
    }
    return Optional.of(value.asDouble());
  }
}
