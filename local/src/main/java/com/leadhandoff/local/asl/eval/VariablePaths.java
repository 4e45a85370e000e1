package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Expression;
import java.util.Optional;

/**
 * JSONPath references to workflow variables: {@code $name} is the variable's value, {@code
 * $name.a[0]} a path into it (developer guide, "Passing data between states with variables").
 */
public final class VariablePaths {
  private VariablePaths() {}

  /**
   * Splits {@code $name…} into the variable name and the rest as a JSONPath ({@code $…}); empty
   * when {@code path} is an input path ({@code $}, {@code $.x}, {@code $[0]}) or a context path.
   */
  public static Optional<Expression.VariablePath> parse(String path) {
    if (path.length() < 2 || path.charAt(0) != '$' || !isNameStart(path.codePointAt(1))) {
      return Optional.empty();
    }
    int end = 1;
    while (end < path.length() && isNamePart(path.codePointAt(end))) {
      end += Character.charCount(path.codePointAt(end));
    }
    return Optional.of(
        new Expression.VariablePath(path.substring(1, end), "$" + path.substring(end)));
  }

  /** Whether {@code c} may start a variable name (Unicode identifier start or underscore). */
  public static boolean isNameStart(int c) {
    return c == '_' || Character.isUnicodeIdentifierStart(c);
  }

  /** Whether {@code c} may continue a variable name. */
  public static boolean isNamePart(int c) {
    return c == '_' || Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
  }

  /** The value at a variable path; a missing variable or path raises the scope's error. */
  public static JsonNode read(Scope scope, Expression.VariablePath path) {
    String written = "$" + path.name() + path.path().substring(1);
    JsonNode value =
        scope
            .variables()
            .get(path.name())
            .orElseThrow(
                () ->
                    new StatesError(
                        scope.missingPathError(),
                        "Invalid path '"
                            + written
                            + "' : The variable '"
                            + path.name()
                            + "' is not defined in this scope"));
    return JsonPaths.read(value, path.path())
        .orElseThrow(
            () ->
                new StatesError(
                    scope.missingPathError(),
                    "Invalid path '"
                        + written
                        + "' : The path could not be found in the value of the variable '"
                        + path.name()
                        + "'"));
  }

  /**
   * The value at {@code path} in {@code input}, or in a variable when the path names one: how
   * Choice variables, SecondsPath and TimestampPath read.
   */
  public static Optional<JsonNode> readEither(JsonNode input, String path, Variables variables) {
    Optional<Expression.VariablePath> variable = parse(path);
    if (variable.isEmpty()) {
      return JsonPaths.read(input, path);
    }
    return variables
        .get(variable.get().name())
        .flatMap(v -> JsonPaths.read(v, variable.get().path()));
  }
}
