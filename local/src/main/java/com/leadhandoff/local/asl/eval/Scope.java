package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;

/**
 * What an expression is evaluated against: the effective input ({@code $}), the context object
 * ({@code $$}), the random source for States.UUID, the error name a missing path raises, and the
 * workflow variables ({@code $name}).
 */
public record Scope(
    JsonNode input, JsonNode context, Random random, String missingPathError, Variables variables) {

  /** A scope without variables. */
  public Scope(JsonNode input, JsonNode context, Random random, String missingPathError) {
    this(input, context, random, missingPathError, Variables.root());
  }

  /** The same scope reading {@code other} as {@code $} (ResultSelector reads the raw result). */
  public Scope withInput(JsonNode other) {
    return new Scope(other, context, random, missingPathError, variables);
  }

  /** The same scope reading variables from {@code scope}. */
  public Scope withVariables(Variables scope) {
    return new Scope(input, context, random, missingPathError, scope);
  }

  /** The same scope where a missing path raises {@code error}. */
  public Scope withMissingPathError(String error) {
    return new Scope(input, context, random, error, variables);
  }
}
