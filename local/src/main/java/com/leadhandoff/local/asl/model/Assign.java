package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code Assign} field of a state, a choice rule or a catcher: variables it sets on exit. */
public sealed interface Assign {
  /**
   * JSONPath: each key is a variable name ({@code .$} already removed from dynamic ones); values
   * are constants, paths ({@code $.x}, {@code $var.x}, {@code $$.x}) or intrinsic functions.
   */
  record Paths(Template.ObjectTemplate template) implements Assign {}

  /** JSONata: an object whose strings may be {@code {% expression %}}. */
  record Jsonata(JsonNode template) implements Assign {}
}
