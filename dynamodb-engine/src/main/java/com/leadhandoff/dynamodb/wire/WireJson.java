package com.leadhandoff.dynamodb.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.model.AttributeValueStream;
import com.leadhandoff.dynamodb.model.ItemNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request body read into a JSON tree, and a response tree written, straight through the mapper's
 * streaming parser and generator: the same trees and bytes as the mapper's {@code readTree} and
 * {@code writeValueAsBytes}, without looking up a deserializer or serializer and building their
 * contexts on every request (about a fifth of the engine's JSON time).
 */
final class WireJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The request members that are maps of attribute values, wherever they appear (a request's, a
   * transaction item's, a batch write's): an item, a key, the expression values, a start key.
   */
  private static final Set<String> ATTRIBUTE_MAPS =
      Set.of("Item", "Key", "ExpressionAttributeValues", "ExclusiveStartKey");

  private final ObjectMapper mapper;
  private final JsonFactory factory;

  WireJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.factory = mapper.getFactory();
  }

  /**
   * The JSON object {@code body} holds, with nothing after it; empty if it holds anything else
   * (malformed JSON, another kind of value, trailing tokens), which the wire refuses alike. The
   * maps of attribute values it names {@link #ATTRIBUTE_MAPS} are read into their values as they go
   * by ({@link ItemNode#read}), where nothing in them would be refused.
   */
  Optional<ObjectNode> readObject(byte[] body) {
    try (JsonParser p = factory.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      // Offsets into the body, to give a map read into values its tree too; a body in UTF-16 or
      // UTF-32 (which the parser reads as characters) has none, and is read as a tree only.
      boolean offsets = p.currentTokenLocation().getByteOffset() >= 0;
      ObjectNode root = NODES.objectNode();
      // Containers still being filled, innermost last.
      ArrayDeque<JsonNode> open = new ArrayDeque<>();
      open.push(root);
      String field = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          field = p.currentName();
          continue;
        }
        JsonNode container = open.peek();
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          open.pop();
          if (open.isEmpty()) {
            break;
          }
          continue;
        }
        JsonNode value;
        boolean opened = false;
        if (t == JsonToken.START_OBJECT
            && offsets
            && container instanceof ObjectNode
            && ATTRIBUTE_MAPS.contains(field)) {
          value = attributeMap(p, body);
        } else if (t == JsonToken.START_OBJECT) {
          value = NODES.objectNode();
          opened = true;
        } else if (t == JsonToken.START_ARRAY) {
          value = NODES.arrayNode();
          opened = true;
        } else {
          value = scalar(p, t);
        }
        if (container instanceof ObjectNode object) {
          // A repeated name keeps its first place and takes the last value, as readTree does.
          object.replace(field, value);
        } else {
          ((ArrayNode) container).add(value);
        }
        if (opened) {
          open.push(value);
        }
      }
      if (!open.isEmpty() || p.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * With {@code p} on the START_OBJECT of a map of attribute values: the map read into its values,
   * or its tree where reading it would refuse it (the operation then refuses it as always, in its
   * own order of checks); {@code p} left on its END_OBJECT.
   */
  private JsonNode attributeMap(JsonParser p, byte[] body) throws IOException {
    long start = p.currentTokenLocation().getByteOffset();
    Map<String, AttributeValue> values = AttributeValueStream.readItemOrNull(p);
    long end = p.currentTokenLocation().getByteOffset() + 1;
    if (start < 0 || end <= start || end > body.length) {
      throw new IllegalStateException("The parser gave no byte offsets for " + start + ".." + end);
    }
    if (values == null) {
      return tree(body, (int) start, (int) (end - start));
    }
    return ItemNode.read(values, () -> children(tree(body, (int) start, (int) (end - start))));
  }

  private ObjectNode tree(byte[] body, int offset, int length) {
    try {
      return (ObjectNode) mapper.readTree(body, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, JsonNode> children(ObjectNode node) {
    Map<String, JsonNode> children = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      children.put(e.getKey(), e.getValue());
    }
    return children;
  }

  /** The node of a scalar token, of the type the mapper's tree deserializer makes by default. */
  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      default -> throw new IOException("Unexpected token " + t);
    };
  }

  /** {@code node} as JSON bytes, as the mapper writes it. */
  byte[] write(JsonNode node) throws IOException {
    ByteArrayBuilder out = new ByteArrayBuilder(1024);
    try (JsonGenerator g = factory.createGenerator(out)) {
      write(g, node);
    }
    return out.toByteArray();
  }

  private void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node instanceof ItemNode item && item.writtenAsValues()) {
      // An item nobody read: from its values, with no tree built for them.
      AttributeValueJson.writeItem(g, item.attributeValues());
    } else if (node instanceof ObjectNode object) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        g.writeFieldName(field.getKey());
        write(g, field.getValue());
      }
      g.writeEndObject();
    } else if (node instanceof ArrayNode array) {
      g.writeStartArray();
      for (JsonNode element : array) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else if (node.isNumber()) {
      // As each numeric node writes itself.
      switch (node.numberType()) {
        case INT -> g.writeNumber(node.intValue());
        case LONG -> g.writeNumber(node.longValue());
        case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
        case FLOAT -> g.writeNumber(node.floatValue());
        case DOUBLE -> g.writeNumber(node.doubleValue());
        default -> g.writeNumber(node.decimalValue());
      }
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isNull()) {
      g.writeNull();
    } else {
      mapper.writeTree(g, node);
    }
  }
}
