package com.leadhandoff.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.ValueTrees;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts records to DynamoDB items and back through their JSON form, so stored items stay
 * readable in the console and no mapping framework is loaded at cold start ({@link ValueTrees} maps
 * the records without Jackson's object mapper). Null fields are left out of items, and absent
 * attributes read back as null.
 */
public final class ItemCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ItemCodec() {}

  /** The record (or map) as DynamoDB attributes. */
  public static Map<String, AttributeValue> toItem(Object value) {
    JsonNode tree = ValueTrees.toTree(value);
    return toAttribute(tree).m();
  }

  /** The attribute value of any JSON-shaped value. */
  public static AttributeValue attribute(Object value) {
    return toAttribute(ValueTrees.toTree(value));
  }

  /** The item read back as {@code type}. */
  public static <T> T fromItem(Map<String, AttributeValue> item, Class<T> type) {
    return ValueTrees.convert(toNode(item), type);
  }

  /** The item as a JSON object. */
  public static ObjectNode toNode(Map<String, AttributeValue> item) {
    ObjectNode node = NODES.objectNode();
    item.forEach((name, value) -> node.set(name, toNode(value)));
    return node;
  }

  private static AttributeValue toAttribute(JsonNode node) {
    if (node.isObject()) {
      Map<String, AttributeValue> map = new LinkedHashMap<>();
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull() && !e.getValue().isMissingNode()) {
                  map.put(e.getKey(), toAttribute(e.getValue()));
                }
              });
      return AttributeValue.fromM(map);
    }
    if (node.isArray()) {
      List<AttributeValue> list = new java.util.ArrayList<>();
      node.forEach(element -> list.add(toAttribute(element)));
      return AttributeValue.fromL(list);
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.decimalValue().toPlainString());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    if (node.isNull()) {
      return AttributeValue.fromNul(true);
    }
    return AttributeValue.fromS(node.asText());
  }

  private static JsonNode toNode(AttributeValue value) {
    return switch (value.type()) {
      case S -> NODES.textNode(value.s());
      case N -> NODES.numberNode(new BigDecimal(value.n()));
      case BOOL -> NODES.booleanNode(value.bool());
      case NUL -> NODES.nullNode();
      case M -> toNode(value.m());
      case L -> {
        ArrayNode array = NODES.arrayNode();
        value.l().forEach(element -> array.add(toNode(element)));
        yield array;
      }
      case SS -> {
        ArrayNode array = NODES.arrayNode();
        value.ss().forEach(array::add);
        yield array;
      }
      default -> throw new IllegalArgumentException("Unsupported attribute type " + value.type());
    };
  }
}
