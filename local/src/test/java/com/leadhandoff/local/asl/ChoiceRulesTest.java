package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.eval.Choices;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.model.ChoiceRule;
import com.leadhandoff.local.asl.model.ComparisonOperator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRulesTest {
  private static final JsonNode INPUT =
      json(
          "{\"s\":\"beta\",\"n\":5,\"b\":true,\"t\":\"2025-03-03T09:00:00Z\",\"nul\":null,"
              + "\"other\":{\"s\":\"beta\",\"n\":5.0,\"b\":true,\"t\":\"2025-03-03T10:00:00+01:00\",\"lo\":\"alpha\",\"hi\":9}}");

  private static boolean eval(String variable, String operator, String operandJson) {
    boolean isPath = ComparisonOperator.byFieldName(operator).isEmpty();
    ComparisonOperator op =
        ComparisonOperator.byFieldName(isPath ? operator.replaceAll("Path$", "") : operator)
            .orElseThrow();
    JsonNode operand = isPath ? TextNode.valueOf(operandJson) : json(operandJson);
    return Choices.matches(new ChoiceRule.Comparison(variable, op, operand, isPath), INPUT);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$.s|StringEquals|\"beta\"|true",
        "$.s|StringEquals|\"Beta\"|false",
        "$.s|StringLessThan|\"gamma\"|true",
        "$.s|StringGreaterThan|\"alpha\"|true",
        "$.s|StringLessThanEquals|\"beta\"|true",
        "$.s|StringGreaterThanEquals|\"gamma\"|false",
        "$.s|StringMatches|\"b*a\"|true",
        "$.s|StringMatches|\"*z*\"|false",
        "$.s|StringEqualsPath|$.other.s|true",
        "$.s|StringGreaterThanPath|$.other.lo|true",
        "$.n|StringEquals|\"5\"|false",
        "$.n|NumericEquals|5|true",
        "$.n|NumericEquals|5.0|true",
        "$.n|NumericLessThan|6|true",
        "$.n|NumericGreaterThan|6|false",
        "$.n|NumericLessThanEquals|5|true",
        "$.n|NumericGreaterThanEquals|5.5|false",
        "$.n|NumericEqualsPath|$.other.n|true",
        "$.n|NumericLessThanPath|$.other.hi|true",
        "$.s|NumericEquals|5|false",
        "$.b|BooleanEquals|true|true",
        "$.b|BooleanEquals|false|false",
        "$.b|BooleanEqualsPath|$.other.b|true",
        "$.t|TimestampEquals|\"2025-03-03T09:00:00Z\"|true",
        "$.t|TimestampLessThan|\"2025-03-03T09:00:01Z\"|true",
        "$.t|TimestampGreaterThan|\"2025-03-03T08:59:59Z\"|true",
        "$.t|TimestampLessThanEquals|\"2025-03-03T09:00:00Z\"|true",
        "$.t|TimestampGreaterThanEquals|\"2025-03-03T09:00:01Z\"|false",
        "$.t|TimestampEqualsPath|$.other.t|true",
        "$.s|TimestampEquals|\"2025-03-03T09:00:00Z\"|false",
        "$.nul|IsNull|true|true",
        "$.s|IsNull|true|false",
        "$.missing|IsPresent|false|true",
        "$.s|IsPresent|true|true",
        "$.n|IsNumeric|true|true",
        "$.s|IsString|true|true",
        "$.n|IsString|false|true",
        "$.b|IsBoolean|true|true",
        "$.t|IsTimestamp|true|true",
        "$.s|IsTimestamp|true|false"
      })
  void comparison(String variable, String operator, String operand, boolean expected) {
    assertEquals(expected, eval(variable, operator, operand));
  }

  @Test
  void stringMatches_escapesStarAndBackslash() {
    JsonNode input = json("{\"v\":\"a*b\\\\c\"}");
    ChoiceRule literalStar =
        new ChoiceRule.Comparison(
            "$.v", ComparisonOperator.STRING_MATCHES, TextNode.valueOf("a\\*b\\\\c"), false);
    ChoiceRule anyRun =
        new ChoiceRule.Comparison(
            "$.v", ComparisonOperator.STRING_MATCHES, TextNode.valueOf("a\\*x*"), false);
    assertEquals(true, Choices.matches(literalStar, input));
    assertEquals(false, Choices.matches(anyRun, input));
  }

  @Test
  void andOrNot_combineRules() {
    ChoiceRule isBeta =
        new ChoiceRule.Comparison(
            "$.s", ComparisonOperator.STRING_EQUALS, TextNode.valueOf("beta"), false);
    ChoiceRule isFalse =
        new ChoiceRule.Comparison(
            "$.b", ComparisonOperator.BOOLEAN_EQUALS, BooleanNode.FALSE, false);
    assertEquals(false, Choices.matches(new ChoiceRule.And(List.of(isBeta, isFalse)), INPUT));
    assertEquals(true, Choices.matches(new ChoiceRule.Or(List.of(isBeta, isFalse)), INPUT));
    assertEquals(true, Choices.matches(new ChoiceRule.Not(isFalse), INPUT));
  }

  @Test
  void missingVariable_isARuntimeErrorExceptForIsPresent() {
    StatesError error =
        assertThrows(StatesError.class, () -> eval("$.missing", "StringEquals", "\"x\""));
    assertEquals("States.Runtime", error.error());
  }

  @Test
  void choiceStateWithoutMatchOrDefault_failsWithNoChoiceMatched() {
    try (EngineFixture fixture = new EngineFixture()) {
      String definition =
          "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\","
              + "\"NumericEquals\":1,\"Next\":\"D\"}]},\"D\":{\"Type\":\"Succeed\"}}}";
      String arn = fixture.run(definition, "{\"a\":2}");
      assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
      assertEquals("States.NoChoiceMatched", fixture.describe(arn).error().orElseThrow());
    }
  }

  @Test
  void choiceState_followsFirstMatchThenDefault() {
    try (EngineFixture fixture = new EngineFixture()) {
      String definition =
          "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":["
              + "{\"Variable\":\"$.a\",\"NumericGreaterThan\":10,\"Next\":\"Big\"},"
              + "{\"Variable\":\"$.a\",\"NumericGreaterThan\":1,\"Next\":\"Medium\"}],\"Default\":\"Small\"},"
              + "\"Big\":{\"Type\":\"Succeed\"},\"Medium\":{\"Type\":\"Succeed\"},\"Small\":{\"Type\":\"Succeed\"}}}";
      String arn = fixture.run(definition, "{\"a\":5}");
      assertEquals(List.of("C", "Medium"), fixture.statesEntered(arn));
    }
  }
}
