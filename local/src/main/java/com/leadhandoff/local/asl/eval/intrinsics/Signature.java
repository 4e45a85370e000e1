package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One intrinsic function: how many arguments it takes and what it computes.
 *
 * @param max the largest argument count, or -1 for no limit
 */
record Signature(int min, int max, Function<Arguments, JsonNode> body) {
  boolean accepts(int count) {
    return count >= min && (max < 0 || count <= max);
  }
}
