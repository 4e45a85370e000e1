package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates an {@link Expression} in a {@link Scope}, with Step Functions' causes: a path that
 * matches nothing is "The JSONPath '$.x' specified for the field 'x.$' could not be found in the
 * input '…'", and a failing intrinsic is "The function 'States.Format(…)' had the following error:
 * …", quoting the whole call as written.
 */
public final class Expressions {
  private Expressions() {}

  /** Evaluates {@code expression}; {@code field} names where it is written, for the cause. */
  public static JsonNode evaluate(Expression expression, Scope scope, String field) {
    if (expression instanceof Expression.VariablePath variable) {
      return VariablePaths.read(scope, variable);
    }
    if (expression instanceof Expression.Intrinsic call) {
      try {
        return call(call, scope);
      } catch (IntrinsicError e) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "The function '" + call.text() + "' had the following error: " + e.getMessage());
      }
    }
    Optional<String> path = pathOf(expression);
    if (path.isEmpty()) {
      return ((Expression.Literal) expression).value();
    }
    return read(scope, path.get())
        .orElseThrow(
            () ->
                new StatesError(
                    scope.missingPathError(),
                    "The JSONPath '"
                        + path.get()
                        + "' specified for the field '"
                        + field
                        + "' could not be found in the input '"
                        + Json.write(
                            JsonPaths.documentOf(scope.input(), scope.context(), path.get()))
                        + "'"));
  }

  /** Evaluates {@code expression} written in an unnamed place. */
  public static JsonNode evaluate(Expression expression, Scope scope) {
    return evaluate(expression, scope, "");
  }

  private static JsonNode call(Expression.Intrinsic call, Scope scope) {
    List<JsonNode> args = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      args.add(argument(argument, scope));
    }
    return Intrinsics.apply(call.function(), args, scope.random());
  }

  private static JsonNode argument(Expression argument, Scope scope) {
    if (argument instanceof Expression.VariablePath variable) {
      return VariablePaths.read(scope, variable);
    }
    if (argument instanceof Expression.Intrinsic nested) {
      return call(nested, scope);
    }
    Optional<String> path = pathOf(argument);
    if (path.isEmpty()) {
      return ((Expression.Literal) argument).value();
    }
    Optional<JsonNode> value = read(scope, path.get());
    if (value.isPresent()) {
      return value.get();
    }
    JsonNode document = JsonPaths.documentOf(scope.input(), scope.context(), path.get());
    String reason = JsonPaths.missingReason(document, path.get());
    // Indexing a non-array: AWS passes on its JSONPath library's own words.
    if (reason.startsWith("Filter: ")) {
      throw new IntrinsicError(reason);
    }
    throw new IntrinsicError(
        "The JsonPath argument for the field '"
            + path.get()
            + "' could not be found in the input '"
            + Json.write(document)
            + "'");
  }

  /** The path as written ({@code $…} or {@code $$…}), or empty for a literal. */
  private static Optional<String> pathOf(Expression expression) {
    if (expression instanceof Expression.InputPath path) {
      return Optional.of(path.path());
    }
    if (expression instanceof Expression.ContextPath path) {
      return Optional.of("$" + path.path());
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> read(Scope scope, String path) {
    return JsonPaths.read(scope.input(), scope.context(), path);
  }
}
