package com.leadhandoff.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event pattern (EventBridge User Guide, "Event patterns"), for the matching this
 * runtime needs: a field's pattern is a list of values, one of which the event's value must equal
 * (strings, numbers, booleans, null; an array in the event matches when any element does), or
 * {@code {"prefix": "…"}}; a nested map matches the nested object. Every field named must match; a
 * field the event lacks matches nothing. Other content filters are refused, not ignored.
 */
public final class EventPattern {
  private final Map<String, Object> pattern;

  private EventPattern(Map<String, Object> pattern) {
    this.pattern = pattern;
  }

  /**
   * Reads a pattern as the template gives it (maps, lists and scalars).
   *
   * @throws IllegalArgumentException naming the field whose pattern is not supported
   */
  public static EventPattern of(Map<String, Object> pattern) {
    check(pattern, "");
    return new EventPattern(pattern);
  }

  /** Whether {@code event} matches. */
  public boolean matches(JsonNode event) {
    return matches(pattern, event);
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> pattern, JsonNode event) {
    for (Map.Entry<String, Object> field : pattern.entrySet()) {
      JsonNode value = event.get(field.getKey());
      if (value == null || value.isMissingNode()) {
        return false;
      }
      if (field.getValue() instanceof Map<?, ?> nested) {
        if (!value.isObject() || !matches((Map<String, Object>) nested, value)) {
          return false;
        }
      } else if (!anyMatches((List<Object>) field.getValue(), value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyMatches(List<Object> allowed, JsonNode value) {
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (anyMatches(allowed, element)) {
          return true;
        }
      }
      return false;
    }
    for (Object candidate : allowed) {
      if (matchesOne(candidate, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesOne(Object candidate, JsonNode value) {
    if (candidate == null) {
      return value.isNull();
    }
    if (candidate instanceof Map<?, ?> filter) {
      Object prefix = filter.get("prefix");
      return value.isTextual() && value.asText().startsWith(String.valueOf(prefix));
    }
    if (candidate instanceof Number number) {
      return value.isNumber()
          && value.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
    }
    if (candidate instanceof Boolean bool) {
      return value.isBoolean() && value.asBoolean() == bool;
    }
    return value.isTextual() && value.asText().equals(candidate.toString());
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> pattern, String at) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("Event pattern" + where(at) + " is empty");
    }
    pattern.forEach(
        (key, value) -> {
          String field = at.isEmpty() ? key : at + "." + key;
          if (value instanceof Map<?, ?> nested) {
            check((Map<String, Object>) nested, field);
          } else if (value instanceof List<?> list) {
            for (Object candidate : list) {
              if (candidate instanceof Map<?, ?> filter
                  && !(filter.size() == 1 && filter.get("prefix") instanceof String)) {
                throw new IllegalArgumentException(
                    "Event pattern field "
                        + field
                        + " uses "
                        + filter.keySet()
                        + "; the local runtime matches exact values and prefix only");
              }
            }
          } else {
            throw new IllegalArgumentException(
                "Event pattern field " + field + " must be an array or an object, was " + value);
          }
        });
  }

  private static String where(String at) {
    return at.isEmpty() ? "" : " at " + at;
  }

  @Override
  public String toString() {
    return pattern.toString();
  }
}
