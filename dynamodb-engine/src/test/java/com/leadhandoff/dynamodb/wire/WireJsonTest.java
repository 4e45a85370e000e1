package com.leadhandoff.dynamodb.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.model.ItemNode;
import com.leadhandoff.dynamodb.model.RandomItems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wire's streaming reader and writer give the trees and bytes the engine's mapper gives
 * (readTree refusing trailing tokens, writeValueAsBytes), and refuse what it refuses.
 */
class WireJsonTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final WireJson wire = new WireJson(MAPPER);

  @Test
  void requests_readAsTheMapperReadsThem_andWriteBackTheSameBytes() throws Exception {
    List<String> bodies =
        List.of(
            "{}",
            "{\"TableName\":\"Leads\",\"Item\":{\"id\":{\"S\":\"lead#1\"},\"n\":{\"N\":\"1.50\"}}}",
            "{\"a\":1,\"b\":-2147483649,\"c\":123456789012345678901234567890,\"d\":1.5e300,"
                + "\"e\":-0.0,\"f\":true,\"g\":false,\"h\":null,\"i\":[],\"j\":[[{}],[1,\"x\"]]}",
            "{\"dup\":1,\"other\":2,\"dup\":{\"x\":[3]}}",
            " \n{\"esc\":\"\\u00e9\\ud83d\\ude00\\\"\\n\\/\",\"\\u0041\":\"k\"} \t",
            "{\"TransactItems\":[{\"Put\":{\"TableName\":\"T\",\"Item\":{\"k\":{\"L\":[{\"M\":{}},"
                + "{\"NULL\":true},{\"BOOL\":false},{\"SS\":[\"a\",\"b\"]}]}}}}]}");
    for (String body : bodies) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      JsonNode expected = MAPPER.readTree(bytes);

      JsonNode read = wire.readObject(bytes).orElseThrow();

      assertEquals(expected, read, body);
      assertEquals(expected.toString(), read.toString(), body);
      assertArrayEquals(MAPPER.writeValueAsBytes(expected), wire.write(read), body);
    }
  }

  @Test
  void randomTrees_readAndWriteAsTheMapperDoes() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      String body = object(random, 0);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      JsonNode expected = MAPPER.readTree(bytes);

      JsonNode read = wire.readObject(bytes).orElseThrow();

      assertEquals(expected, read, body);
      assertArrayEquals(MAPPER.writeValueAsBytes(expected), wire.write(read), body);
    }
  }

  @Test
  void items_writtenFromTheirValues_areTheBytesOfTheirTrees() throws Exception {
    Random random = new Random(3);
    for (int i = 0; i < 1_000; i++) {
      Map<String, AttributeValue> item = RandomItems.item(random, 0);
      ObjectNode response = JsonNodeFactory.instance.objectNode();
      response.set("Item", AttributeValueJson.writeItem(item));
      response.putArray("Items").add(AttributeValueJson.writeItem(item));
      // The mapper builds the trees (nothing touched them yet for the wire to write).
      byte[] fromValues = wire.write(response);

      assertArrayEquals(MAPPER.writeValueAsBytes(response), fromValues);
      assertArrayEquals(fromValues, wire.write(response));
    }
  }

  @Test
  void anItemChangedAsATree_isWrittenAsChanged() throws Exception {
    ObjectNode item = AttributeValueJson.writeItem(Map.of("id", new AttributeValue.S("lead#1")));
    item.putObject("extra").put("S", "x");

    assertEquals(
        "{\"id\":{\"S\":\"lead#1\"},\"extra\":{\"S\":\"x\"}}",
        new String(wire.write(item), StandardCharsets.UTF_8));
  }

  @Test
  void attributeMaps_readAsTheirTreesRead_andKeepTheRequestsTree() throws Exception {
    Random random = new Random(9);
    List<String> maps = new ArrayList<>(ODD_MAPS);
    for (int i = 0; i < 500; i++) {
      maps.add(MAPPER.writeValueAsString(RandomItems.eagerTree(RandomItems.item(random, 0))));
    }
    for (String map : maps) {
      for (String member : List.of("Item", "Key", "ExpressionAttributeValues", "Other")) {
        String body = "{\"TableName\":\"T\",\"" + member + "\":" + map + ",\"Limit\":1}";
        for (byte[] bytes :
            List.of(
                body.getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_16BE))) {
          JsonNode expected = MAPPER.readTree(bytes);

          JsonNode read = wire.readObject(bytes).orElseThrow();

          assertEquals(outcome(expected.get(member)), outcome(read.get(member)), body);
          assertEquals(expected, read, body);
          assertEquals(expected.toString(), read.toString(), body);
          assertArrayEquals(MAPPER.writeValueAsBytes(expected), wire.write(read), body);
        }
      }
    }
  }

  @Test
  void aMapReadingAccepts_reachesTheOperationAsValues_oneItRefuses_asItsTree() {
    byte[] good =
        "{\"Item\":{\"id\":{\"S\":\"lead#1\"}},\"Key\":{\"id\":{\"S\":1}}}"
            .getBytes(StandardCharsets.UTF_8);

    JsonNode read = wire.readObject(good).orElseThrow();

    assertTrue(read.get("Item") instanceof ItemNode item && item.untouched());
    assertFalse(read.get("Key") instanceof ItemNode);
  }

  /** Maps that reading refuses, or whose tree reads in a way of its own. */
  private static final List<String> ODD_MAPS =
      List.of(
          "{}",
          "{\"a\":{}}",
          "{\"a\":{\"S\":1}}",
          "{\"a\":{\"S\":\"x\",\"N\":\"1\"}}",
          "{\"a\":{\"S\":\"x\",\"S\":\"y\"}}",
          "{\"a\":{\"N\":\"abc\"}}",
          "{\"a\":{\"N\":\"1.50\"},\"b\":{\"NS\":[\"1\",\"2.0\"]}}",
          "{\"a\":{\"NS\":[\"1\",\"1.0\"]}}",
          "{\"a\":{\"NULL\":false}}",
          "{\"a\":{\"NULL\":true},\"b\":{\"BOOL\":\"true\"}}",
          "{\"a\":{\"B\":\"!!\"}}",
          "{\"a\":{\"SS\":[]}}",
          "{\"a\":{\"SS\":[\"x\",\"x\"]}}",
          "{\"a\":{\"SS\":[\"x\",1]}}",
          "{\"a\":{\"BS\":[\"AQ==\",\"AQ==\"]}}",
          "{\"a\":{\"M\":null}}",
          "{\"a\":{\"M\":{\"b\":{\"L\":[{\"S\":\"c\"},1]}}}}",
          "{\"a\":{\"L\":null}}",
          "{\"a\":{\"X\":\"y\"}}",
          "{\"a\":\"S\"}",
          "{\"a\":null}",
          "{\"a\":{\"S\":\"1\"},\"a\":{\"N\":\"2\"}}",
          "{\"a\":{\"S\":\"1\"},\"a\":{}}",
          "{\"a\":{},\"a\":{\"S\":\"1\"}}",
          nested(31),
          nested(32));

  /** A string {@code wraps} maps deep. */
  private static String nested(int wraps) {
    return "{\"a\":" + "{\"M\":{\"b\":".repeat(wraps) + "{\"S\":\"x\"}" + "}}".repeat(wraps) + "}";
  }

  /** What reading a map gives: its values, or the refusal's type and message. */
  private static Object outcome(JsonNode map) {
    try {
      return AttributeValueJson.readItem(map);
    } catch (DynamoDbException e) {
      return e.type() + ": " + e.getMessage();
    }
  }

  @Test
  void whatTheMapperRefusesOrIsNoObject_isRefused() {
    List<String> bodies =
        List.of(
            "",
            "   ",
            "[]",
            "\"text\"",
            "42",
            "null",
            "{} {}",
            "{} x",
            "{\"a\":1",
            "{\"a\":}",
            "{\"a\" 1}",
            "{'a':1}",
            "{\"a\":[1,]}",
            "{\"a\":1}]");
    for (String body : bodies) {
      Optional<?> read = wire.readObject(body.getBytes(StandardCharsets.UTF_8));
      assertTrue(read.isEmpty(), body);
    }
  }

  private static String object(Random random, int depth) {
    StringBuilder out = new StringBuilder("{");
    int fields = random.nextInt(depth > 3 ? 2 : 5);
    for (int f = 0; f < fields; f++) {
      if (f > 0) {
        out.append(',');
      }
      // Few names, so some repeat.
      out.append("\"k").append(random.nextInt(4)).append("\":").append(value(random, depth));
    }
    return out.append('}').toString();
  }

  private static String value(Random random, int depth) {
    return switch (random.nextInt(depth > 3 ? 6 : 8)) {
      case 0 -> "\"s" + random.nextInt(100) + "\\u00e9\"";
      case 1 -> Integer.toString(random.nextInt());
      case 2 -> Long.toString(random.nextLong());
      case 3 -> Double.toString(random.nextDouble() * 1e10);
      case 4 -> random.nextBoolean() ? "true" : "false";
      case 5 -> "null";
      case 6 -> object(random, depth + 1);
      default -> {
        StringBuilder list = new StringBuilder("[");
        for (int e = random.nextInt(4); e > 0; e--) {
          list.append(value(random, depth + 1)).append(e > 1 ? "," : "");
        }
        yield list.append(']').toString();
      }
    };
  }
}
