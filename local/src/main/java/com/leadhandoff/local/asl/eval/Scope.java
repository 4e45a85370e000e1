package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;

/**
 * What an expression is evaluated against: the effective input ({@code $}), the context object
 * ({@code $$}), the random source for States.UUID, and the error name a missing path raises.
 */
public record Scope(JsonNode input, JsonNode context, Random random, String missingPathError) {

  /** The same scope reading {@code other} as {@code $} (ResultSelector reads the raw result). */
  public Scope withInput(JsonNode other) {
    return new Scope(other, context, random, missingPathError);
  }
}
