package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.IntrinsicError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * The evaluated arguments of one call, read by type. A value of the wrong type is Step Functions'
 * "Invalid arguments in States.X".
 */
final class Arguments {
  static final long INT_MIN = Integer.MIN_VALUE;
  static final long INT_MAX = Integer.MAX_VALUE;

  private final String function;
  private final List<JsonNode> values;
  private final Random random;

  Arguments(String function, List<JsonNode> values, Random random) {
    this.function = function;
    this.values = values;
    this.random = random;
  }

  int size() {
    return values.size();
  }

  JsonNode get(int index) {
    return values.get(index);
  }

  List<JsonNode> all() {
    return values;
  }

  Random random() {
    return random;
  }

  String text(int index) {
    JsonNode node = values.get(index);
    if (!node.isTextual()) {
      throw invalid();
    }
    return node.asText();
  }

  ArrayNode array(int index) {
    if (!(values.get(index) instanceof ArrayNode array)) {
      throw invalid();
    }
    return array;
  }

  ObjectNode object(int index) {
    if (!(values.get(index) instanceof ObjectNode object)) {
      throw invalid();
    }
    return object;
  }

  BigDecimal number(int index) {
    JsonNode node = values.get(index);
    if (!isFiniteNumber(node)) {
      throw invalid();
    }
    return node.decimalValue();
  }

  /**
   * A number with its fraction dropped (towards zero): what AWS does to the chunk size of
   * ArrayPartition, the bounds and step of ArrayRange, the index of ArrayGetItem and the bounds of
   * MathRandom (ArrayRange(1.6, 1.4, 1) is [1] on AWS).
   */
  long truncated(int index) {
    return withinLong(number(index).setScale(0, RoundingMode.DOWN));
  }

  /**
   * A number rounded half up towards positive infinity, as Java's {@code Math.round}: what AWS does
   * to the arguments of MathAdd (-1.5 becomes -1, 1.5 becomes 2, recorded on AWS).
   */
  long rounded(int index) {
    return withinLong(number(index).add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR));
  }

  private long withinLong(BigDecimal whole) {
    if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
        || whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid();
    }
    return whole.longValueExact();
  }

  /** A number with a decimal value: not the infinity a literal such as 1e309 reads as. */
  static boolean isFiniteNumber(JsonNode node) {
    return node.isNumber()
        && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()));
  }

  /** Whether {@code value} fits a 32-bit signed integer, the range AWS computes in. */
  static boolean isInt(long value) {
    return value >= INT_MIN && value <= INT_MAX;
  }

  /** Fails the call unless {@code condition} holds. */
  void require(boolean condition) {
    if (!condition) {
      throw invalid();
    }
  }

  IntrinsicError invalid() {
    return IntrinsicError.invalidArguments(function);
  }
}
