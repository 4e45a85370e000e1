package com.leadhandoff.dynamodb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.storage.Store.Change;
import com.leadhandoff.dynamodb.storage.Store.DeleteItem;
import com.leadhandoff.dynamodb.storage.Store.DropTable;
import com.leadhandoff.dynamodb.storage.Store.PutItem;
import com.leadhandoff.dynamodb.storage.Store.PutTable;
import com.leadhandoff.dynamodb.storage.Store.Snapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

  @TempDir Path dir;

  @Test
  void whatWasAppliedIsLoadedAgainAfterReopening() {
    Snapshot expected =
        new Snapshot(
            Map.of("users", "{\"v\":2}", "empty", "{}"),
            Map.of(
                "users",
                Map.of("u1", "{\"n\":\"one\"}", "u3", "{\"n\":\"three\"}"),
                "empty",
                Map.of()));
    try (SqliteStore store = SqliteStore.open(dir)) {
      store.apply(List.of(new PutTable("users", "{\"v\":1}"), new PutTable("orders", "{}")));
      store.apply(
          List.of(
              new PutItem("users", "u1", "{\"n\":1}"),
              new PutItem("users", "u2", "{\"n\":2}"),
              new PutItem("orders", "o1", "{}")));
      store.apply(List.of(new PutItem("users", "u1", "{\"n\":\"one\"}"))); // replaces
      store.apply(List.of(new DeleteItem("users", "u2"), new DeleteItem("users", "absent")));
      store.apply(List.of(new PutItem("users", "u3", "{\"n\":\"three\"}")));
      store.apply(List.of(new DropTable("orders"))); // with its item
      store.apply(List.of(new PutTable("users", "{\"v\":2}"), new PutTable("empty", "{}")));
      store.apply(List.of());
      assertEquals(expected, store.load());
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      assertEquals(expected, store.load());
    }
  }

  @Test
  void aBatchThatFailsLeavesNothingBehind() {
    try (SqliteStore store = SqliteStore.open(dir)) {
      store.apply(List.of(new PutTable("t", "{}")));
      List<Change> bad =
          List.of(new PutItem("t", "written-first", "{}"), new PutItem("t", "no item", null));
      StoreException e = assertThrows(StoreException.class, () -> store.apply(bad));
      assertTrue(e.getMessage().contains("NOT NULL"), e.getMessage());
      store.apply(List.of(new PutItem("t", "after", "{}"))); // the store still works
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      assertEquals(Map.of("after", "{}"), store.load().items().get("t"));
    }
  }

  @Test
  void concurrentAppliesAreAllDurable() throws Exception {
    int threads = 16;
    int perThread = 200;
    long transactions;
    try (SqliteStore store = SqliteStore.open(dir)) {
      store.apply(List.of(new PutTable("t", "{}")));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    store.apply(
                        List.of(
                            new PutItem("t", thread + "/" + i + "/a", "a" + i),
                            new PutItem("t", thread + "/" + i + "/b", "b" + i)));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
      transactions = store.transactions();
      assertEquals(threads * perThread + 1, store.applied());
    }
    System.out.println(
        "concurrent: "
            + (threads * perThread + 1)
            + " applies in "
            + transactions
            + " transactions");
    Map<String, String> expected = new HashMap<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        expected.put(t + "/" + i + "/a", "a" + i);
        expected.put(t + "/" + i + "/b", "b" + i);
      }
    }
    try (SqliteStore store = SqliteStore.open(dir)) {
      assertEquals(expected, store.load().items().get("t"));
    }
  }

  @Test
  void aSecondOpenInThisProcessIsRefused() {
    try (SqliteStore store = SqliteStore.open(dir)) {
      StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir));
      assertTrue(e.getMessage().contains("is already open in this process"), e.getMessage());
    }
    SqliteStore.open(dir).close(); // close released it
  }

  @Test
  void anotherProcessHoldingTheFolderIsRefusedUntilItCloses() throws Exception {
    Path stderr = Files.createTempFile("store-child", ".err");
    Process child = StoreChild.start(stderr, "hold", dir.toString());
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine());
      StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir));
      assertTrue(e.getMessage().contains("is in use by another process"), e.getMessage());
      assertTrue(e.getMessage().contains("held by process " + child.pid()), e.getMessage());
      child.getOutputStream().close(); // tells it to close the store and exit
      assertEquals(0, child.waitFor());
      StoreChild.assertNoException(stderr);
    } finally {
      child.destroyForcibly();
      Files.delete(stderr);
    }
    SqliteStore.open(dir).close();
  }

  @Test
  void applyAfterCloseIsRefused() {
    SqliteStore store = SqliteStore.open(dir);
    store.close();
    store.close(); // twice is harmless
    List<Change> put = List.of(new PutTable("t", "{}"));
    StoreException e = assertThrows(StoreException.class, () -> store.apply(put));
    assertEquals("the store is closed", e.getMessage());
  }

  @Test
  void aStoreFromANewerVersionIsRefused() throws Exception {
    SqliteStore.open(dir).close();
    String url = "jdbc:sqlite:" + dir.resolve(SqliteStore.DATABASE_FILE);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version=99");
    }
    StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir));
    assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    SqliteStore.open(dir.resolve("elsewhere")).close(); // and the lock was let go of
    assertThrows(StoreException.class, () -> SqliteStore.open(dir)); // still refused, not locked
  }

  @Test
  void aFileThatIsNotADatabaseIsAClearError() throws Exception {
    Files.writeString(dir.resolve(SqliteStore.DATABASE_FILE), "not sqlite ".repeat(100));
    StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir));
    assertTrue(e.getMessage().contains(SqliteStore.DATABASE_FILE), e.getMessage());
  }
}
