package com.leadhandoff.local.asl.model;

import java.util.Map;

/** A set of states and where to start: the top level of a definition or one Parallel branch. */
public record Program(String startAt, Map<String, State> states) {
  public Program {
    states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
  }

  /** The state called {@code name}; validation guarantees every Next target exists. */
  public State state(String name) {
    State state = states.get(name);
    if (state == null) {
      throw new IllegalStateException("no state named " + name);
    }
    return state;
  }
}
