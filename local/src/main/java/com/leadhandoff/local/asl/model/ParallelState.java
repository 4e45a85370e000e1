package com.leadhandoff.local.asl.model;

import java.util.List;
import java.util.Optional;

/** A Parallel state: runs every branch on the same input; its result is the array of outputs. */
public record ParallelState(
    String name,
    Io io,
    Optional<Template> parameters,
    ResultHandling results,
    List<Program> branches,
    List<Retrier> retriers,
    List<Catcher> catchers,
    Transition transition)
    implements State {
  public ParallelState {
    branches = List.copyOf(branches);
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }
}
