package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.assertValidation;
import static com.leadhandoff.dynamodb.expr.Fixtures.attrs;
import static com.leadhandoff.dynamodb.expr.Fixtures.item;
import static com.leadhandoff.dynamodb.expr.Fixtures.l;
import static com.leadhandoff.dynamodb.expr.Fixtures.m;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.path;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Projection expressions and {@link Path#project}: Developer Guide, "Using projection expressions
 * in DynamoDB" and "Specifying item attributes when using expressions" (document paths).
 */
class ProjectionTest {
  private static final Map<String, AttributeValue> ITEM =
      item(
          "pk", s("k"),
          "a", n("1"),
          "info", m("rating", n("5"), "plot", s("p"), "tags", l(s("x"), s("y"), s("z"))),
          "arr", l(m("k", n("0"), "j", n("9")), m("k", n("1")), m("k", n("2"))));

  private static Map<String, AttributeValue> project(String text, Object... kv) {
    return Path.project(ITEM, Expressions.projection(text, attrs(kv)));
  }

  @Test
  void parsesCommaSeparatedPaths() {
    assertEquals(
        List.of(path("a"), path("info", "rating"), path("arr", 0, "k"), path("x.y")),
        Expressions.projection("a, info.rating,arr[0].k , #xy", attrs("#xy", "x.y")));
  }

  @Test
  void topLevelAttributesOnly() {
    assertEquals(item("pk", s("k"), "a", n("1")), project("pk, a"));
  }

  @Test
  void absentPathsAreLeftOut() {
    assertEquals(item("a", n("1")), project("a, nothing, info.nothing, arr[7]"));
    assertEquals(item(), project("a.b, pk[0], info.rating.x"));
  }

  @Test
  void nestedMapKeepsOnlyProjectedKeys() {
    assertEquals(item("info", m("rating", n("5"))), project("info.rating"));
    assertEquals(
        item("info", m("plot", s("p"), "rating", n("5"))), project("info.plot, info.rating"));
  }

  @Test
  void listElementsKeepIndexOrderCompacted() {
    assertEquals(item("info", m("tags", l(s("x"), s("z")))), project("info.tags[2], info.tags[0]"));
    assertEquals(item("arr", l(m("k", n("1")))), project("arr[1]"));
  }

  @Test
  void pathsInsideListElements() {
    assertEquals(item("arr", l(m("k", n("0")), m("k", n("2")))), project("arr[0].k, arr[2].k"));
  }

  @Test
  void placeholdersResolveNamesIncludingReservedOnes() {
    Map<String, AttributeValue> item = item("status", s("on"), "name", m("first", s("A")));
    assertEquals(
        item,
        Path.project(
            item,
            Expressions.projection(
                "#s, #n.#f", attrs("#s", "status", "#n", "name", "#f", "first"))));
  }

  @Test
  void overlappingPathsAreRefused() {
    assertValidation(
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or"
            + " rewrite one of these paths; path one: [info], path two: [info, rating]",
        () -> Expressions.projection("info, info.rating", attrs()));
    assertValidation(
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or"
            + " rewrite one of these paths; path one: [a], path two: [a]",
        () -> Expressions.projection("a, a", attrs()));
  }

  @Test
  void conflictingPathsAreRefused() {
    assertValidation(
        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or"
            + " rewrite one of these paths; path one: [x, [0]], path two: [x, y]",
        () -> Expressions.projection("x[0], x.y", attrs()));
  }

  @Test
  void reservedWordsAndSyntax() {
    assertValidation(
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword:"
            + " name",
        () -> Expressions.projection("a, name", attrs()));
    assertValidation(
        "Invalid ProjectionExpression: Syntax error; token: <EOF>, near: \",\"",
        () -> Expressions.projection("a,", attrs()));
    assertValidation(
        "Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"",
        () -> Expressions.projection("a b", attrs()));
    assertValidation(
        "Invalid ProjectionExpression: The expression can not be empty;",
        () -> Expressions.projection("", attrs()));
  }

  @Test
  void projectingNothingGivesAnEmptyItem() {
    assertEquals(Map.of(), Path.project(ITEM, List.of()));
    assertEquals(Map.of(), Path.project(Map.of(), List.of(path("a"))));
  }
}
