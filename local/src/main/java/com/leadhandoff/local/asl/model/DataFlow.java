package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * How data flows through one state beyond its JSONPath fields: its query language, its {@code
 * Assign}, and in JSONata its {@code Arguments} and {@code Output}. Choice rules and catchers carry
 * their own Assign and Output, listed here in definition order.
 *
 * @param arguments JSONata {@code Arguments}: a JSON value whose strings may be expressions, or one
 *     expression
 * @param output JSONata {@code Output}, same form; absent means the state's default output
 * @param rules per top-level choice rule, in order (empty for other states)
 * @param catchers per catcher, in order
 */
public record DataFlow(
    QueryLanguage language,
    Optional<Assign> assign,
    Optional<JsonNode> arguments,
    Optional<JsonNode> output,
    List<Outcome> rules,
    List<Outcome> catchers) {

  /** A JSONPath state with no Assign: how every state behaved before variables existed. */
  public static final DataFlow JSONPATH =
      new DataFlow(
          QueryLanguage.JSONPATH,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of());

  public DataFlow {
    rules = List.copyOf(rules);
    catchers = List.copyOf(catchers);
  }

  /** Whether the state is evaluated with JSONata. */
  public boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }

  /** The Assign and (JSONata) Output of one choice rule or catcher. */
  public record Outcome(Optional<Assign> assign, Optional<JsonNode> output) {
    /** Neither Assign nor Output. */
    public static final Outcome NONE = new Outcome(Optional.empty(), Optional.empty());
  }

  /** The Assign and Output of rule {@code index}, or none. */
  public Outcome rule(int index) {
    return index < rules.size() ? rules.get(index) : Outcome.NONE;
  }

  /** The Assign and Output of catcher {@code index}, or none. */
  public Outcome catcher(int index) {
    return index < catchers.size() ? catchers.get(index) : Outcome.NONE;
  }
}
