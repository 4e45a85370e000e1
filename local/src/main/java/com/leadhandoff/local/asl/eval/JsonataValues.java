package com.leadhandoff.local.asl.eval;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between Jackson trees and the plain Java values the JSONata library works on. */
final class JsonataValues {
  private JsonataValues() {}

  /** A Java value for JSONata: maps, lists, numbers, strings, booleans, and its JSON null. */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Jsonata.NULL_VALUE;
    }
    return Json.MAPPER.convertValue(node, Object.class);
  }

  /**
   * The JSON of a JSONata result; empty for a value JSON cannot hold (a function). Integral numbers
   * come back as integers, as they print in JavaScript, which AWS's JSONata runs on.
   */
  static Optional<JsonNode> toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return Optional.of(NullNode.getInstance());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = Json.object();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getValue() == null) {
          continue; // an undefined field is left out, as JSON.stringify does
        }
        Optional<JsonNode> field = toJson(entry.getValue());
        if (field.isEmpty()) {
          return Optional.empty();
        }
        object.set(String.valueOf(entry.getKey()), field.get());
      }
      return Optional.of(object);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      for (Object element : list) {
        Optional<JsonNode> item = toJson(element);
        if (item.isEmpty()) {
          return Optional.empty();
        }
        array.add(item.get());
      }
      return Optional.of(array);
    }
    if (value instanceof String text) {
      return Optional.of(TextNode.valueOf(text));
    }
    if (value instanceof Boolean bool) {
      return Optional.of(BooleanNode.valueOf(bool));
    }
    if (value instanceof Number number) {
      return Optional.of(number(number));
    }
    return Optional.empty();
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short) {
      return integral(number.longValue());
    }
    if (number instanceof BigDecimal decimal) {
      return DecimalNode.valueOf(decimal);
    }
    double d = number.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
      return integral((long) d);
    }
    return DoubleNode.valueOf(d);
  }

  /**
   * The node Jackson itself reads for this integer, so parsed and computed values compare equal.
   */
  private static JsonNode integral(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  /** The JSONata type name of a JSON value, as {@code $type()} reports it. */
  static String typeOf(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isArray() ? "array" : "object";
  }
}
