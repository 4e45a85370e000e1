package com.leadhandoff.local.asl.model;

import java.util.List;
import java.util.Optional;

/** A Task state calling a Lambda function, directly or through the optimized integration. */
public record TaskState(
    String name,
    Io io,
    TaskResource resource,
    Optional<Template> parameters,
    ResultHandling results,
    Optional<Seconds> timeout,
    Optional<Seconds> heartbeat,
    List<Retrier> retriers,
    List<Catcher> catchers,
    Transition transition)
    implements State {
  public TaskState {
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }
}
