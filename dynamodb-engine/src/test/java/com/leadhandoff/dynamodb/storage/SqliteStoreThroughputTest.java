package com.leadhandoff.dynamodb.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.storage.Store.PutItem;
import com.leadhandoff.dynamodb.storage.Store.PutTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many {@code apply} calls a second 8 threads get, each one PutItem of about 1 KB — the
 * engine's load, one call per write request. Prints the numbers; asserts only a floor well under
 * the target of 3,000/s so a busy build machine does not fail it.
 */
class SqliteStoreThroughputTest {

  private static final int THREADS = 8;
  private static final long MILLIS = 2_000;

  @Test
  void groupCommitKeepsUpWithEightWriters(@TempDir Path dir) throws Exception {
    double processCrash = measure(dir.resolve("process-crash"), Durability.PROCESS_CRASH);
    double powerLoss = measure(dir.resolve("power-loss"), Durability.POWER_LOSS);
    assertTrue(processCrash >= 1_000, "only " + processCrash + " applies/s");
    assertTrue(powerLoss > 0);
  }

  private static double measure(Path dir, Durability durability) throws Exception {
    String item = "{\"payload\":\"" + "x".repeat(1000) + "\"}";
    try (SqliteStore store = SqliteStore.open(dir, durability)) {
      store.apply(List.of(new PutTable("t", "{}")));
      // Warm up the JIT and the connection first, so the measurement is of the steady state.
      run(store, item, 300, "warm");
      long transactionsBefore = store.transactions();
      long start = System.nanoTime();
      long applies = run(store, item, MILLIS, "run");
      double seconds = (System.nanoTime() - start) / 1e9;
      long transactions = store.transactions() - transactionsBefore;
      double rate = applies / seconds;
      System.out.printf(
          "throughput %s: %d threads, %.0f applies/s (1 KB PutItem each), %d transactions,"
              + " %.1f applies per transaction%n",
          durability, THREADS, rate, transactions, (double) applies / transactions);
      return rate;
    }
  }

  /** Applies from {@link #THREADS} threads for {@code millis}; returns how many returned. */
  private static long run(SqliteStore store, String item, long millis, String prefix)
      throws InterruptedException {
    AtomicLong count = new AtomicLong();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                  store.apply(List.of(new PutItem("t", prefix + "/" + thread + "/" + i, item)));
                  count.incrementAndGet();
                }
              });
      threads.add(writer);
      writer.start();
    }
    for (Thread writer : threads) {
      writer.join();
    }
    return count.get();
  }
}
