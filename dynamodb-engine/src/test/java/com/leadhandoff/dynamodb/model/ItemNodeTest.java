package com.leadhandoff.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

      ObjectNode eager = RandomItems.eagerTree(item);
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
}
