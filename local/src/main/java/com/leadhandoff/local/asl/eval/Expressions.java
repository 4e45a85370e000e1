package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Expression;
import java.util.ArrayList;
import java.util.List;

/** Evaluates an {@link Expression} in a {@link Scope}. */
public final class Expressions {
  private Expressions() {}

  public static JsonNode evaluate(Expression expression, Scope scope) {
    if (expression instanceof Expression.Literal literal) {
      return literal.value();
    }
    if (expression instanceof Expression.InputPath path) {
      return JsonPaths.require(scope.input(), path.path(), scope.missingPathError(), "The path");
    }
    if (expression instanceof Expression.ContextPath path) {
      return JsonPaths.require(
          scope.context(), path.path(), scope.missingPathError(), "The context path");
    }
    if (expression instanceof Expression.VariablePath path) {
      return VariablePaths.read(scope, path);
    }
    Expression.Intrinsic call = (Expression.Intrinsic) expression;
    List<JsonNode> args = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      args.add(evaluate(argument, scope));
    }
    return Intrinsics.apply(call.function(), args, scope.random());
  }
}
