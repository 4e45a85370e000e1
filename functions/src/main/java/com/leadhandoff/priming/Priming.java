package com.leadhandoff.priming;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint hook every function registers at init: before Lambda snapshots a published version
 * (SnapStart), it runs each registered {@link Step}. A step that fails is logged and skipped:
 * priming only moves work out of the first request, it never decides whether a version works.
 */
public final class Priming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

  // org.crac contexts may hold resources weakly: this strong reference keeps the hook alive.
  private static final Priming GLOBAL = new Priming();

  static {
    Core.getGlobalContext().register(GLOBAL);
  }

  private final List<Step> steps = new CopyOnWriteArrayList<>();

  /** One thing to warm; it must have no effect outside this JVM. */
  @FunctionalInterface
  public interface Step {
    /** Does the work; anything it throws is logged. */
    void prime() throws Exception;
  }

  /** Adds {@code step} to the global hook, registered with the CRaC context on first use. */
  public static void register(String name, Step step) {
    GLOBAL.add(name, step);
  }

  /** A hook of its own, not registered with CRaC: for tests. */
  static Priming detached() {
    return new Priming();
  }

  /** Adds a step; one of a name already added is left out (a client built late adds its own). */
  synchronized void add(String name, Step step) {
    for (Step added : steps) {
      if (added instanceof Named named && named.name().equals(name)) {
        return;
      }
    }
    steps.add(new Named(name, step));
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    primeAll();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing primed holds a connection, a credential or a clock reading to renew.
  }

  /** Runs every step once, in registration order. */
  void primeAll() {
    for (Step step : steps) {
      try {
        step.prime();
      } catch (Exception | LinkageError e) {
        LOG.warn("Priming step {} failed; the first request will do that work", step, e);
      }
    }
  }

  private record Named(String name, Step step) implements Step {
    @Override
    public void prime() throws Exception {
      step.prime();
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
