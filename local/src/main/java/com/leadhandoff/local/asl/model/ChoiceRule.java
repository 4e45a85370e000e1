package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Boolean expression of a Choice state. */
public sealed interface ChoiceRule {
  /** {@code And}: every rule matches. */
  record And(List<ChoiceRule> rules) implements ChoiceRule {}

  /** {@code Or}: at least one rule matches. */
  record Or(List<ChoiceRule> rules) implements ChoiceRule {}

  /** {@code Not}: the rule does not match. */
  record Not(ChoiceRule rule) implements ChoiceRule {}

  /**
   * {@code Variable} compared with a literal, or, for the {@code …Path} operators ({@code
   * operandIsPath}), with the value at the path held as text in {@code operand}.
   */
  record Comparison(
      String variable, ComparisonOperator operator, JsonNode operand, boolean operandIsPath)
      implements ChoiceRule {}

  /** JSONata {@code Condition}: a {@code {% %}} expression that must yield a Boolean. */
  record Condition(String expression) implements ChoiceRule {}
}
