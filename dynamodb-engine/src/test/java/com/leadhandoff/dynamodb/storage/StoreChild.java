package com.leadhandoff.dynamodb.storage;

import com.leadhandoff.dynamodb.storage.Store.Change;
import com.leadhandoff.dynamodb.storage.Store.DeleteItem;
import com.leadhandoff.dynamodb.storage.Store.PutItem;
import com.leadhandoff.dynamodb.storage.Store.PutTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The other process in the tests, run in a child JVM.
 *
 * <ul>
 *   <li>{@code hold DIR}: opens the store, prints {@code ready}, and keeps it open until its stdin
 *       closes — to see a second process refused.
 *   <li>{@code write DIR ROUND THREADS}: opens the store and writes {@link #batch}es from THREADS
 *       threads until killed, printing {@code ack ROUND THREAD SEQ .} after each apply returns.
 * </ul>
 */
public final class StoreChild {

  static final String TABLE = "crash";

  /** About 1 KB, like a typical item. */
  static final String PAYLOAD = "x".repeat(1000);

  private StoreChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("hold")) {
      try (SqliteStore store = SqliteStore.open(dir)) {
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
          // Until the parent closes our stdin.
        }
      }
      return;
    }
    int round = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    SqliteStore store = SqliteStore.open(dir);
    store.apply(List.of(new PutTable(TABLE, "{}")));
    PrintStream out = System.out;
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(
              () -> {
                for (int seq = 0; ; seq++) {
                  store.apply(batch(round, thread, seq));
                  // One write of a whole line with an end marker, so a line cut by the kill is
                  // recognisably incomplete.
                  synchronized (out) {
                    out.print("ack " + round + " " + thread + " " + seq + " .\n");
                    out.flush();
                  }
                }
              })
          .start();
    }
    Thread.sleep(Long.MAX_VALUE); // until killed
  }

  /**
   * Batch {@code seq} of a writer: three new items, the writer's {@code last} counter set to seq,
   * and item 1 of the previous batch deleted. A batch applied in part leaves a counter, the items
   * and the deletion disagreeing, which {@link SqliteStoreCrashTest} finds.
   */
  static List<Change> batch(int round, int thread, int seq) {
    List<Change> changes = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      changes.add(new PutItem(TABLE, key(round, thread, seq, j), seq + ":" + j + ":" + PAYLOAD));
    }
    changes.add(new PutItem(TABLE, lastKey(round, thread), Integer.toString(seq)));
    if (seq > 0) {
      changes.add(new DeleteItem(TABLE, key(round, thread, seq - 1, 1)));
    }
    return changes;
  }

  /** Fails if the child wrote an exception to its stderr. */
  static void assertNoException(Path stderr) throws IOException {
    String text = Files.exists(stderr) ? Files.readString(stderr) : "";
    if (text.contains("Exception") || text.contains("Error:")) {
      throw new AssertionError("the child failed:\n" + text);
    }
  }

  static String key(int round, int thread, int seq, int j) {
    return "r" + round + "-t" + thread + "-s" + seq + "-" + j;
  }

  static String lastKey(int round, int thread) {
    return "r" + round + "-t" + thread + "-last";
  }

  /**
   * Starts {@code java -cp <this test classpath> StoreChild args}, its stderr going to {@code
   * stderr} (kept out of the build's output, which it would otherwise fill with SLF4J's no-binding
   * notice; the tests check it holds no exception instead).
   */
  static Process start(Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreChild.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }
}
