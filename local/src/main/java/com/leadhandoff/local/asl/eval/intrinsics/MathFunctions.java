package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.Map;
import java.util.Random;

/** The developer guide's "Intrinsics for Math operations". */
final class MathFunctions {
  private MathFunctions() {}

  static void register(Map<String, Signature> functions) {
    functions.put("States.MathRandom", new Signature(2, 3, MathFunctions::random));
    functions.put("States.MathAdd", new Signature(2, 2, MathFunctions::add));
  }

  /**
   * A random integer from start (inclusive) to end (exclusive); the same seed gives the same
   * number. Bounds lose their fraction, and bounds that collapse fail, as on AWS.
   */
  private static JsonNode random(Arguments args) {
    long start = args.truncated(0);
    long end = args.truncated(1);
    args.require(Arguments.isInt(start) && Arguments.isInt(end) && start < end);
    Random source = args.size() == 3 ? new Random(args.truncated(2)) : args.random();
    long span = end - start;
    return LongNode.valueOf(start + (long) (source.nextDouble() * span));
  }

  /**
   * The sum of two integers in the 32-bit range, which the sum must also fit. A number with a
   * fraction is rounded first, half up as Java's Math.round (recorded on AWS: -1.5 + -1.51 is -3).
   */
  private static JsonNode add(Arguments args) {
    long first = args.rounded(0);
    long second = args.rounded(1);
    long sum = first + second;
    args.require(Arguments.isInt(first) && Arguments.isInt(second) && Arguments.isInt(sum));
    return LongNode.valueOf(sum);
  }
}
