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
   * A problem of the parser as the API's diagnostic: the parser's code (refined from its words when
   * it is the generic schema failure) at the parser's location, or the one worked out from its
   * words when the parser names only the state.
   */
  static Diagnostic diagnostic(com.leadhandoff.local.asl.parse.Diagnostic problem) {
    Diagnostic fromWords = diagnostic(problem.legacyText());
    Optional<String> parsed = problem.location();
    boolean schema =
        problem.code().equals(com.leadhandoff.local.asl.parse.Diagnostic.SCHEMA_VALIDATION_FAILED);
    boolean onlyTheState = parsed.filter(l -> l.matches("/States/[^/]+")).isPresent();
    Optional<String> location =
        schema && (parsed.isEmpty() || onlyTheState && fromWords.location().isPresent())
            ? fromWords.location()
            : parsed;
    String code = schema ? fromWords.code() : problem.code();
    return Diagnostic.error(code, problem.message(), location);
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
