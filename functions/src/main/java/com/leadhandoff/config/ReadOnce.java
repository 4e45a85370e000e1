package com.leadhandoff.config;

/**
 * A value read once per container, the first time it is asked for: a config file shipped in the
 * jar. Not a static initializer, and not memoized after a failure: a file that fails to read
 * repeats its own message on every call, where a failed class initializer would turn into {@code
 * NoClassDefFoundError} after the first. A subclass rather than a {@code Supplier} lambda, which
 * would spin a class of its own on a cold start.
 *
 * @param <T> what is read
 */
public abstract class ReadOnce<T> {
  private volatile T value;

  /** Reads the value; called until it first returns one (never {@code null}). */
  protected abstract T read();

  /** The value, read on the first call (one thread reads; the others wait for it). */
  public final T get() {
    T read = value;
    if (read == null) {
      synchronized (this) {
        if (value == null) {
          value = read();
        }
        read = value;
      }
    }
    return read;
  }
}
