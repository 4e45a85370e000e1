package com.leadhandoff.local.asl.model;

/** A number of seconds given literally ({@code TimeoutSeconds}) or by a path ({@code …Path}). */
public sealed interface Seconds {
  /** A literal number of seconds. */
  record Fixed(long seconds) implements Seconds {}

  /** A reference path into the state's effective input that must hold a positive integer. */
  record FromPath(String path) implements Seconds {}

  /** A JSONata {@code {% %}} expression that must yield a positive integer. */
  record FromExpression(String expression) implements Seconds {}
}
