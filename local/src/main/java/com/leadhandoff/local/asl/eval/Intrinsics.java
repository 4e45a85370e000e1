package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.intrinsics.IntrinsicFunctions;
import com.leadhandoff.local.asl.model.Expression;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The intrinsic functions, checked when a definition is validated and applied when it runs. Every
 * function of the developer guide is implemented; an unknown {@code States.*} name is refused at
 * validation, while a wrong argument count or type fails at run time, as on AWS.
 */
public final class Intrinsics {
  private Intrinsics() {}

  /**
   * A validation problem with this call, if any: an unknown function, a States.Format template that
   * is a literal non-string, or a States.JsonMerge asking for the deep mode Step Functions does not
   * support.
   */
  public static Optional<String> checkCall(String function, List<Expression> args) {
    if (!IntrinsicFunctions.exists(function)) {
      return Optional.of("intrinsic function " + function + " is not supported");
    }
    if (function.equals("States.Format")
        && !args.isEmpty()
        && args.get(0) instanceof Expression.Literal literal
        && !literal.value().isTextual()) {
      return Optional.of("the first argument of States.Format must be a string");
    }
    if (function.equals("States.JsonMerge")
        && args.size() == 3
        && args.get(2) instanceof Expression.Literal literal
        && literal.value().isBoolean()
        && literal.value().booleanValue()) {
      return Optional.of(
          "States.JsonMerge supports only the shallow merging mode: its third argument must be"
              + " false");
    }
    return Optional.empty();
  }

  /**
   * Applies {@code function}; arguments it refuses raise an {@link IntrinsicError}, which the
   * enclosing field reports as States.Runtime.
   */
  public static JsonNode apply(String function, List<JsonNode> args, Random random) {
    return IntrinsicFunctions.apply(function, args, random);
  }
}
