package com.leadhandoff.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An item's lazily built tree is the tree its values have in the wire form. */
class ItemNodeTest {
  @Test
  void lazyTree_isTheWireFormOfTheValues() {
    Random random = new Random(5);
    for (int i = 0; i < 500; i++) {
      Map<String, AttributeValue> item = RandomItems.item(random, 0);

      ObjectNode lazy = AttributeValueJson.writeItem(item);

      ObjectNode eager = eager(item);
      assertEquals(eager, lazy);
      assertEquals(lazy, eager);
      assertEquals(eager.toString(), lazy.toString());
      assertEquals(eager.hashCode(), lazy.hashCode());
      assertEquals(item, AttributeValueJson.readItem(lazy));
    }
  }

  @Test
  void readingOrChangingTheTree_buildsIt() {
    ItemNode node =
        (ItemNode) AttributeValueJson.writeItem(Map.of("id", new AttributeValue.S("lead#1")));
    assertTrue(node.untouched());

    node.put("extra", "x");

    assertFalse(node.untouched());
    assertEquals("{\"id\":{\"S\":\"lead#1\"},\"extra\":\"x\"}", node.toString());
  }

  /** The tree as writeItem built it before: a node for every value. */
  private static ObjectNode eager(Map<String, AttributeValue> item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    item.forEach((name, value) -> node.set(name, eager(value)));
    return node;
  }

  private static JsonNode eager(AttributeValue value) {
    ObjectNode written = AttributeValueJson.write(value);
    if (value instanceof AttributeValue.M m) {
      written.set("M", eager(m.value()));
    } else if (value instanceof AttributeValue.L l) {
      var list = written.putArray("L");
      l.value().forEach(e -> list.add(eager(e)));
    }
    return written;
  }
}
