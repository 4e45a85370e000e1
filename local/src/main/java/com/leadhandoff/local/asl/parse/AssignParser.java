package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Assign;
import com.leadhandoff.local.asl.model.Template;
import java.util.Optional;

/**
 * Parses an {@code Assign} field: an object of variable names; in JSONPath a {@code name.$} key
 * takes a path or intrinsic function, in JSONata any string may be a {@code {% %}} expression.
 */
final class AssignParser {
  private AssignParser() {}

  /** The Assign, or empty (with problems reported) when it is not an object. */
  static Optional<Assign> parse(JsonNode value, boolean jsonata, String where, Problems p) {
    if (!value.isObject()) {
      p.add(where, "Assign must be a JSON object");
      return Optional.empty();
    }
    value
        .fieldNames()
        .forEachRemaining(key -> VariableNames.check(jsonata ? key : stripDollar(key), where, p));
    if (jsonata) {
      JsonataFields.checkExpressions(value, "Assign", where, p);
      return Optional.of(new Assign.Jsonata(value.deepCopy()));
    }
    return Optional.of(
        new Assign.Paths((Template.ObjectTemplate) TemplateParser.parse(value, where, p)));
  }

  private static String stripDollar(String key) {
    return key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
  }
}
