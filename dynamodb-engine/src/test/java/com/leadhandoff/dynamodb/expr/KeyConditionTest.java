package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.assertValidation;
import static com.leadhandoff.dynamodb.expr.Fixtures.attrs;
import static com.leadhandoff.dynamodb.expr.Fixtures.b;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.expr.KeyCondition.Operator;
import com.leadhandoff.dynamodb.expr.KeyCondition.SortCondition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key condition expressions: Developer Guide, "Key condition expressions for query". */
class KeyConditionTest {
  private static final Optional<String> SK = Optional.of("sk");

  private static KeyCondition parse(String text, Object... kv) {
    return Expressions.keyCondition(text, attrs(kv), "pk", SK);
  }

  @Test
  void partitionKeyAlone() {
    assertEquals(
        new KeyCondition("pk", s("a"), Optional.empty()),
        Expressions.keyCondition("pk = :p", attrs(":p", s("a")), "pk", Optional.empty()));
  }

  @Test
  void eachSortKeyOperator() {
    Object[][] cases = {
      {"=", Operator.EQ},
      {"<", Operator.LT},
      {"<=", Operator.LE},
      {">", Operator.GT},
      {">=", Operator.GE}
    };
    for (Object[] c : cases) {
      assertEquals(
          new KeyCondition(
              "pk", s("a"), Optional.of(new SortCondition("sk", (Operator) c[1], List.of(n("3"))))),
          parse("pk = :p AND sk " + c[0] + " :s", ":p", s("a"), ":s", n("3")));
    }
  }

  @Test
  void betweenAndBeginsWith() {
    assertEquals(
        Optional.of(new SortCondition("sk", Operator.BETWEEN, List.of(n("1"), n("2")))),
        parse("pk = :p AND sk BETWEEN :a AND :b", ":p", s("x"), ":a", n("1"), ":b", n("2"))
            .sortCondition());
    assertEquals(
        Optional.of(new SortCondition("sk", Operator.BEGINS_WITH, List.of(s("ab")))),
        parse("pk = :p AND begins_with(sk, :a)", ":p", s("x"), ":a", s("ab")).sortCondition());
    assertEquals(
        Optional.of(new SortCondition("sk", Operator.BEGINS_WITH, List.of(b(1)))),
        parse("pk = :p AND begins_with(sk, :a)", ":p", s("x"), ":a", b(1)).sortCondition());
  }

  @Test
  void sortConditionMayComeFirstAndParenthesesAreAllowed() {
    KeyCondition k = parse("(sk > :s) and (#p = :p)", "#p", "pk", ":p", s("x"), ":s", n("1"));
    assertEquals(s("x"), k.partitionValue());
    assertEquals(Operator.GT, k.sortCondition().get().operator());
  }

  @Test
  void valueOnTheLeftIsMirrored() {
    KeyCondition k = parse(":p = pk AND :s < sk", ":p", s("x"), ":s", n("1"));
    assertEquals(Operator.GT, k.sortCondition().get().operator());
  }

  @Test
  void missingPartitionKeyIsRefused() {
    assertValidation(
        "Query condition missed key schema element: pk", () -> parse("sk = :s", ":s", n("1")));
  }

  @Test
  void nonKeyAttributeIsRefused() {
    assertValidation(
        "Query condition missed key schema element: sk",
        () -> parse("pk = :p AND extra = :s", ":p", s("x"), ":s", n("1")));
    assertValidation(
        "Query key condition not supported",
        () ->
            Expressions.keyCondition(
                "pk = :p AND extra = :s",
                attrs(":p", s("x"), ":s", n("1")),
                "pk",
                Optional.empty()));
  }

  @Test
  void partitionKeyNeedsEquality() {
    assertValidation("Query key condition not supported", () -> parse("pk > :p", ":p", s("x")));
  }

  @Test
  void invalidOperatorsAreNamed() {
    assertValidation(
        "Invalid operator used in KeyConditionExpression: OR",
        () -> parse("pk = :p OR sk = :p", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: NOT",
        () -> parse("NOT pk = :p", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: <>",
        () -> parse("pk <> :p", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: IN",
        () -> parse("pk IN (:p)", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: attribute_exists",
        () -> parse("pk = :p AND attribute_exists(sk)", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: contains",
        () -> parse("pk = :p AND contains(sk, :p)", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: attribute_type",
        () -> parse("pk = :p AND attribute_type(sk, :t)", ":p", s("x"), ":t", s("S")));
  }

  @Test
  void twoConditionsOnOneKeyAreRefused() {
    assertValidation(
        "KeyConditionExpressions must only contain one condition per key",
        () -> parse("pk = :p AND pk = :p", ":p", s("x")));
  }

  @Test
  void moreThanTwoConditionsAreRefused() {
    assertValidation(
        "KeyConditionExpressions must only contain one condition per key",
        () -> parse("pk = :p AND sk > :p AND sk < :p", ":p", s("x")));
    assertValidation(
        "Conditions can be of length 1 or 2 only",
        () -> parse("pk = :p AND sk > :p AND extra < :p", ":p", s("x")));
  }

  @Test
  void redundantParenthesesAreRefusedButOneLevelPerConditionIsAllowed() {
    assertEquals(s("x"), parse("((sk = :p) AND (pk = :p))", ":p", s("x")).partitionValue());
    assertValidation(
        "Invalid KeyConditionExpression: The expression has redundant parentheses;",
        () -> parse("((sk = :p) AND ((pk = :p)))", ":p", s("x")));
  }

  @Test
  void functionNamesAreCaseSensitive() {
    assertValidation(
        "Invalid KeyConditionExpression: Invalid function name; function: BEGINS_WITH",
        () -> parse("pk = :p AND BEGINS_WITH(sk, :p)", ":p", s("x")));
  }

  @Test
  void beginsWithANumberIsRefused() {
    assertValidation(
        "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator"
            + " or function: begins_with, operand type: N",
        () -> parse("pk = :p AND begins_with(sk, :n)", ":p", s("x"), ":n", n("1")));
  }

  @Test
  void nestedOrPathOperandsAreNotSupported() {
    assertValidation(
        "KeyConditionExpressions cannot have conditions on nested attributes",
        () -> parse("pk = :p AND sk.x = :p", ":p", s("x")));
    assertValidation(
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one"
            + " condition",
        () -> parse("pk = sk"));
    assertValidation(
        "Invalid condition in KeyConditionExpression: No key attribute specified",
        () -> parse(":p = :q AND pk = :p", ":p", s("x"), ":q", s("y")));
    assertValidation(
        "Invalid KeyConditionExpression: Syntax error; token: <EOF>, near: \"pk\"",
        () -> parse("pk"));
  }

  @Test
  void syntaxAndPlaceholderErrorsNameKeyConditionExpression() {
    assertValidation(
        "Invalid KeyConditionExpression: Syntax error; token: \")\", near: \"()\"",
        () -> parse("()"));
    assertValidation(
        "Invalid KeyConditionExpression: The expression can not be empty;", () -> parse(""));
    assertValidation(
        "Invalid KeyConditionExpression: An expression attribute value used in expression is not"
            + " defined; attribute value: :p",
        () -> parse("pk = :p"));
    assertValidation(
        "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword:"
            + " key",
        () -> parse("key = :p", ":p", s("x")));
  }

  @Test
  void matchesChecksPartitionValueAndSortCondition() {
    KeyCondition k =
        parse("pk = :p AND sk BETWEEN :a AND :b", ":p", s("x"), ":a", n("1"), ":b", n("3"));
    assertTrue(k.matches(Fixtures.item("pk", s("x"), "sk", n("2"))));
    assertTrue(k.matches(Fixtures.item("pk", s("x"), "sk", n("3"))));
    assertFalse(k.matches(Fixtures.item("pk", s("x"), "sk", n("4"))));
    assertFalse(k.matches(Fixtures.item("pk", s("y"), "sk", n("2"))));
    assertFalse(k.matches(Fixtures.item("pk", s("x"), "sk", s("2"))));
    assertFalse(k.matches(Fixtures.item("pk", s("x"))));
    KeyCondition prefix = parse("pk = :p AND begins_with(sk, :a)", ":p", s("x"), ":a", s("ab"));
    assertTrue(prefix.matches(Fixtures.item("pk", s("x"), "sk", s("abc"))));
    assertFalse(prefix.matches(Fixtures.item("pk", s("x"), "sk", s("b"))));
    KeyCondition lt = parse("pk = :p AND sk < :a", ":p", s("x"), ":a", b(5));
    assertTrue(lt.matches(Fixtures.item("pk", s("x"), "sk", b(4, 9))));
    assertFalse(lt.matches(Fixtures.item("pk", s("x"), "sk", b(5))));
  }

  @Test
  void betweenAndBeginsWithTakeTheKeyFirst() {
    assertValidation(
        "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute"
            + " as its first operand",
        () -> parse(":a BETWEEN sk AND :b AND pk = :a", ":a", s("1"), ":b", s("2")));
    assertValidation(
        "Invalid condition in KeyConditionExpression: begins_with operator must have the key"
            + " attribute as its first operand",
        () -> parse("begins_with(:a, sk) AND pk = :a", ":a", s("1")));
  }

  @Test
  void sizeIsANestedOperation() {
    assertValidation(
        "KeyConditionExpressions cannot contain nested operations",
        () -> parse("pk = :p AND size(sk) = :n", ":p", s("x"), ":n", n("1")));
    assertValidation(
        "KeyConditionExpressions cannot contain nested operations",
        () -> parse("sk BETWEEN size(a) AND size(b) AND pk = :p", ":p", s("x")));
  }

  @Test
  void shapeChecksComeInDynamoDbOrder() {
    assertValidation(
        "KeyConditionExpressions cannot have conditions on nested attributes",
        () -> parse("sk.d > pk AND pk = :p", ":p", s("x")));
    assertValidation(
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one"
            + " condition",
        () -> parse("sk > pk.d AND pk = :p", ":p", s("x")));
    assertValidation(
        "Invalid operator used in KeyConditionExpression: OR",
        () -> parse("pk > sk AND size(sk) > :p OR pk > :p", ":p", s("x")));
  }
}
