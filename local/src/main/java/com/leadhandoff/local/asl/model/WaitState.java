package com.leadhandoff.local.asl.model;

import java.time.Instant;

/** A Wait state: delays the execution for some seconds or until a timestamp. */
public record WaitState(String name, Io io, WaitState.Until until, Transition transition)
    implements State {

  /** What the state waits for: exactly one of the four fields (two in JSONata). */
  public sealed interface Until {
    /** {@code Seconds}. */
    record ForSeconds(long seconds) implements Until {}

    /** {@code Timestamp}. */
    record AtTimestamp(Instant timestamp) implements Until {}

    /** {@code SecondsPath}. */
    record SecondsAt(String path) implements Until {}

    /** {@code TimestampPath}. */
    record TimestampAt(String path) implements Until {}

    /** JSONata: {@code Seconds} or {@code Timestamp} ({@code field}) as a {@code {% %}} string. */
    record Evaluated(String field, String expression) implements Until {}
  }
}
