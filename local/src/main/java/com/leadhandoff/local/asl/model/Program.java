package com.leadhandoff.local.asl.model;

import java.util.Map;

/**
 * A set of states and where to start: the top level of a definition or one Parallel branch.
 *
 * @param flows each state's query language, Assign and JSONata fields, by state name; a state
 *     missing here is a JSONPath state without Assign
 */
public record Program(String startAt, Map<String, State> states, Map<String, DataFlow> flows) {
  public Program {
    states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
    flows = Map.copyOf(flows);
  }

  /** A program of JSONPath states without variables. */
  public Program(String startAt, Map<String, State> states) {
    this(startAt, states, Map.of());
  }

  /** How data flows through state {@code name}. */
  public DataFlow flow(String name) {
    return flows.getOrDefault(name, DataFlow.JSONPATH);
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
