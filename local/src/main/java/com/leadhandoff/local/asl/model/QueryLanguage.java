package com.leadhandoff.local.asl.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code QueryLanguage} of a definition or one state. A state without one inherits the
 * definition's, which defaults to JSONPath (developer guide, "Transforming data with JSONata").
 */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String spelling;

  QueryLanguage(String spelling) {
    this.spelling = spelling;
  }

  /** The value as written in a definition. */
  public String spelling() {
    return spelling;
  }

  /** The language spelled {@code text}, if it is one. */
  public static Optional<QueryLanguage> of(String text) {
    return Arrays.stream(values()).filter(l -> l.spelling.equals(text)).findFirst();
  }
}
