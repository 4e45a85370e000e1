package com.leadhandoff.dynamodb.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes attribute values in the wire's JSON form ({@code {"S": "text"}}, {@code {"N":
 * "42"}}, …), with DynamoDB's validation of what a value may be (API Reference, "AttributeValue").
 */
public final class AttributeValueJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AttributeValueJson() {}

  /**
   * The most maps and lists one value may be wrapped in: DynamoDB accepts a scalar inside 31 and
   * refuses 32 (Developer Guide, "Quotas": nested attribute depth of 32 levels).
   */
  static final int MAX_WRAPS = 31;

  /** Reads one attribute value. */
  public static AttributeValue read(JsonNode node) {
    return read(node, 0);
  }

  private static AttributeValue read(JsonNode node, int wraps) {
    if (node == null || !node.isObject()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    if (node.size() == 0) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (node.size() > 1) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
              + " the supported datatypes");
    }
    Map.Entry<String, JsonNode> only = node.fields().next();
    JsonNode v = only.getValue();
    return switch (only.getKey()) {
      case "S" -> new AttributeValue.S(text(v));
      case "N" -> AttributeValue.N.of(text(v));
      case "B" -> new AttributeValue.B(binary(v));
      case "BOOL" -> {
        if (!v.isBoolean()) {
          throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        yield new AttributeValue.Bool(v.booleanValue());
      }
      case "NULL" -> {
        if (!v.isBoolean() || !v.booleanValue()) {
          throw DynamoDbException.invalidParameter(
              "Null attribute value types must have the value of true");
        }
        yield new AttributeValue.Null();
      }
      case "M" -> new AttributeValue.M(readMap(v, wrap(wraps)));
      case "L" -> {
        if (!v.isArray()) {
          throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        List<AttributeValue> list = new ArrayList<>();
        int inner = wrap(wraps);
        v.forEach(e -> list.add(read(e, inner)));
        yield new AttributeValue.L(list);
      }
      case "SS" -> new AttributeValue.SS(set(v, "string", AttributeValueJson::text, t -> t));
      case "NS" ->
          new AttributeValue.NS(
              set(v, "number", e -> Numbers.parse(text(e)), n -> Numbers.format(n)));
      case "BS" -> new AttributeValue.BS(set(v, "binary", AttributeValueJson::binary, b -> b));
      default ->
          throw DynamoDbException.validation(
              "Supplied AttributeValue is empty, must contain exactly one of the supported"
                  + " datatypes");
    };
  }

  private static int wrap(int wraps) {
    if (wraps + 1 > MAX_WRAPS) {
      throw DynamoDbException.validation(
          "Nesting Levels have exceeded supported limits: Attributes in the item have nested"
              + " levels beyond supported limit");
    }
    return wraps + 1;
  }

  /** Reads a map of attribute names to values (an item, a key, a map value). */
  public static Map<String, AttributeValue> readItem(JsonNode node) {
    if (node instanceof ItemNode item && item.untouched()) {
      // Read already, by the wire or from these values.
      return new LinkedHashMap<>(item.attributeValues());
    }
    return readMap(node, 0);
  }

  private static Map<String, AttributeValue> readMap(JsonNode node, int wraps) {
    if (node == null || node.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      item.put(field.getKey(), read(field.getValue(), wraps));
    }
    return item;
  }

  /** Writes one attribute value. */
  public static ObjectNode write(AttributeValue value) {
    ObjectNode node = JSON.objectNode();
    // Java 17 has no pattern switch; the chain covers the sealed interface's ten cases.
    if (value instanceof AttributeValue.S s) {
      node.put("S", s.value());
    } else if (value instanceof AttributeValue.N n) {
      node.put("N", n.text());
    } else if (value instanceof AttributeValue.B b) {
      node.put("B", b.value().base64());
    } else if (value instanceof AttributeValue.Bool b) {
      node.put("BOOL", b.value());
    } else if (value instanceof AttributeValue.Null) {
      node.put("NULL", true);
    } else if (value instanceof AttributeValue.M m) {
      node.set("M", writeItem(m.value()));
    } else if (value instanceof AttributeValue.L l) {
      ArrayNode list = node.putArray("L");
      l.value().forEach(e -> list.add(write(e)));
    } else if (value instanceof AttributeValue.SS ss) {
      ArrayNode set = node.putArray("SS");
      ss.value().forEach(set::add);
    } else if (value instanceof AttributeValue.NS ns) {
      ArrayNode set = node.putArray("NS");
      ns.value().forEach(n -> set.add(Numbers.format(n)));
    } else if (value instanceof AttributeValue.BS bs) {
      ArrayNode set = node.putArray("BS");
      bs.value().forEach(b -> set.add(b.base64()));
    }
    return node;
  }

  /**
   * Writes a map of attribute names to values; the tree of its values is built when first used
   * ({@link ItemNode}). {@code item} must not change afterwards.
   */
  public static ObjectNode writeItem(Map<String, AttributeValue> item) {
    return ItemNode.of(item);
  }

  /** Writes one attribute value to {@code g}, as the tree of {@link #write} is written. */
  public static void write(JsonGenerator g, AttributeValue value) throws IOException {
    g.writeStartObject();
    if (value instanceof AttributeValue.S s) {
      g.writeStringField("S", s.value());
    } else if (value instanceof AttributeValue.N n) {
      g.writeStringField("N", n.text());
    } else if (value instanceof AttributeValue.B b) {
      g.writeStringField("B", b.value().base64());
    } else if (value instanceof AttributeValue.Bool b) {
      g.writeBooleanField("BOOL", b.value());
    } else if (value instanceof AttributeValue.Null) {
      g.writeBooleanField("NULL", true);
    } else if (value instanceof AttributeValue.M m) {
      g.writeFieldName("M");
      writeItem(g, m.value());
    } else if (value instanceof AttributeValue.L l) {
      g.writeArrayFieldStart("L");
      for (AttributeValue e : l.value()) {
        write(g, e);
      }
      g.writeEndArray();
    } else if (value instanceof AttributeValue.SS ss) {
      g.writeArrayFieldStart("SS");
      for (String e : ss.value()) {
        g.writeString(e);
      }
      g.writeEndArray();
    } else if (value instanceof AttributeValue.NS ns) {
      g.writeArrayFieldStart("NS");
      for (BigDecimal e : ns.value()) {
        g.writeString(Numbers.format(e));
      }
      g.writeEndArray();
    } else if (value instanceof AttributeValue.BS bs) {
      g.writeArrayFieldStart("BS");
      for (Bytes e : bs.value()) {
        g.writeString(e.base64());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Writes a map of attribute names to values to {@code g}, as {@link #writeItem}'s tree. */
  public static void writeItem(JsonGenerator g, Map<String, AttributeValue> item)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      g.writeFieldName(e.getKey());
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static String text(JsonNode v) {
    if (!v.isTextual()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    return v.textValue();
  }

  private static Bytes binary(JsonNode v) {
    try {
      return Bytes.fromBase64(text(v));
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4");
    }
  }

  /**
   * Reads a set, refusing an empty one and duplicates with DynamoDB's words ("An string set may not
   * be empty", "Input collection [a, a] contains duplicates.").
   */
  private static <T> Set<T> set(
      JsonNode v, String kind, Function<JsonNode, T> element, Function<T, Object> shown) {
    if (!v.isArray()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    if (v.isEmpty()) {
      String article = kind.equals("string") ? "An" : "A";
      throw DynamoDbException.invalidParameter(article + " " + kind + " set  may not be empty");
    }
    Set<T> set = new LinkedHashSet<>();
    List<Object> all = new ArrayList<>();
    boolean duplicate = false;
    for (JsonNode e : v) {
      T t = element.apply(e);
      all.add(shown.apply(t));
      duplicate |= !set.add(t);
    }
    if (duplicate) {
      throw DynamoDbException.invalidParameter("Input collection " + all + " contains duplicates.");
    }
    return set;
  }

  /** The number value of an N, for callers holding a JSON node. */
  static BigDecimal number(AttributeValue value) {
    return ((AttributeValue.N) value).value();
  }
}
