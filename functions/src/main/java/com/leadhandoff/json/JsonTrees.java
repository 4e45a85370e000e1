package com.leadhandoff.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON text to trees and back with Jackson's streaming parser and generator only, for the cold
 * path: building an {@code ObjectMapper} and its (de)serializers loads about 500 classes a
 * function's first request would otherwise pay for. The trees are the same {@link JsonNode}s as
 * {@code Json.MAPPER.readTree} gives (an {@code int} as an {@code IntNode}, a fraction as a {@code
 * DoubleNode}, the last of duplicate keys) and the text the same as {@code Json.MAPPER} writes.
 * Malformed text is handed to {@code Json.MAPPER}, so its error is exactly the mapper's.
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The tree of {@code json}; a missing node for blank text, as {@code Json.MAPPER} reads it. */
  public static JsonNode read(byte[] json) throws IOException {
    try {
      return readOrMissing(FACTORY.createParser(json));
    } catch (IOException e) {
      // The mapper's own error (its message, its type) for what is not JSON.
      return Json.MAPPER.readTree(json);
    }
  }

  /**
   * The tree of {@code json} when it is one JSON value with nothing after it and no key given twice
   * in an object; empty otherwise (and for blank text), for the caller to hand the text to a strict
   * reader of the mapper's, which says what is wrong.
   */
  public static java.util.Optional<JsonNode> readStrict(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return java.util.Optional.empty();
      }
      JsonNode tree = value(parser, first);
      return parser.nextToken() == null ? java.util.Optional.of(tree) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The tree of {@code json}, as {@link #read(byte[])}. */
  public static JsonNode read(String json) throws JsonProcessingException {
    try {
      return readOrMissing(FACTORY.createParser(json));
    } catch (IOException e) {
      return Json.MAPPER.readTree(json);
    }
  }

  /** The one value {@code parser} reads (closed after), or a missing node when there is none. */
  private static JsonNode readOrMissing(JsonParser parser) throws IOException {
    try (parser) {
      JsonToken first = parser.nextToken();
      return first == null ? NODES.missingNode() : value(parser, first);
    }
  }

  /**
   * A parser over {@code tree} that reads subtrees ({@code readValueAsTree}) with the same builder,
   * without an object mapper behind it.
   */
  public static JsonParser tokens(JsonNode tree) {
    return new TreeTraversingParser(tree, TreeCodecs.LEAN);
  }

  /** The value the parser is at, as a tree; the parser is left on its last token. */
  static JsonNode valueAt(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      token = parser.nextToken();
    }
    return token == null ? NODES.missingNode() : value(parser, token);
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          for (JsonToken next = parser.nextToken();
              next != JsonToken.END_OBJECT;
              next = parser.nextToken()) {
            String name = parser.currentName();
            // The last of duplicate keys wins, in the first one's place, as the mapper reads them.
            object.replace(name, value(parser, parser.nextToken()));
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          for (JsonToken next = parser.nextToken();
              next != JsonToken.END_ARRAY;
              next = parser.nextToken()) {
            array.add(value(parser, next));
          }
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("Unexpected token " + token);
    }
  }

  /** {@code tree} as compact JSON text. */
  public static String write(JsonNode tree) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      write(tree, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("A tree always writes as JSON", e);
    }
    return text.toString();
  }

  /** {@code tree} as the mapper's default pretty printer writes it. */
  public static String writePretty(JsonNode tree) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      generator.setPrettyPrinter(new DefaultPrettyPrinter());
      write(tree, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("A tree always writes as JSON", e);
    }
    return text.toString();
  }

  /** {@code tree} as compact UTF-8 JSON on {@code out}, closed after, as the mapper does. */
  public static void write(JsonNode tree, OutputStream out) throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(tree, generator);
    }
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.writeFieldName(field.getKey());
          write(field.getValue(), out);
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode element : node) {
          write(element, out);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case NUMBER -> writeNumber(node, out);
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      default -> throw new IOException("Cannot write a " + node.getNodeType() + " node lean");
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
      default -> out.writeNumber(node.decimalValue());
    }
  }
}
