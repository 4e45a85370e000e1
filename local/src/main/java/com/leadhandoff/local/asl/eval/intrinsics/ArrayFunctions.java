package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.Map;

/** The developer guide's "Intrinsics for arrays". */
final class ArrayFunctions {
  /** "The newly generated array can't contain more than 1000 items." (States.ArrayRange) */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  static void register(Map<String, Signature> functions) {
    functions.put("States.Array", new Signature(0, -1, ArrayFunctions::array));
    functions.put("States.ArrayPartition", new Signature(2, 2, ArrayFunctions::partition));
    functions.put("States.ArrayContains", new Signature(2, 2, ArrayFunctions::contains));
    functions.put("States.ArrayRange", new Signature(3, 3, ArrayFunctions::range));
    functions.put("States.ArrayGetItem", new Signature(2, 2, ArrayFunctions::getItem));
    functions.put(
        "States.ArrayLength", new Signature(1, 1, a -> IntNode.valueOf(a.array(0).size())));
    functions.put("States.ArrayUnique", new Signature(1, 1, ArrayFunctions::unique));
  }

  private static JsonNode array(Arguments args) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    args.all().forEach(array::add);
    return array;
  }

  /** Chunks of the chunk size, the last one shorter; the size must be a positive integer. */
  private static JsonNode partition(Arguments args) {
    ArrayNode array = args.array(0);
    long size = args.truncated(1);
    args.require(size >= 1);
    ArrayNode chunks = Json.MAPPER.createArrayNode();
    for (int start = 0; start < array.size(); start += (int) Math.min(size, array.size())) {
      ArrayNode chunk = chunks.addArray();
      for (int i = start; i < Math.min(array.size(), start + size); i++) {
        chunk.add(array.get(i));
      }
    }
    return chunks;
  }

  private static JsonNode contains(Arguments args) {
    for (JsonNode element : args.array(0)) {
      if (sameValue(element, args.get(1))) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  /** From start to end inclusive by a non-zero step; empty when the step points away from end. */
  private static JsonNode range(Arguments args) {
    long start = args.truncated(0);
    long end = args.truncated(1);
    long step = args.truncated(2);
    args.require(
        step != 0 && Arguments.isInt(start) && Arguments.isInt(end) && Arguments.isInt(step));
    boolean away = (step > 0 && end < start) || (step < 0 && end > start);
    long count = away ? 0 : (end - start) / step + 1;
    args.require(count <= MAX_RANGE_ITEMS);
    ArrayNode range = Json.MAPPER.createArrayNode();
    for (long i = 0; i < count; i++) {
      range.add(LongNode.valueOf(start + i * step));
    }
    return range;
  }

  /**
   * The item at the index. AWS answers null for any index into an empty array and fails an index
   * out of bounds of a non-empty one (characterised against AWS).
   */
  private static JsonNode getItem(Arguments args) {
    ArrayNode array = args.array(0);
    long index = args.truncated(1);
    if (array.isEmpty()) {
      return NullNode.getInstance();
    }
    args.require(index >= 0 && index < array.size());
    return array.get((int) index);
  }

  /** JSON equality in which 1, 1.0 and a long 1 are the same number, at any depth. */
  static boolean sameValue(JsonNode a, JsonNode b) {
    return a.equals(
        (x, y) ->
            Arguments.isFiniteNumber(x) && Arguments.isFiniteNumber(y)
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1,
        b);
  }

  /** The distinct items, each where it first occurs. */
  private static JsonNode unique(Arguments args) {
    ArrayNode unique = Json.MAPPER.createArrayNode();
    for (JsonNode element : args.array(0)) {
      boolean seen = false;
      for (JsonNode kept : unique) {
        seen |= sameValue(kept, element);
      }
      if (!seen) {
        unique.add(element);
      }
    }
    return unique;
  }
}
