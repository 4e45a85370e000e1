package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.assertValidation;
import static com.leadhandoff.dynamodb.expr.Fixtures.attrs;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Placeholder bookkeeping: Developer Guide, "Expression attribute names (aliases) in DynamoDB" and
 * "Using expression attribute values in DynamoDB".
 */
class ExpressionAttributesTest {
  @Test
  void allPlaceholdersUsedAcrossSeveralExpressionsPasses() {
    ExpressionAttributes a = attrs("#n", "name", ":v", s("x"), ":w", n("1"));
    Expressions.condition("#n = :v", "ConditionExpression", a);
    Expressions.update("ADD c :w", a);
    assertDoesNotThrow(() -> a.checkAllUsed());
    assertDoesNotThrow(() -> a.checkAllUsed(true));
  }

  @Test
  void unusedValueIsRefused() {
    ExpressionAttributes a = attrs(":a", s("x"), ":b", s("y"));
    Expressions.condition("x = :a", "ConditionExpression", a);
    assertValidation(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}",
        a::checkAllUsed);
  }

  @Test
  void unusedNamesAreAllListed() {
    ExpressionAttributes a = attrs("#n", "x", "#m", "y", "#k", "z");
    Expressions.projection("#m", a);
    assertValidation(
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n, #k}",
        a::checkAllUsed);
  }

  @Test
  void placeholdersUsedOnlyByAFailedParseStayUnused() {
    ExpressionAttributes a = attrs(":a", s("x"));
    assertValidation(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a}",
        a::checkAllUsed);
  }

  @Test
  void namesOrValuesWithoutAnyExpressionAreRefused() {
    assertValidation(
        "ExpressionAttributeNames can only be specified when using expressions",
        () -> attrs("#n", "x").checkAllUsed(false));
    assertValidation(
        "ExpressionAttributeValues can only be specified when using expressions",
        () -> attrs(":v", n("1")).checkAllUsed(false));
    assertDoesNotThrow(() -> ExpressionAttributes.none().checkAllUsed(false));
  }

  @Test
  void nullMapsAreEmpty() {
    ExpressionAttributes a = new ExpressionAttributes(null, null);
    assertTrue(a.names().isEmpty());
    assertTrue(a.values().isEmpty());
    assertDoesNotThrow(() -> a.checkAllUsed());
  }

  @Test
  void undefinedPlaceholderNamesTheParameter() {
    assertValidation(
        "Invalid ProjectionExpression: An expression attribute name used in the document path is"
            + " not defined; attribute name: #x",
        () -> Expressions.projection("a.#x", ExpressionAttributes.none()));
  }

  @Test
  void presentButEmptyMapsAreRefused() {
    assertValidation(
        "ExpressionAttributeNames must not be empty",
        () -> new ExpressionAttributes(Map.of(), null).checkKeys());
    assertValidation(
        "ExpressionAttributeValues must not be empty",
        () -> new ExpressionAttributes(null, Map.<String, AttributeValue>of()).checkKeys());
    assertDoesNotThrow(() -> new ExpressionAttributes(null, null).checkKeys());
  }

  @Test
  void keysMustBePlaceholderTokens() {
    assertValidation(
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"name\"",
        () -> new ExpressionAttributes(Map.of("name", "x"), null).checkKeys());
    assertValidation(
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"",
        () -> new ExpressionAttributes(null, Map.of(":a-b", n("1"))).checkKeys());
    assertValidation(
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"",
        () -> new ExpressionAttributes(Map.of("#", "x"), null).checkKeys());
    assertDoesNotThrow(
        () -> new ExpressionAttributes(Map.of("#_1a", "x"), Map.of(":9_", n("1"))).checkKeys());
  }

  @Test
  void unusedNamesAreReportedBeforeUnusedValues() {
    ExpressionAttributes a = attrs("#n", "x", ":v", n("1"));
    assertValidation(
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}",
        a::checkAllUsed);
  }
}
