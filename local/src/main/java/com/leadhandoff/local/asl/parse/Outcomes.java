package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.model.Assign;
import com.leadhandoff.local.asl.model.DataFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Assign and (JSONata) Output of choice rules and catchers ("Choice workflow state": each rule
 * may assign when it matches; a JSONata Catch has Output instead of ResultPath), and the shape of a
 * JSONata choice rule: a Condition, Next, and nothing of JSONPath.
 */
final class Outcomes {
  private Outcomes() {}

  /** Assign and Output of each choice rule or catcher, removed from the node the parsers see. */
  static List<DataFlow.Outcome> read(
      JsonNode array, boolean jsonata, boolean rules, String where, Problems p) {
    List<DataFlow.Outcome> outcomes = new ArrayList<>();
    if (!(array instanceof ArrayNode elements)) {
      return outcomes;
    }
    for (int i = 0; i < elements.size(); i++) {
      JsonNode element = elements.get(i);
      String at = where + "[" + i + "]";
      if (!(element instanceof ObjectNode object)) {
        outcomes.add(DataFlow.Outcome.NONE);
        continue;
      }
      Optional<Assign> assign =
          object.has("Assign")
              ? AssignParser.parse(object.get("Assign"), jsonata, at + " Assign", p)
              : Optional.empty();
      Optional<JsonNode> output = Optional.empty();
      if (object.has("Output")) {
        if (jsonata) {
          JsonataFields.checkExpressions(object.get("Output"), "Output", at, p);
          output = Optional.of(object.get("Output").deepCopy());
        } else {
          p.add(at, "the field 'Output' is only supported in a JSONata state");
        }
      }
      if (jsonata && !rules && object.has("ResultPath")) {
        p.add(at, "the field 'ResultPath' is not supported in a JSONata state");
      }
      if (rules) {
        checkRule(object, jsonata, at, p);
      }
      object.remove(List.of("Assign", "Output"));
      outcomes.add(new DataFlow.Outcome(assign, output));
    }
    return outcomes;
  }

  /** A JSONata choice rule is a Condition; a JSONPath one has none. */
  private static void checkRule(ObjectNode rule, boolean jsonata, String at, Problems p) {
    if (jsonata) {
      if (!rule.has("Condition")) {
        p.add(at, "a choice rule of a JSONata state needs a Condition");
      }
      rule.fieldNames()
          .forEachRemaining(
              f -> {
                if (!Set.of("Condition", "Next", "Comment", "Assign", "Output").contains(f)) {
                  p.add(at, "the field '" + f + "' is not supported in a JSONata choice rule");
                }
              });
      JsonNode condition = rule.get("Condition");
      if (condition != null && !(condition.isBoolean() || Jsonata.isExpression(condition))) {
        p.add(at, "Condition must be a {% %} JSONata expression or a Boolean");
      }
      JsonataFields.checkExpressions(condition, "Condition", at, p);
    } else if (rule.has("Condition")) {
      p.add(at, "the field 'Condition' is only supported in a JSONata state");
    }
  }
}
