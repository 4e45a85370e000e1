package com.leadhandoff.local.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ValidateStateMachineDefinition: every problem the parser finds, as diagnostics. An empty list is
 * the API's result {@code OK}; any ERROR makes it {@code FAIL}.
 */
public final class DefinitionValidator {
  private DefinitionValidator() {}

  /**
   * The diagnostics of {@code definitionJson}.
   *
   * @param express whether it is for an EXPRESS state machine (which refuses callback tasks)
   */
  public static List<Diagnostic> validate(String definitionJson, boolean express) {
    if (definitionJson == null || definitionJson.isBlank()) {
      return List.of(
          Diagnostic.error(
              "MISSING_DESCRIPTION", "The definition is null or empty.", Optional.empty()));
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      DefinitionParser.parse(definitionJson);
    } catch (InvalidDefinitionException e) {
      e.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
    }
    if (express && diagnostics.isEmpty()) {
      Optional<JsonNode> json = Json.tryParse(definitionJson);
      json.flatMap(ExpressRules::unsupportedResource)
          .ifPresent(
              r ->
                  diagnostics.add(
                      Diagnostic.error(
                          "SCHEMA_VALIDATION_FAILED",
                          ExpressRules.message(r),
                          Optional.of("/States"))));
    }
    return List.copyOf(diagnostics);
  }

  /**
   * A problem of the parser as the API's diagnostic. Schema problems are located from the parser's
   * words as a JSON pointer (a name's {@code /} escaped as {@code ~1}, array items as {@code /0}),
   * at the field where the words name one; the parser's own codes for a missing transition target
   * or terminal state keep its location.
   */
  static Diagnostic diagnostic(com.leadhandoff.local.asl.parse.Diagnostic problem) {
    if (!problem
        .code()
        .equals(com.leadhandoff.local.asl.parse.Diagnostic.SCHEMA_VALIDATION_FAILED)) {
      return Diagnostic.error(problem.code(), problem.message(), problem.location());
    }
    Diagnostic fromWords = diagnostic(problem.legacyText());
    return fromWords.location().isPresent()
        ? fromWords
        : Diagnostic.error(fromWords.code(), problem.message(), problem.location());
  }

  /** A problem of the parser, {@code "<where>: <message>"}, as a diagnostic. */
  static Diagnostic diagnostic(String problem) {
    if (problem.startsWith("the definition is not valid JSON")) {
      return Diagnostic.error("INVALID_JSON_DESCRIPTION", problem, Optional.empty());
    }
    int colon = whereEnds(problem);
    if (colon < 0) {
      return Diagnostic.error("SCHEMA_VALIDATION_FAILED", problem, Optional.empty());
    }
    String where = problem.substring(0, colon);
    String message = problem.substring(colon + 2);
    return Diagnostic.error(code(message), message, ProblemLocations.of(where, message));
  }

  // Where ends at the first ": " after the state's quoted name (a name may hold ": ").
  private static int whereEnds(String problem) {
    int from = 0;
    if (problem.startsWith("State '")) {
      from = problem.indexOf('\'', "State '".length());
      if (from < 0) {
        return -1;
      }
    }
    return problem.indexOf(": ", from);
  }

  private static String code(String message) {
    if (message.startsWith("Resource '")) {
      return "INVALID_RESOURCE";
    }
    if (message.startsWith("a state name has at most")) {
      return "INVALID_STATE_NAME";
    }
    return "SCHEMA_VALIDATION_FAILED";
  }
}
