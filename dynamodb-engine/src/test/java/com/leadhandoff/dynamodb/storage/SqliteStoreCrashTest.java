package com.leadhandoff.dynamodb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random moments and checks, after each, that every
 * acknowledged batch survived and no batch survived in part. All rounds share one folder, so each
 * also recovers from the crashes before it.
 */
class SqliteStoreCrashTest {

  private static final int ROUNDS = 10;
  private static final int THREADS = 4;

  @Test
  void everyAcknowledgedBatchSurvivesKillNine(@TempDir Path dir, @TempDir Path errors)
      throws Exception {
    Random random = new Random();
    // round → thread → highest acknowledged seq, for every round so far
    Map<Integer, Map<Integer, Integer>> acknowledged = new HashMap<>();
    long totalAcks = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Map<Integer, Integer> acks = new ConcurrentHashMap<>();
      acknowledged.put(round, acks);
      Path stderr = errors.resolve("child-" + round + ".err");
      Process child = StoreChild.start(stderr, "write", dir.toString(), "" + round, "" + THREADS);
      CountDownLatch firstAck = new CountDownLatch(1);
      int expectedRound = round;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = lines.readLine()) != null; ) {
                    String[] parts = line.split(" ");
                    if (parts.length != 5 || !parts[0].equals("ack") || !parts[4].equals(".")) {
                      continue; // the line the kill cut short
                    }
                    assertEquals(expectedRound, Integer.parseInt(parts[1]));
                    acks.merge(Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), Math::max);
                    firstAck.countDown();
                  }
                } catch (Exception e) {
                  // The pipe breaking at the kill ends the reading.
                }
              });
      reader.start();
      if (!firstAck.await(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        StoreChild.assertNoException(stderr);
        fail("the child acknowledged nothing in 30 s");
      }
      Thread.sleep(random.nextInt(400));
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
      child.waitFor();
      reader.join();
      StoreChild.assertNoException(stderr);

      try (SqliteStore store = SqliteStore.open(dir)) {
        Map<String, String> items = store.load().items().get(StoreChild.TABLE);
        for (int r = 0; r <= round; r++) {
          for (int t = 0; t < THREADS; t++) {
            check(items, r, t, acknowledged.get(r).getOrDefault(t, -1));
          }
        }
      }
      totalAcks += acks.values().stream().mapToInt(seq -> seq + 1).sum();
    }
    System.out.println("crash test: " + ROUNDS + " kills, " + totalAcks + " acknowledged batches");
    assertTrue(totalAcks > 0);
  }

  /** The writer's batches are exactly 0..last, each whole, with last ≥ what was acknowledged. */
  private static void check(Map<String, String> items, int round, int thread, int acked) {
    String lastValue = items.get(StoreChild.lastKey(round, thread));
    int last = lastValue == null ? -1 : Integer.parseInt(lastValue);
    String where = "round " + round + " thread " + thread;
    assertTrue(last >= acked, where + ": batch " + acked + " acknowledged but last is " + last);
    for (int seq = 0; seq <= last; seq++) {
      for (int j = 0; j < 3; j++) {
        String key = StoreChild.key(round, thread, seq, j);
        if (j == 1 && seq < last) {
          assertNull(items.get(key), where + ": " + key + " should be deleted by the next batch");
        } else {
          assertEquals(
              seq + ":" + j + ":" + StoreChild.PAYLOAD, items.get(key), where + ": " + key);
        }
      }
    }
    // Nothing from a batch after last: the batch after it would have moved the counter too.
    for (int j = 0; j < 3; j++) {
      assertNull(items.get(StoreChild.key(round, thread, last + 1, j)), where + ": partial batch");
    }
  }
}
