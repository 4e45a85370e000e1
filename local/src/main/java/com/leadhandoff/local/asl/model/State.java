package com.leadhandoff.local.asl.model;

/** One state of a program; the closed set of state types the interpreter runs. */
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  /** The state's name, its key in {@code States}. */
  String name();

  /** The state type as spelled in the definition ({@code Task}, {@code Choice}…). */
  default String type() {
    return getClass().getSimpleName().replace("State", "");
  }
}
