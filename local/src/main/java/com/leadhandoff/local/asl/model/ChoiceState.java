package com.leadhandoff.local.asl.model;

import java.util.List;
import java.util.Optional;

/** A Choice state: the first matching rule picks the next state, else {@code Default}. */
public record ChoiceState(
    String name, Io io, List<ChoiceState.Branch> choices, Optional<String> defaultNext)
    implements State {
  public ChoiceState {
    choices = List.copyOf(choices);
  }

  /** A top-level choice rule and the state it leads to. */
  public record Branch(ChoiceRule rule, String next) {}
}
