package com.leadhandoff.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Race tests: runs one piece of work per input on a pool of threads, all released together once
 * every thread has taken its first input, so the calls overlap as much as the machine allows.
 */
public final class AtOnce {
  private AtOnce() {}

  /** One call of the work under race; may throw, which fails the test with its cause. */
  @FunctionalInterface
  public interface Work<T, R> {
    R apply(T input) throws Exception;
  }

  /**
   * Runs {@code work} for every input on {@code threads} threads at once.
   *
   * @return each input's result, in the order of {@code inputs}
   */
  public static <T, R> List<R> run(List<T> inputs, int threads, Work<T, R> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(Math.min(threads, inputs.size()));
      CountDownLatch go = new CountDownLatch(1);
      List<Future<R>> futures = new ArrayList<>();
      for (T input : inputs) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return work.apply(input);
                }));
      }
      ready.await();
      go.countDown();
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code work} {@code times} times on as many threads at once. */
  public static <R> List<R> times(int times, Work<Integer, R> work) throws Exception {
    List<Integer> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.add(i);
    }
    return run(runs, times, work);
  }
}
