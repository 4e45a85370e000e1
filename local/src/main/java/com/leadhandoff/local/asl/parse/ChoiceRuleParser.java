package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.model.ChoiceRule;
import com.leadhandoff.local.asl.model.ComparisonOperator;
import com.leadhandoff.local.asl.model.ComparisonOperator.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses Choice rules: And/Or/Not, and Variable with exactly one comparison operator. */
final class ChoiceRuleParser {
  private ChoiceRuleParser() {}

  /** Parses one rule; {@code topLevel} rules carry Next, nested ones must not. */
  static Optional<ChoiceRule> parse(JsonNode node, boolean topLevel, String where, Problems p) {
    if (!node.isObject()) {
      p.add(where, "a choice rule must be a JSON object");
      return Optional.empty();
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("Variable") || field.equals("Comment")) {
        continue;
      }
      if (field.equals("Next")) {
        if (!topLevel) {
          p.add(where, "Next is only allowed on a top-level choice rule");
        }
        continue;
      }
      if (Set.of("And", "Or", "Not").contains(field) || operatorFor(field).isPresent()) {
        operators.add(field);
      } else if (field.equals("Condition")) {
        p.add(where, "Condition is only allowed on a top-level rule of a JSONata Choice state");
      } else if (field.equals("Assign")) {
        p.add(where, "Assign is only allowed on a top-level choice rule");
      } else {
        p.add(where, "unknown choice rule field '" + field + "'");
      }
    }
    if (operators.size() != 1) {
      p.add(where, "a choice rule needs exactly one operator, found " + operators);
      return Optional.empty();
    }
    String operator = operators.get(0);
    JsonNode value = node.get(operator);
    switch (operator) {
      case "And":
      case "Or":
        {
          if (node.has("Variable")) {
            p.add(where, operator + " must not have a Variable");
          }
          if (!value.isArray() || value.isEmpty()) {
            p.add(where, operator + " must be a non-empty array of rules");
            return Optional.empty();
          }
          List<ChoiceRule> rules = new ArrayList<>();
          for (int i = 0; i < value.size(); i++) {
            parse(value.get(i), false, where + " " + operator + "[" + i + "]", p)
                .ifPresent(rules::add);
          }
          return Optional.of(
              operator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules));
        }
      case "Not":
        if (node.has("Variable")) {
          p.add(where, "Not must not have a Variable");
        }
        return parse(value, false, where + " Not", p).map(ChoiceRule.Not::new);
      default:
        return comparison(node, operator, value, where, p);
    }
  }

  private static Optional<ChoiceRule> comparison(
      JsonNode node, String field, JsonNode value, String where, Problems p) {
    JsonNode variable = node.get("Variable");
    if (variable == null) {
      p.add(where, field + " needs a Variable");
      return Optional.empty();
    }
    String variablePath = Paths.path(variable, "Variable", where, p);
    boolean isPath = ComparisonOperator.byFieldName(field).isEmpty();
    ComparisonOperator op = operatorFor(field).orElseThrow();
    if (isPath) {
      if (!value.isTextual()) {
        p.add(where, field + " must be a path string");
        return Optional.empty();
      }
      Paths.checkSyntax(value.asText(), field, where, p);
      return Optional.of(
          new ChoiceRule.Comparison(variablePath, op, TextNode.valueOf(value.asText()), true));
    }
    if (!literalMatches(op, value)) {
      p.add(where, field + " has an operand of the wrong type: " + value);
      return Optional.empty();
    }
    return Optional.of(new ChoiceRule.Comparison(variablePath, op, value, false));
  }

  private static boolean literalMatches(ComparisonOperator op, JsonNode value) {
    Kind kind = op.kind();
    switch (kind) {
      case STRING:
        return value.isTextual();
      case NUMBER:
        return value.isNumber();
      case BOOLEAN:
      case TYPE_TEST:
        return value.isBoolean();
      case TIMESTAMP:
        return value.isTextual() && Timestamps.parse(value.asText()).isPresent();
      default:
        return false;
    }
  }

  /** The operator for a field name, accepting the Path suffix where a Path variant exists. */
  private static Optional<ComparisonOperator> operatorFor(String field) {
    Optional<ComparisonOperator> exact = ComparisonOperator.byFieldName(field);
    if (exact.isPresent()) {
      return exact;
    }
    if (field.endsWith("Path")) {
      return ComparisonOperator.byFieldName(field.substring(0, field.length() - 4))
          .filter(ComparisonOperator::hasPathVariant);
    }
    return Optional.empty();
  }
}
