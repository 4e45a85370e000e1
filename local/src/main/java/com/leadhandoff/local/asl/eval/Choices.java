package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.ChoiceRule;
import com.leadhandoff.local.asl.model.ComparisonOperator;
import com.leadhandoff.local.asl.model.ComparisonOperator.Relation;
import java.time.Instant;
import java.util.Optional;

/** Evaluates Choice rules against a state's effective input. */
public final class Choices {
  private Choices() {}

  /**
   * Whether {@code rule} matches {@code input}. A comparison whose Variable (or Path operand) does
   * not exist fails the state with States.Runtime, as Step Functions does; only IsPresent may test
   * a missing Variable. A value of the wrong type simply does not match.
   */
  public static boolean matches(ChoiceRule rule, JsonNode input) {
    return matches(rule, input, Json.object(), Variables.root());
  }

  /**
   * Whether {@code rule} matches, where a Variable or Path operand may read the context object
   * ({@code $$…}) or, written {@code $name…}, a workflow variable (developer guide, "Passing data
   * between states with variables").
   */
  public static boolean matches(
      ChoiceRule rule, JsonNode input, JsonNode context, Variables variables) {
    if (rule instanceof ChoiceRule.And and) {
      return and.rules().stream().allMatch(r -> matches(r, input, context, variables));
    }
    if (rule instanceof ChoiceRule.Or or) {
      return or.rules().stream().anyMatch(r -> matches(r, input, context, variables));
    }
    if (rule instanceof ChoiceRule.Not not) {
      return !matches(not.rule(), input, context, variables);
    }
    if (rule instanceof ChoiceRule.Condition) {
      throw new IllegalStateException("a JSONata Condition is evaluated by the JSONata runner");
    }
    ChoiceRule.Comparison comparison = (ChoiceRule.Comparison) rule;
    ComparisonOperator op = comparison.operator();
    Optional<JsonNode> variable = read(input, context, comparison.variable(), variables);
    if (op == ComparisonOperator.IS_PRESENT) {
      return variable.isPresent() == comparison.operand().asBoolean();
    }
    JsonNode value = variable.orElseThrow(() -> missing(comparison.variable()));
    JsonNode operand =
        comparison.operandIsPath()
            ? read(input, context, comparison.operand().asText(), variables)
                .orElseThrow(() -> missing(comparison.operand().asText()))
            : comparison.operand();
    switch (op.kind()) {
      case TYPE_TEST:
        return typeTest(op, value) == operand.asBoolean();
      case STRING:
        if (!value.isTextual() || !operand.isTextual()) {
          return false;
        }
        if (op.relation() == Relation.MATCHES) {
          return wildcardMatch(value.asText(), operand.asText());
        }
        return relate(op.relation(), value.asText().compareTo(operand.asText()));
      case NUMBER:
        if (!value.isNumber() || !operand.isNumber()) {
          return false;
        }
        return relate(op.relation(), value.decimalValue().compareTo(operand.decimalValue()));
      case BOOLEAN:
        return value.isBoolean() && operand.isBoolean() && value.asBoolean() == operand.asBoolean();
      case TIMESTAMP:
        {
          Optional<Instant> left =
              value.isTextual() ? Timestamps.parse(value.asText()) : Optional.empty();
          Optional<Instant> right =
              operand.isTextual() ? Timestamps.parse(operand.asText()) : Optional.empty();
          if (left.isEmpty() || right.isEmpty()) {
            return false;
          }
          return relate(op.relation(), left.get().compareTo(right.get()));
        }
      default:
        throw new IllegalStateException("unhandled operator " + op);
    }
  }

  private static boolean typeTest(ComparisonOperator op, JsonNode value) {
    switch (op) {
      case IS_NULL:
        return value.isNull();
      case IS_NUMERIC:
        return value.isNumber();
      case IS_STRING:
        return value.isTextual();
      case IS_BOOLEAN:
        return value.isBoolean();
      case IS_TIMESTAMP:
        return value.isTextual() && Timestamps.parse(value.asText()).isPresent();
      default:
        throw new IllegalStateException("not a type test: " + op);
    }
  }

  private static boolean relate(Relation relation, int comparison) {
    switch (relation) {
      case EQ:
        return comparison == 0;
      case LT:
        return comparison < 0;
      case GT:
        return comparison > 0;
      case LE:
        return comparison <= 0;
      case GE:
        return comparison >= 0;
      default:
        throw new IllegalStateException("unhandled relation " + relation);
    }
  }

  /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} escape. */
  static boolean wildcardMatch(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL)
        .matcher(value)
        .matches();
  }

  /** Step Functions' cause, which does not quote the input. */
  /** A path into the input, the context object ({@code $$…}) or a workflow variable. */
  private static Optional<JsonNode> read(
      JsonNode input, JsonNode context, String path, Variables variables) {
    return VariablePaths.parse(path).isPresent()
        ? VariablePaths.readEither(input, path, variables)
        : JsonPaths.read(input, context, path);
  }

  private static StatesError missing(String path) {
    return new StatesError(
        ErrorNames.RUNTIME,
        "Invalid path '"
            + path
            + "': The choice state's condition path references an invalid value.");
  }
}
