package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.leadhandoff.local.asl.eval.ReferencePath;
import java.util.Optional;

/**
 * Reads the path-valued fields of a state: Paths (which may read the context object with {@code
 * $$}), Reference Paths (which may not) and their null forms.
 */
final class Paths {
  /**
   * Paths into the state's input that cannot name a workflow variable instead. ItemsPath may: the
   * ASL grammar that LocalStack checks against Step Functions reads it, like MaxConcurrencyPath, as
   * a path, context path or variable.
   */
  private static final java.util.Set<String> NO_VARIABLES =
      java.util.Set.of("InputPath", "OutputPath", "ResultPath");

  private Paths() {}

  /** A JSONPath field that may be JSON null; absent means {@code $}. */
  static Optional<String> nullablePath(JsonNode state, String field, String where, Problems p) {
    JsonNode value = state.get(field);
    if (value == null) {
      return Optional.of("$");
    }
    if (value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(path(value, field, where, p));
  }

  /** A Reference Path field that may be JSON null; absent means {@code $}. */
  static Optional<String> nullableReferencePath(
      JsonNode state, String field, String where, Problems p) {
    JsonNode value = state.get(field);
    if (value == null) {
      return Optional.of("$");
    }
    if (value.isNull()) {
      return Optional.empty();
    }
    String text = path(value, field, where, p);
    if (text.startsWith("$$")) {
      p.addAt(where, field, field + " '" + text + "' must not refer to the context object");
      return Optional.of(text);
    }
    try {
      ReferencePath.parse(text);
    } catch (IllegalArgumentException e) {
      p.addAt(
          where, field, field + " must be a Reference Path to one node (" + e.getMessage() + ")");
    }
    return Optional.of(text);
  }

  /** A JSONPath given as a JSON string, checked for syntax. */
  static String path(JsonNode value, String field, String where, Problems p) {
    if (!value.isTextual()) {
      p.addAt(where, field, field + " must be a string path, got " + value);
      return "$";
    }
    String text = value.asText();
    checkSyntax(text, field, where, p);
    return text;
  }

  static void checkSyntax(String text, String field, String where, Problems p) {
    if (!text.startsWith("$")) {
      p.addAt(where, field, field + " '" + text + "' is not a JSONPath (must start with $)");
      return;
    }
    Optional<com.leadhandoff.local.asl.model.Expression.VariablePath> variable =
        com.leadhandoff.local.asl.eval.VariablePaths.parse(text);
    if (variable.isPresent() && NO_VARIABLES.contains(field)) {
      p.addAt(where, field, field + " '" + text + "' cannot refer to a workflow variable");
      return;
    }
    if (variable.isPresent()) {
      text = variable.get().path(); // $name.rest: the rest is checked as a JSONPath
      return;
    }
    try {
      // A path may read the context object ($$...), as Step Functions allows in InputPath,
      // OutputPath, a Choice Variable and the other Path fields.
      JsonPath.compile(text.startsWith("$$") ? text.substring(1) : text);
    } catch (InvalidPathException | IllegalArgumentException e) {
      p.addAt(where, field, field + " '" + text + "' is not a valid JSONPath: " + e.getMessage());
    }
  }
}
