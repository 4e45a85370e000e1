package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.attrs;
import static com.leadhandoff.dynamodb.expr.Fixtures.b;
import static com.leadhandoff.dynamodb.expr.Fixtures.bool;
import static com.leadhandoff.dynamodb.expr.Fixtures.bs;
import static com.leadhandoff.dynamodb.expr.Fixtures.item;
import static com.leadhandoff.dynamodb.expr.Fixtures.l;
import static com.leadhandoff.dynamodb.expr.Fixtures.m;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.ns;
import static com.leadhandoff.dynamodb.expr.Fixtures.nul;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static com.leadhandoff.dynamodb.expr.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluation of condition and filter expressions: Developer Guide, "Comparison operator and
 * function reference" (comparators, BETWEEN, IN, and the functions attribute_exists,
 * attribute_not_exists, attribute_type, begins_with, contains and size).
 */
class ConditionEvaluationTest {
  private static boolean eval(String text, Map<String, AttributeValue> item, Object... kv) {
    return Expressions.condition(text, "ConditionExpression", attrs(kv)).test(item);
  }

  @Test
  void numbersCompareByValueNotText() {
    Map<String, AttributeValue> item = item("a", n("10"));
    assertTrue(eval("a > :v", item, ":v", n("9")));
    assertTrue(eval("a = :v", item, ":v", n("10.0")));
    assertTrue(eval("a >= :v AND a <= :v", item, ":v", n("1E1")));
    assertFalse(eval("a < :v", item, ":v", n("-11")));
  }

  @Test
  void stringsCompareByUtf8Bytes() {
    Map<String, AttributeValue> item = item("a", s("b"));
    assertTrue(eval("a > :v", item, ":v", s("B")));
    assertTrue(eval("a < :v", item, ":v", s("ba")));
    // U+FF21 (3 UTF-8 bytes) sorts before U+1F600 (4 bytes), unlike UTF-16 compareTo.
    assertTrue(eval("a < :v", item("a", s("\uFF21")), ":v", s("\uD83D\uDE00")));
  }

  @Test
  void binaryComparesUnsignedBytes() {
    assertTrue(eval("a > :v", item("a", b(0xff)), ":v", b(0x01)));
    assertTrue(eval("a < :v", item("a", b(0x01)), ":v", b(0x01, 0x00)));
  }

  @Test
  void comparisonOfDifferentTypesIsFalseNotAnError() {
    Map<String, AttributeValue> item = item("a", n("1"));
    assertFalse(eval("a = :v", item, ":v", s("1")));
    assertFalse(eval("a < :v", item, ":v", s("2")));
    assertFalse(eval("a >= :v", item, ":v", s("0")));
    assertTrue(eval("a <> :v", item, ":v", s("1")));
  }

  @Test
  void orderingOperatorsAreFalseForUnorderedAttributeTypes() {
    Map<String, AttributeValue> item = item("a", bool(true), "b", bool(true));
    assertFalse(eval("a <= b", item));
    assertTrue(eval("a = b", item));
  }

  @Test
  void missingAttributeMakesComparisonsFalseExceptNotEquals() {
    Map<String, AttributeValue> item = item();
    assertFalse(eval("a = :v", item, ":v", n("1")));
    assertFalse(eval("a < :v", item, ":v", n("1")));
    assertFalse(eval("a > :v", item, ":v", n("1")));
    assertFalse(eval("a BETWEEN :v AND :v", item, ":v", n("1")));
    assertFalse(eval("a IN (:v)", item, ":v", n("1")));
    assertTrue(eval("a <> :v", item, ":v", n("1")));
    assertTrue(eval("NOT a = :v", item, ":v", n("1")));
  }

  @Test
  void equalityComparesDocumentsDeeply() {
    Map<String, AttributeValue> item =
        item("a", m("x", l(n("1"), s("two")), "y", nul()), "set", ss("p", "q"));
    assertTrue(eval("a = :v", item, ":v", m("y", nul(), "x", l(n("1.0"), s("two")))));
    assertFalse(eval("a = :v", item, ":v", m("x", l(s("two"), n("1")), "y", nul())));
    assertTrue(eval("#s = :v", item, "#s", "set", ":v", ss("q", "p")));
    assertTrue(eval("#s <> :v", item, "#s", "set", ":v", ss("q")));
  }

  @Test
  void pathToPathComparison() {
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"), "c", m("d", n("2")));
    assertTrue(eval("a < b", item));
    assertTrue(eval("b = c.d", item));
  }

  @Test
  void betweenIsInclusiveAndTypeStrict() {
    Map<String, AttributeValue> item = item("a", n("5"), "s", s("m"));
    assertTrue(eval("a BETWEEN :lo AND :hi", item, ":lo", n("5"), ":hi", n("5")));
    assertTrue(eval("a BETWEEN :lo AND :hi", item, ":lo", n("1"), ":hi", n("9")));
    assertFalse(eval("a BETWEEN :lo AND :hi", item, ":lo", n("6"), ":hi", n("9")));
    assertTrue(eval("s BETWEEN :lo AND :hi", item, ":lo", s("a"), ":hi", s("z")));
    assertFalse(eval("s BETWEEN :lo AND :hi", item, ":lo", n("1"), ":hi", n("9")));
  }

  @Test
  void inMatchesAnyOperandByValue() {
    Map<String, AttributeValue> item = item("a", n("3"), "l", l(s("x")));
    assertTrue(eval("a IN (:x, :y, :z)", item, ":x", n("1"), ":y", s("3"), ":z", n("3.00")));
    assertFalse(eval("a IN (:x, :y)", item, ":x", n("1"), ":y", s("3")));
    assertTrue(eval("l IN (:l)", item, ":l", l(s("x"))));
  }

  @Test
  void attributeExistsAndNotExistsFollowNestedPaths() {
    Map<String, AttributeValue> item = item("a", m("b", l(nul())));
    assertTrue(eval("attribute_exists(a)", item));
    assertTrue(eval("attribute_exists(a.b[0])", item));
    assertFalse(eval("attribute_exists(a.b[1])", item));
    assertFalse(eval("attribute_exists(a.c)", item));
    assertFalse(eval("attribute_exists(a[0])", item));
    assertTrue(eval("attribute_not_exists(x)", item));
    assertFalse(eval("attribute_not_exists(a.b)", item));
  }

  @Test
  void attributeExistsOnAnAbsentItem() {
    assertFalse(eval("attribute_exists(pk)", Map.of()));
    assertTrue(eval("attribute_not_exists(pk)", Map.of()));
  }

  @Test
  void attributeTypeMatchesEachOfTheTenTypes() {
    Map<String, AttributeValue> item =
        item(
            "s",
            s("x"),
            "n",
            n("1"),
            "b",
            b(1),
            "bool",
            bool(false),
            "nul",
            nul(),
            "m",
            m(),
            "l",
            l(),
            "ss",
            ss("x"),
            "ns",
            ns("1"),
            "bs",
            bs(b(1)));
    String[][] cases = {
      {"s", "S"}, {"n", "N"}, {"b", "B"}, {"bool", "BOOL"}, {"nul", "NULL"},
      {"m", "M"}, {"l", "L"}, {"ss", "SS"}, {"ns", "NS"}, {"bs", "BS"}
    };
    for (String[] c : cases) {
      assertTrue(eval("attribute_type(#a, :t)", item, "#a", c[0], ":t", s(c[1])), c[0]);
      String other = c[1].equals("S") ? "N" : "S";
      assertFalse(eval("attribute_type(#a, :t)", item, "#a", c[0], ":t", s(other)), c[0]);
    }
    assertFalse(eval("attribute_type(gone, :t)", item, ":t", s("S")));
  }

  @Test
  void beginsWithOnStringsAndBinary() {
    Map<String, AttributeValue> item = item("s", s("hello"), "b", b(1, 2, 3), "n", n("12"));
    assertTrue(eval("begins_with(s, :p)", item, ":p", s("he")));
    assertTrue(eval("begins_with(s, :p)", item, ":p", s("")));
    assertFalse(eval("begins_with(s, :p)", item, ":p", s("lo")));
    assertTrue(eval("begins_with(b, :p)", item, ":p", b(1, 2)));
    assertFalse(eval("begins_with(b, :p)", item, ":p", b(2)));
    assertFalse(eval("begins_with(n, :p)", item, ":p", s("1")));
    assertFalse(eval("begins_with(gone, :p)", item, ":p", s("1")));
    assertFalse(eval("begins_with(s, :p)", item, ":p", b(1)));
  }

  @Test
  void containsOnStringsSetsAndLists() {
    Map<String, AttributeValue> item =
        item(
            "s",
            s("hello world"),
            "ss",
            ss("a", "b"),
            "ns",
            ns("1", "2.5"),
            "bs",
            bs(b(1), b(2)),
            "l",
            l(s("x"), n("7"), m("k", s("v"))),
            "n",
            n("12"));
    assertTrue(eval("contains(s, :v)", item, ":v", s("o w")));
    assertFalse(eval("contains(s, :v)", item, ":v", s("xyz")));
    assertTrue(eval("contains(ss, :v)", item, ":v", s("b")));
    assertFalse(eval("contains(ss, :v)", item, ":v", s("c")));
    assertTrue(eval("contains(ns, :v)", item, ":v", n("2.50")));
    assertFalse(eval("contains(ns, :v)", item, ":v", s("1")));
    assertTrue(eval("contains(bs, :v)", item, ":v", b(2)));
    assertTrue(eval("contains(l, :v)", item, ":v", n("7")));
    assertTrue(eval("contains(l, :v)", item, ":v", m("k", s("v"))));
    assertFalse(eval("contains(l, :v)", item, ":v", s("7")));
    assertFalse(eval("contains(n, :v)", item, ":v", n("1")));
    assertFalse(eval("contains(gone, :v)", item, ":v", s("a")));
  }

  @Test
  void containsFindsBytesInBinaryAndAnyValueInALists() {
    Map<String, AttributeValue> item =
        item("d", b(1, 2, 3, 4), "e", l(s("hi"), ss("x", "y"), l(n("3"), n("4"))));
    assertTrue(eval("contains(d, :v)", item, ":v", b(2, 3)));
    assertFalse(eval("contains(d, :v)", item, ":v", b(3, 2)));
    assertTrue(eval("contains(d, :v)", item, ":v", b()));
    assertTrue(eval("contains(e, :v)", item, ":v", ss("y", "x")));
    assertTrue(eval("contains(e, :v)", item, ":v", l(n("3"), n("4"))));
  }

  @Test
  void sizeAndAttributeTypeAcceptLiterals() {
    assertTrue(eval("size(:v) = :n", item(), ":v", s("abc"), ":n", n("3")));
    assertTrue(eval("attribute_type(:v, :t)", item(), ":v", n("0"), ":t", s("N")));
  }

  @Test
  void beginsWithOperandsMayBeInEitherOrder() {
    Map<String, AttributeValue> item = item("a", s("he"), "c", s("hello"));
    assertTrue(eval("begins_with(:str, a)", item, ":str", s("hellohi")));
    assertTrue(eval("begins_with(c, a)", item));
    assertFalse(eval("begins_with(a, c)", item));
  }

  @Test
  void containsWithAPathOperand() {
    Map<String, AttributeValue> item = item("tags", ss("red", "blue"), "colour", s("red"));
    assertTrue(eval("contains(tags, colour)", item));
  }

  @Test
  void sizeOfEachSizedType() {
    Map<String, AttributeValue> item =
        item(
            "s",
            s("h\u00e9llo"),
            "b",
            b(1, 2, 3),
            "ss",
            ss("a", "b"),
            "ns",
            ns("1"),
            "bs",
            bs(b(1), b(2), b(3), b(4)),
            "l",
            l(n("1"), n("2")),
            "m",
            m("a", n("1")));
    assertTrue(eval("size(s) = :v", item, ":v", n("5")));
    assertTrue(eval("size(b) = :v", item, ":v", n("3")));
    assertTrue(eval("size(ss) = :v", item, ":v", n("2")));
    assertTrue(eval("size(ns) = :v", item, ":v", n("1")));
    assertTrue(eval("size(bs) = :v", item, ":v", n("4")));
    assertTrue(eval("size(l) = :v", item, ":v", n("2")));
    assertTrue(eval("size(m) = :v", item, ":v", n("1")));
  }

  @Test
  void sizeOfAStringCountsUtf16CodeUnits() {
    // The service answers size("é𝄞") = 3: the G clef outside the BMP counts twice.
    assertTrue(eval("size(s) = :v", item("s", s("\u00e9\uD834\uDD1E")), ":v", n("3")));
  }

  @Test
  void sizeOfMissingOrUnsizedAttributeMakesTheComparisonFalse() {
    Map<String, AttributeValue> item = item("n", n("12345"), "bool", bool(true));
    assertFalse(eval("size(gone) >= :v", item, ":v", n("0")));
    assertFalse(eval("size(n) >= :v", item, ":v", n("0")));
    assertFalse(eval("size(bool) >= :v", item, ":v", n("0")));
  }

  @Test
  void sizeOnBothSidesAndInBetween() {
    Map<String, AttributeValue> item = item("a", s("abc"), "b", l(n("1"), n("2"), n("3")));
    assertTrue(eval("size(a) = size(b)", item));
    assertTrue(eval("size(a) BETWEEN :lo AND :hi", item, ":lo", n("1"), ":hi", n("3")));
    assertTrue(eval("size(b[0]) <> :v", item, ":v", n("1")));
  }

  @Test
  void shortCircuitDoesNotChangeResults() {
    Map<String, AttributeValue> item = item("a", n("1"));
    assertTrue(eval("attribute_exists(a) OR a = :v", item, ":v", n("2")));
    assertFalse(eval("attribute_not_exists(a) AND a = :v", item, ":v", n("1")));
  }
}
