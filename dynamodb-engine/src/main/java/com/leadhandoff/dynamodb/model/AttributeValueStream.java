package com.leadhandoff.dynamodb.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a map of attribute values straight from the wire's JSON tokens, as {@link
 * AttributeValueJson#readItem} reads its tree, but only when it holds nothing that reading would
 * refuse or that its tree would read differently (a repeated name within one value, say): then it
 * gives up, and the caller reads the tree, which refuses it as always, when the operation asks.
 */
public final class AttributeValueStream {
  private AttributeValueStream() {}

  /**
   * With {@code p} on the map's START_OBJECT: its values, or null to read its tree instead. Either
   * way the map is consumed, {@code p} left on its END_OBJECT.
   */
  public static Map<String, AttributeValue> readItemOrNull(JsonParser p) throws IOException {
    return map(p, 0);
  }

  private static Map<String, AttributeValue> map(JsonParser p, int wraps) throws IOException {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    boolean ok = true;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT || !ok) {
        ok = false;
        p.skipChildren();
        continue;
      }
      AttributeValue value = value(p, wraps);
      if (value == null) {
        ok = false;
      } else {
        item.put(name, value);
      }
    }
    return ok ? item : null;
  }

  /** With {@code p} on a value's START_OBJECT: the value or null; leaves it on its END_OBJECT. */
  private static AttributeValue value(JsonParser p, int wraps) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return null; // {}: refused when read from the tree
    }
    String type = p.currentName();
    JsonToken v = p.nextToken();
    AttributeValue value = typed(p, type, v, wraps);
    if (p.nextToken() == JsonToken.END_OBJECT) {
      return value;
    }
    // A second member: refused, or (a repeated name) the last one counts; the tree decides.
    do {
      p.nextToken();
      p.skipChildren();
    } while (p.nextToken() == JsonToken.FIELD_NAME);
    return null;
  }

  /** The value of member {@code type} whose token is {@code v}; consumes it whole. */
  private static AttributeValue typed(JsonParser p, String type, JsonToken v, int wraps)
      throws IOException {
    switch (type) {
      case "S":
        return v == JsonToken.VALUE_STRING ? new AttributeValue.S(p.getText()) : skip(p);
      case "N":
        if (v != JsonToken.VALUE_STRING) {
          return skip(p);
        }
        try {
          return AttributeValue.N.of(p.getText());
        } catch (RuntimeException e) {
          return null;
        }
      case "B":
        return v == JsonToken.VALUE_STRING ? bytes(p.getText()) : skip(p);
      case "BOOL":
        if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
          return new AttributeValue.Bool(v == JsonToken.VALUE_TRUE);
        }
        return skip(p);
      case "NULL":
        return v == JsonToken.VALUE_TRUE ? new AttributeValue.Null() : skip(p);
      case "M":
        if (v != JsonToken.START_OBJECT || wraps + 1 > AttributeValueJson.MAX_WRAPS) {
          return skip(p);
        }
        Map<String, AttributeValue> map = map(p, wraps + 1);
        return map == null ? null : new AttributeValue.M(map);
      case "L":
        if (v != JsonToken.START_ARRAY || wraps + 1 > AttributeValueJson.MAX_WRAPS) {
          return skip(p);
        }
        return list(p, wraps + 1);
      case "SS":
      case "NS":
      case "BS":
        return v == JsonToken.START_ARRAY ? set(p, type) : skip(p);
      default:
        return skip(p);
    }
  }

  private static AttributeValue list(JsonParser p, int wraps) throws IOException {
    List<AttributeValue> list = new ArrayList<>();
    boolean ok = true;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      AttributeValue e = ok && t == JsonToken.START_OBJECT ? value(p, wraps) : skip(p);
      if (e == null) {
        ok = false;
      } else {
        list.add(e);
      }
    }
    return ok ? new AttributeValue.L(list) : null;
  }

  /** A set with at least one element, all strings of its type, none repeated; else null. */
  private static AttributeValue set(JsonParser p, String type) throws IOException {
    Set<Object> set = new LinkedHashSet<>();
    boolean ok = true;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (!ok || t != JsonToken.VALUE_STRING) {
        ok = false;
        p.skipChildren();
        continue;
      }
      Object e = element(type, p.getText());
      ok = e != null && set.add(e);
    }
    if (!ok || set.isEmpty()) {
      return null;
    }
    return switch (type) {
      case "SS" -> new AttributeValue.SS(cast(set));
      case "NS" -> new AttributeValue.NS(cast(set));
      default -> new AttributeValue.BS(cast(set));
    };
  }

  private static Object element(String type, String text) {
    return switch (type) {
      case "SS" -> text;
      case "NS" -> {
        try {
          yield Numbers.parse(text);
        } catch (RuntimeException e) {
          yield null;
        }
      }
      default -> {
        AttributeValue.B b = bytes(text);
        yield b == null ? null : b.value();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> Set<T> cast(Set<Object> set) {
    return (Set<T>) (Set<?>) set;
  }

  private static AttributeValue.B bytes(String text) {
    try {
      return new AttributeValue.B(Bytes.fromBase64(text));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static AttributeValue skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
