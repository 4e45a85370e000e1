package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.assertValidation;
import static com.leadhandoff.dynamodb.expr.Fixtures.attrs;
import static com.leadhandoff.dynamodb.expr.Fixtures.item;
import static com.leadhandoff.dynamodb.expr.Fixtures.l;
import static com.leadhandoff.dynamodb.expr.Fixtures.m;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Syntax of condition and filter expressions: Developer Guide, "Comparison operator and function
 * reference" (Syntax for condition expressions, Precedence in conditions) and "Reserved words in
 * DynamoDB".
 */
class ConditionSyntaxTest {
  private static final String CE = "ConditionExpression";

  private static boolean eval(String text, Map<String, AttributeValue> item, Object... kv) {
    return Expressions.condition(text, CE, attrs(kv)).test(item);
  }

  @Test
  void andBindsTighterThanOr() {
    // a OR b AND c == a OR (b AND c): true when a holds even if b AND c fails.
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"), "c", n("3"));
    assertTrue(eval("a = :one OR b = :x AND c = :x", item, ":one", n("1"), ":x", n("9")));
    // Left-to-right without precedence would give (a OR b) AND c = false.
  }

  @Test
  void parenthesesOverridePrecedence() {
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"), "c", n("3"));
    assertFalse(eval("(a = :one OR b = :x) AND c = :x", item, ":one", n("1"), ":x", n("9")));
  }

  @Test
  void notBindsTighterThanAnd() {
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"));
    // NOT a = :one AND b = :two == (NOT a = :one) AND b = :two == false
    assertFalse(eval("NOT a = :one AND b = :two", item, ":one", n("1"), ":two", n("2")));
    // NOT binds looser than the comparator: NOT (a = :x) is true.
    assertTrue(eval("NOT a = :x", item, ":x", n("9")));
  }

  @Test
  void doubledParenthesesAreRedundant() {
    assertValidation(
        "Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> Expressions.condition("((a = :v))", CE, attrs(":v", n("1"))));
    assertTrue(eval("(a = :v) AND ((a = :v) OR (a = :v))", item("a", n("1")), ":v", n("1")));
  }

  @Test
  void notCanRepeatAndWrapParentheses() {
    Map<String, AttributeValue> item = item("a", n("1"));
    assertTrue(eval("NOT NOT a = :one", item, ":one", n("1")));
    assertFalse(eval("NOT (a = :one)", item, ":one", n("1")));
  }

  @Test
  void keywordsAreCaseInsensitive() {
    Map<String, AttributeValue> item = item("a", n("5"), "b", n("1"));
    assertTrue(
        eval(
            "a between :lo and :hi AnD NoT b in (:lo, :hi) oR a = :lo",
            item,
            ":lo",
            n("2"),
            ":hi",
            n("9")));
  }

  @Test
  void whitespaceIsOptionalAroundOperators() {
    assertTrue(eval("a=:v", item("a", s("x")), ":v", s("x")));
    assertTrue(eval("a<>:v", item("a", s("y")), ":v", s("x")));
    assertTrue(eval("a<=:v AND a>=:v", item("a", n("1")), ":v", n("1")));
    assertTrue(eval("\ta\n=\r\n:v ", item("a", s("x")), ":v", s("x")));
  }

  @Test
  void nestedPathsWithMapKeysAndListIndexes() {
    Map<String, AttributeValue> item =
        item("a", m("b", l(n("0"), m("c", s("deep")))), "#x", s("unused"));
    assertTrue(eval("a.b[1].c = :v", item, ":v", s("deep")));
    assertTrue(eval("#a.#b[1].#c = :v", item, "#a", "a", "#b", "b", "#c", "c", ":v", s("deep")));
    assertFalse(eval("a.b[2].c = :v", item, ":v", s("deep")));
  }

  @Test
  void placeholderNamesMayHoldDotsWhichAreNotPathSeparators() {
    Map<String, AttributeValue> item = item("a.b", s("flat"), "a", m("b", s("nested")));
    assertTrue(eval("#ab = :v", item, "#ab", "a.b", ":v", s("flat")));
    assertTrue(eval("a.b = :v", item, ":v", s("nested")));
  }

  @Test
  void emptyExpressionIsRefused() {
    assertValidation(
        "Invalid ConditionExpression: The expression can not be empty;",
        () -> Expressions.condition("", CE, attrs()));
    assertValidation(
        "Invalid FilterExpression: The expression can not be empty;",
        () -> Expressions.condition("   ", "FilterExpression", attrs()));
  }

  @Test
  void syntaxErrorNamesTheTokenAndItsNeighbours() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"",
        () -> Expressions.condition("a = = b", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"",
        () -> Expressions.condition("a-b", CE, attrs()));
    assertValidation(
        "Invalid FilterExpression: Syntax error; token: \"!\", near: \"!!\"",
        () -> Expressions.condition("!!", "FilterExpression", attrs()));
  }

  @Test
  void syntaxErrorAtTheEndNamesEof() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: <EOF>, near: \"a\"",
        () -> Expressions.condition("a", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: <EOF>, near: \"=\"",
        () -> Expressions.condition("a =", CE, attrs()));
  }

  @Test
  void unbalancedParenthesesAreSyntaxErrors() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: <EOF>, near: \":v\"",
        () -> Expressions.condition("(a = :v", CE, attrs(":v", n("1"))));
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \")\", near: \":v)\"",
        () -> Expressions.condition("a = :v)", CE, attrs(":v", n("1"))));
  }

  @Test
  void bangEqualsIsNotAnOperator() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"a !=\"",
        () -> Expressions.condition("a != :v", CE, attrs(":v", n("1"))));
  }

  @Test
  void unknownFunctionIsRefused() {
    assertValidation(
        "Invalid ConditionExpression: Invalid function name; function: foo",
        () -> Expressions.condition("foo(a)", CE, attrs()));
  }

  @Test
  void updateFunctionsAreNotConditions() {
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed in a condition expression;"
            + " function: if_not_exists",
        () -> Expressions.condition("if_not_exists(a, :v)", CE, attrs(":v", n("1"))));
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed in a condition expression;"
            + " function: list_append",
        () -> Expressions.condition("list_append(a, a) = :v", CE, attrs(":v", n("1"))));
  }

  @Test
  void sizeAloneIsNotACondition() {
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an"
            + " expression; function: size",
        () -> Expressions.condition("size(a)", CE, attrs()));
  }

  @Test
  void functionsCheckTheirOperandCount() {
    assertValidation(
        "Invalid ConditionExpression: Incorrect number of operands for operator or function;"
            + " operator or function: begins_with, number of operands: 1",
        () -> Expressions.condition("begins_with(a)", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Incorrect number of operands for operator or function;"
            + " operator or function: attribute_exists, number of operands: 2",
        () -> Expressions.condition("attribute_exists(a, b)", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Incorrect number of operands for operator or function;"
            + " operator or function: contains, number of operands: 0",
        () -> Expressions.condition("contains()", CE, attrs()));
  }

  @Test
  void attributeExistsNeedsADocumentPath() {
    assertValidation(
        "Invalid ConditionExpression: Operator or function requires a document path; operator or"
            + " function: attribute_exists",
        () -> Expressions.condition("attribute_exists(:v)", CE, attrs(":v", s("a"))));
  }

  @Test
  void sizeOfALiteralWithoutASizeIsRefused() {
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: size, operand type: N",
        () -> Expressions.condition("size(:v) > :v", CE, attrs(":v", n("1"))));
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: size, operand type: N",
        () -> Expressions.condition("size(size(a)) > :v", CE, attrs(":v", n("1"))));
  }

  @Test
  void booleanFunctionsCannotBeCompared() {
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an"
            + " expression; function: attribute_exists",
        () -> Expressions.condition("attribute_exists(a) < :v", CE, attrs(":v", n("1"))));
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an"
            + " expression; function: contains",
        () -> Expressions.condition("contains(a, :v) = :v", CE, attrs(":v", n("1"))));
  }

  @Test
  void attributeTypeNeedsAValueForTheType() {
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
        () -> Expressions.condition("attribute_type(a, b)", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: attribute_type, operand type: N",
        () -> Expressions.condition("attribute_type(a, :t)", CE, attrs(":t", n("1"))));
  }

  @Test
  void betweenBindsTighterThanAnd() {
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"), "c", n("3"));
    assertTrue(eval("b BETWEEN a AND c AND a < b", item));
    assertFalse(eval("b BETWEEN a AND c AND b < a", item));
  }

  @Test
  void reservedWordAsAttributeNameIsRefusedInTheParameterKind() {
    assertValidation(
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword:"
            + " status",
        () -> Expressions.condition("status = :v", CE, attrs(":v", s("x"))));
    assertValidation(
        "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: Name",
        () -> Expressions.condition("a.Name = :v", "FilterExpression", attrs(":v", s("x"))));
  }

  @Test
  void placeholderStandsInForAReservedWord() {
    assertTrue(eval("#s = :v", item("status", s("x")), "#s", "status", ":v", s("x")));
  }

  @Test
  void functionNameIsNotMistakenForAReservedAttribute() {
    // SIZE is reserved, but size( is the function.
    assertTrue(eval("size(a) = :v", item("a", s("abc")), ":v", n("3")));
  }

  @Test
  void inAcceptsUpToOneHundredOperands() {
    StringBuilder ok = new StringBuilder("a IN (:v");
    ok.append(", :v".repeat(99)).append(")");
    assertDoesNotThrow(() -> Expressions.condition(ok.toString(), CE, attrs(":v", n("1"))));
    StringBuilder tooMany = new StringBuilder("a IN (:v");
    tooMany.append(", :v".repeat(100)).append(")");
    assertValidation(
        "Invalid ConditionExpression: The IN operator is provided with too many operands; number"
            + " of operands: 101",
        () -> Expressions.condition(tooMany.toString(), CE, attrs(":v", n("1"))));
  }

  @Test
  void inNeedsParenthesesAndAtLeastOneOperand() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"",
        () -> Expressions.condition("a IN ()", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \":v\", near: \"IN :v\"",
        () -> Expressions.condition("a IN :v", CE, attrs(":v", n("1"))));
  }

  @Test
  void betweenNeedsAnd() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \"OR\", near: \":a OR :b\"",
        () -> Expressions.condition("x BETWEEN :a OR :b", CE, attrs(":a", n("1"), ":b", n("2"))));
  }

  @Test
  void betweenWithLiteralBoundsOutOfOrderIsRefused() {
    assertValidation(
        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than"
            + " or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound"
            + " operand: AttributeValue: {N:1}",
        () -> Expressions.condition("x BETWEEN :a AND :b", CE, attrs(":a", n("5"), ":b", n("1"))));
  }

  @Test
  void betweenWithLiteralBoundsOfDifferentTypesIsRefused() {
    assertValidation(
        "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and"
            + " upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand:"
            + " AttributeValue: {S:z}",
        () -> Expressions.condition("x BETWEEN :a AND :b", CE, attrs(":a", n("1"), ":b", s("z"))));
  }

  @Test
  void orderingComparatorRefusesLiteralOfUnorderedType() {
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: <, operand type: M",
        () -> Expressions.condition("a < :m", CE, attrs(":m", m("k", s("v")))));
  }

  @Test
  void beginsWithRefusesLiteralNumber() {
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: begins_with, operand type: N",
        () -> Expressions.condition("begins_with(a, :n)", CE, attrs(":n", n("1"))));
  }

  @Test
  void attributeTypeRefusesUnknownTypeName() {
    assertValidation(
        "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types:"
            + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
        () -> Expressions.condition("attribute_type(a, :t)", CE, attrs(":t", s("X"))));
  }

  @Test
  void listIndexMustBeANumber() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \":i\", near: \"[:i]\"",
        () -> Expressions.condition("a[:i] = :i", CE, attrs(":i", n("1"))));
  }

  @Test
  void undefinedPlaceholdersFailAtParse() {
    assertValidation(
        "Invalid ConditionExpression: An expression attribute value used in expression is not"
            + " defined; attribute value: :x",
        () -> Expressions.condition("a = :x", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: An expression attribute name used in the document path is"
            + " not defined; attribute name: #x",
        () -> Expressions.condition("#x = :v", CE, attrs(":v", n("1"))));
    assertValidation(
        "Invalid ConditionExpression: An expression attribute name used in the document path is"
            + " not defined; attribute name: #x",
        () -> Expressions.condition("#x = :v", CE, null));
  }

  @Test
  void loneColonOrHashIsASyntaxError() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \":\", near: \"= :\"",
        () -> Expressions.condition("a = :", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \"#\", near: \"#\"",
        () -> Expressions.condition("#", CE, attrs()));
  }

  @Test
  void expressionsOverFourKilobytesAreRefused() {
    String ok = "a = :v" + " ".repeat(4090);
    assertDoesNotThrow(() -> Expressions.condition(ok, CE, attrs(":v", n("1"))));
    String tooLong = "a = :v" + " ".repeat(4091);
    assertValidation(
        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;",
        () -> Expressions.condition(tooLong, CE, attrs(":v", n("1"))));
  }

  @Test
  void sameDocumentPathTwiceIsRefused() {
    assertValidation(
        "Invalid ConditionExpression: The first operand must be distinct from the remaining"
            + " operands for this operator or function; operator: =, first operand: [a]",
        () -> Expressions.condition("a = a", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: The first operand must be distinct from the remaining"
            + " operands for this operator or function; operator: contains, first operand: [a,"
            + " [0]]",
        () -> Expressions.condition("contains(#a[0], a[0])", CE, attrs("#a", "a")));
    assertTrue(eval("a <> b", item()));
  }

  @Test
  void operandsMayBeParenthesised() {
    Map<String, AttributeValue> item = item("a", n("2"));
    assertTrue(eval("(a) = :v", item, ":v", n("2")));
    assertTrue(
        eval(
            "a = (:v) AND (size(#b)) BETWEEN (:v) AND :v",
            item("a", n("2"), "b", s("ab")),
            "#b",
            "b",
            ":v",
            n("2")));
    assertTrue(eval("(a) IN (:v)", item, ":v", n("2")));
    assertValidation(
        "Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> Expressions.condition("((a)) = :v", CE, attrs(":v", n("1"))));
  }

  @Test
  void conditionFunctionsAreNotOperands() {
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an"
            + " expression; function: attribute_exists",
        () -> Expressions.condition("contains(attribute_exists(a), :v)", CE, attrs(":v", n("1"))));
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an"
            + " expression; function: begins_with",
        () -> Expressions.condition(":v = begins_with(a, :v)", CE, attrs(":v", s("x"))));
  }

  @Test
  void beginsWithRefusesSizeAndAttributeTypeRefusesAPath() {
    assertValidation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or"
            + " function: begins_with, operand type: N",
        () -> Expressions.condition("begins_with(size(a), :v)", CE, attrs(":v", s("x"))));
  }

  @Test
  void syntaxErrorWinsOverEverySemanticError() {
    assertValidation(
        "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :x\"",
        () -> Expressions.condition("status = = :x", CE, attrs()));
  }

  @Test
  void semanticErrorsAreReportedMostFundamentalFirst() {
    assertValidation(
        "Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> Expressions.condition("status = :x AND ((foo(a)))", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Invalid function name; function: foo",
        () -> Expressions.condition("status = :x AND foo(a)", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an"
            + " expression; function: size",
        () -> Expressions.condition("status = :x AND size(a)", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword:"
            + " status",
        () -> Expressions.condition(":x = status", CE, attrs()));
    assertValidation(
        "Invalid ConditionExpression: An expression attribute value used in expression is not"
            + " defined; attribute value: :x",
        () -> Expressions.condition("a = :x AND begins_with(a, :n)", CE, attrs(":n", n("1"))));
  }

  @Test
  void atMostThreeHundredOperatorsOrFunctions() {
    // 150 comparisons joined by 149 ANDs: 299 operators; one more NOT makes 300.
    String ok = "NOT " + String.join(" AND ", java.util.Collections.nCopies(150, "a = :v"));
    assertDoesNotThrow(() -> Expressions.condition(ok, CE, attrs(":v", n("1"))));
    String tooMany =
        "NOT NOT " + String.join(" AND ", java.util.Collections.nCopies(150, "a = :v"));
    assertValidation(
        "Invalid ConditionExpression: The expression contains too many operators; operator count:"
            + " 301",
        () -> Expressions.condition(tooMany, CE, attrs(":v", n("1"))));
  }
}
