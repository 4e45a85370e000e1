package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.item;
import static com.leadhandoff.dynamodb.expr.Fixtures.l;
import static com.leadhandoff.dynamodb.expr.Fixtures.m;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.path;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Document paths: Developer Guide, "Specifying item attributes when using expressions" (top-level
 * attributes, nested map keys, list elements).
 */
class PathTest {
  private static final Map<String, AttributeValue> ITEM =
      item("a", m("b", l(n("0"), m("c", s("deep")))), "s", s("x"));

  @Test
  void resolvesNestedKeysAndIndexes() {
    assertEquals(s("deep"), path("a", "b", 1, "c").resolve(ITEM));
    assertEquals(n("0"), path("a", "b", 0).resolve(ITEM));
    assertEquals(s("x"), Path.of("s").resolve(ITEM));
  }

  @Test
  void resolvesToNullThroughMissingOrWrongTypedSteps() {
    assertNull(path("a", "b", 2).resolve(ITEM));
    assertNull(path("a", 0).resolve(ITEM));
    assertNull(path("s", "x").resolve(ITEM));
    assertNull(path("a", "b", "c").resolve(ITEM));
    assertNull(Path.of("zz").resolve(ITEM));
  }

  @Test
  void displaysAsDynamoDbErrorMessagesDo() {
    assertEquals("[a, b, [1], c]", path("a", "b", 1, "c").display());
    assertEquals("[a]", Path.of("a").display());
  }

  @Test
  void topLevelAndAttribute() {
    assertTrue(Path.of("a").isTopLevel());
    assertFalse(path("a", 0).isTopLevel());
    assertEquals("a", path("a", 0).attribute());
  }
}
