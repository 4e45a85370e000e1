package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.model.Assign;
import com.leadhandoff.local.asl.model.DataFlow;
import com.leadhandoff.local.asl.model.QueryLanguage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a state says about data flow beyond JSONPath — QueryLanguage, Assign, and in JSONata
 * Arguments and Output, also on choice rules and catchers — and hands the state parsers the rest.
 * Enforces which fields each query language allows (developer guide, "Transforming data with
 * JSONata": a JSONata state has Arguments and Output instead of InputPath, Parameters,
 * ResultSelector, ResultPath and OutputPath; "Passing data between states with variables": Assign
 * on Pass, Task, Map, Parallel, Choice and Wait).
 */
final class JsonataFields {
  private static final Set<String> JSONPATH_ONLY =
      Set.of(
          "InputPath",
          "Parameters",
          "ResultSelector",
          "ResultPath",
          "OutputPath",
          "Result",
          "ItemsPath",
          "SecondsPath",
          "TimestampPath",
          "TimeoutSecondsPath",
          "HeartbeatSecondsPath",
          "ErrorPath",
          "CausePath",
          "MaxConcurrencyPath",
          "ToleratedFailureCountPath",
          "ToleratedFailurePercentagePath");
  private static final Set<String> ASSIGN_TYPES =
      Set.of("Pass", "Task", "Map", "Parallel", "Choice", "Wait");
  private static final Set<String> OUTPUT_TYPES =
      Set.of("Pass", "Task", "Map", "Parallel", "Choice", "Wait", "Succeed");
  private static final Set<String> ARGUMENTS_TYPES = Set.of("Task", "Parallel");

  /** Fields of JSONata states whose string value may be one {@code {% %}} expression. */
  private static final List<String> SCALAR_EXPRESSIONS =
      List.of(
          "Seconds",
          "Timestamp",
          "TimeoutSeconds",
          "HeartbeatSeconds",
          "Error",
          "Cause",
          "Items",
          "MaxConcurrency",
          "ToleratedFailureCount",
          "ToleratedFailurePercentage");

  private JsonataFields() {}

  /**
   * What a state parser sees and the state's data flow.
   *
   * @param node the state without QueryLanguage, Assign, Arguments and Output (also removed from
   *     its choice rules and catchers)
   */
  record Split(JsonNode node, DataFlow flow) {}

  /** Splits {@code state}; {@code inherited} is the definition's QueryLanguage. */
  static Split split(JsonNode state, QueryLanguage inherited, String where, Problems p) {
    String type = state.path("Type").asText("");
    QueryLanguage language = language(state, inherited, where, p);
    boolean jsonata = language == QueryLanguage.JSONATA;
    ObjectNode rest = ((ObjectNode) state).deepCopy();
    rest.remove(List.of("QueryLanguage", "Assign", "Arguments", "Output"));
    if (jsonata) {
      for (String field : JSONPATH_ONLY) {
        if (state.has(field)) {
          p.add(where, "the field '" + field + "' is not supported in a JSONata state");
        }
      }
      for (String field : SCALAR_EXPRESSIONS) {
        checkExpressions(state.get(field), field, where, p);
      }
    }
    Optional<Assign> assign = Optional.empty();
    if (state.has("Assign")) {
      if (ASSIGN_TYPES.contains(type)) {
        assign = AssignParser.parse(state.get("Assign"), jsonata, where + " Assign", p);
      } else {
        p.add(where, "Assign is not allowed in a " + type + " state");
      }
    }
    Optional<JsonNode> arguments =
        jsonataField(state, "Arguments", ARGUMENTS_TYPES, jsonata, where, p);
    Optional<JsonNode> output = jsonataField(state, "Output", OUTPUT_TYPES, jsonata, where, p);
    List<DataFlow.Outcome> rules =
        Outcomes.read(rest.get("Choices"), jsonata, true, where + " Choices", p);
    List<DataFlow.Outcome> catchers =
        Outcomes.read(rest.get("Catch"), jsonata, false, where + " Catch", p);
    if (jsonata && type.equals("Task")) {
      TaskArguments.check(state, arguments, where, p);
    }
    return new Split(rest, new DataFlow(language, assign, arguments, output, rules, catchers));
  }

  private static QueryLanguage language(
      JsonNode state, QueryLanguage inherited, String where, Problems p) {
    JsonNode value = state.get("QueryLanguage");
    if (value == null) {
      return inherited;
    }
    Optional<QueryLanguage> language = QueryLanguage.of(value.asText(""));
    if (language.isEmpty() || !value.isTextual()) {
      p.add(where, "QueryLanguage must be JSONPath or JSONata, got " + value);
      return inherited;
    }
    return language.get();
  }

  /** Arguments or Output: JSONata only, and only on the state types that have it. */
  private static Optional<JsonNode> jsonataField(
      JsonNode state, String field, Set<String> types, boolean jsonata, String where, Problems p) {
    JsonNode value = state.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!jsonata) {
      p.add(where, "the field '" + field + "' is only supported in a JSONata state");
      return Optional.empty();
    }
    String type = state.path("Type").asText("");
    if (!types.contains(type)) {
      p.add(where, field + " is not allowed in a " + type + " state");
      return Optional.empty();
    }
    checkExpressions(value, field, where, p);
    return Optional.of(value.deepCopy());
  }

  /** Reports every {@code {% %}} string under {@code value} that does not parse. */
  static void checkExpressions(JsonNode value, String field, String where, Problems p) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (Jsonata.isExpression(text)) {
        Jsonata.syntaxProblem(text)
            .ifPresent(
                problem ->
                    p.add(
                        where,
                        "the JSONata expression '"
                            + Jsonata.body(text)
                            + "' in "
                            + field
                            + " is not valid: "
                            + problem));
      } else if (text.contains("{%") && text.contains("%}")) {
        p.add(where, field + ": a JSONata expression must be the whole string, {% ... %}");
      }
      return;
    }
    value.forEach(child -> checkExpressions(child, field, where, p));
  }
}
