package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.IntrinsicError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every intrinsic function of the developer guide's "Intrinsic functions for JSONPath states":
 * arrays, encoding and hashing, JSON manipulation, math, strings and UUID. A call with the wrong
 * number or type of arguments fails when it runs, as on AWS ("Invalid arguments in States.X"), not
 * when the definition is created.
 */
public final class IntrinsicFunctions {
  private static final Map<String, Signature> FUNCTIONS = new HashMap<>();

  static {
    ArrayFunctions.register(FUNCTIONS);
    EncodingFunctions.register(FUNCTIONS);
    JsonFunctions.register(FUNCTIONS);
    MathFunctions.register(FUNCTIONS);
    StringFunctions.register(FUNCTIONS);
  }

  private IntrinsicFunctions() {}

  /** Whether {@code function} (e.g. {@code States.Hash}) exists. */
  public static boolean exists(String function) {
    return FUNCTIONS.containsKey(function);
  }

  /**
   * Applies {@code function} to evaluated arguments.
   *
   * @param random the execution's random source (States.UUID, an unseeded States.MathRandom)
   * @throws IntrinsicError for arguments the function refuses
   */
  public static JsonNode apply(String function, List<JsonNode> args, Random random) {
    Signature signature = FUNCTIONS.get(function);
    if (signature == null) {
      throw new IllegalStateException("validation let through " + function);
    }
    if (!signature.accepts(args.size())) {
      throw IntrinsicError.invalidArguments(function);
    }
    return signature.body().apply(new Arguments(function, args, random));
  }
}
