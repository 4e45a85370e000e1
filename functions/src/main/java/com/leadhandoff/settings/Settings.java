package com.leadhandoff.settings;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's settings (table names, sender address…) and its clock.
 *
 * <p>On Lambda these are the function's environment variables and the system clock. The local
 * runtime runs every function in one JVM, where the environment cannot differ per function, so it
 * feeds each function's own values through {@link #runAs}; this is the only local concession in
 * {@code functions/}, and only handlers' no-arg constructors read it.
 */
public final class Settings {
  private static final ThreadLocal<Settings> FED = new ThreadLocal<>();

  private final Map<String, String> values;
  private final Clock clock;

  private Settings(Map<String, String> values, Clock clock) {
    this.values = values;
    this.clock = clock;
  }

  /** The settings of the function running on this thread. */
  public static Settings current() {
    Settings fed = FED.get();
    return fed != null ? fed : new Settings(System.getenv(), Clock.systemUTC());
  }

  /** Settings with exactly these values, for tests and the local runtime. */
  public static Settings of(Map<String, String> values, Clock clock) {
    return new Settings(Map.copyOf(values), clock);
  }

  /** Runs {@code action} (building or invoking a handler) with these settings as current. */
  public <T> T runAs(Supplier<T> action) {
    Settings previous = FED.get();
    FED.set(this);
    try {
      return action.get();
    } finally {
      if (previous == null) {
        FED.remove();
      } else {
        FED.set(previous);
      }
    }
  }

  /** The value of {@code name}, if set and not blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  /** The value of {@code name}; a missing one is a deployment mistake, reported by name. */
  public String require(String name) {
    return get(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Setting " + name + " is missing: declare it in template.yaml"));
  }

  /** The integer value of {@code name}, or {@code fallback} when unset. */
  public int integer(String name, int fallback) {
    return get(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                throw new IllegalStateException(
                    "Setting " + name + " must be a whole number, was '" + v + "'", e);
              }
            })
        .orElse(fallback);
  }

  /** The clock this function tells time by. */
  public Clock clock() {
    return clock;
  }
}
