package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Expressions;
import com.leadhandoff.local.asl.model.Expression;
import com.leadhandoff.local.asl.model.FailState;
import java.util.Optional;

/** Fail: ends the program with Error and Cause, literal or from ErrorPath/CausePath. */
final class FailRunner {
  private FailRunner() {}

  static Step start(FailState state, StateCall call) {
    if (call.flow().jsonata()) {
      return JsonataStates.fail(state, call);
    }
    return new Step.Failed(
        text(state.error(), call, "ErrorPath").orElse(null),
        text(state.cause(), call, "CausePath").orElse(null));
  }

  private static Optional<String> text(
      Optional<Expression> expression, StateCall call, String field) {
    return expression.map(
        e -> {
          JsonNode value = Expressions.evaluate(e, call.scope(call.rawInput()), field);
          return value.isTextual() ? value.asText() : value.toString();
        });
  }
}
