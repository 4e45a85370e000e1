package com.leadhandoff.dynamodb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random items of every attribute value type, nested, for tests of the wire form. */
public final class RandomItems {
  private static final List<String> TEXT =
      List.of("a", "Z", "\u00e9", "\"", "\\", "\n", "\uD83D\uDE00");

  private RandomItems() {}

  /**
   * {@code item} as a JSON tree with a node for every value, as the engine wrote items before
   * {@link ItemNode}: what the wire form is held to.
   */
  public static ObjectNode eagerTree(Map<String, AttributeValue> item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    item.forEach((name, value) -> node.set(name, eagerTree(value)));
    return node;
  }

  private static JsonNode eagerTree(AttributeValue value) {
    ObjectNode written = AttributeValueJson.write(value);
    if (value instanceof AttributeValue.M m) {
      written.set("M", eagerTree(m.value()));
    } else if (value instanceof AttributeValue.L l) {
      var list = written.putArray("L");
      l.value().forEach(e -> list.add(eagerTree(e)));
    }
    return written;
  }

  public static Map<String, AttributeValue> item(Random random, int depth) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = random.nextInt(depth > 2 ? 3 : 7); i > 0; i--) {
      item.put("k" + random.nextInt(10) + text(random), value(random, depth));
    }
    return item;
  }

  static AttributeValue value(Random random, int depth) {
    return switch (random.nextInt(depth > 2 ? 8 : 10)) {
      case 0 -> new AttributeValue.S(text(random));
      case 1 -> new AttributeValue.N(new BigDecimal(random.nextInt(2000) - 1000).movePointLeft(2));
      case 2 -> new AttributeValue.B(Bytes.of(new byte[] {(byte) random.nextInt(), 7}));
      case 3 -> new AttributeValue.Bool(random.nextBoolean());
      case 4 -> new AttributeValue.Null();
      case 5 -> new AttributeValue.SS(Set.of("x" + text(random)));
      case 6 -> {
        Set<BigDecimal> numbers = new LinkedHashSet<>();
        numbers.add(new BigDecimal(random.nextInt(50)));
        numbers.add(new BigDecimal("1E+3"));
        yield new AttributeValue.NS(numbers);
      }
      case 7 -> new AttributeValue.BS(Set.of(Bytes.of(new byte[] {1, 2, 3})));
      case 8 -> new AttributeValue.M(item(random, depth + 1));
      default -> new AttributeValue.L(List.of(value(random, depth + 1), value(random, depth + 1)));
    };
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      text.append(TEXT.get(random.nextInt(TEXT.size())));
    }
    return text.toString();
  }
}
