package com.leadhandoff.dynamodb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Batching and failure isolation, with a writer that records what it is given. */
class GroupCommitterTest {

  private final List<List<String>> attempts = Collections.synchronizedList(new ArrayList<>());
  private final List<String> committed = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstBlocked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Blocks on "block" until released; fails any batch holding "bad". */
  private void write(List<String> members) throws Exception {
    attempts.add(List.copyOf(members));
    if (members.contains("block")) {
      firstBlocked.countDown();
      release.await();
    }
    if (members.contains("bad")) {
      throw new IllegalStateException("bad member");
    }
    committed.addAll(members);
  }

  @Test
  void whatQueuesDuringACommitIsWrittenAsOneBatchAndOnlyTheBadMemberFails() throws Exception {
    GroupCommitter<String> committer = new GroupCommitter<>("test-writer", this::write, 100);
    CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> committer.submit("block"));
    firstBlocked.await();
    List<String> names = List.of("a", "b", "bad", "c");
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (String name : names) {
      waiting.add(
          CompletableFuture.runAsync(
              () -> committer.submit(name), runnable -> new Thread(runnable).start()));
    }
    while (committer.queued() < names.size()) {
      Thread.sleep(1);
    }
    release.countDown();
    blocker.get();
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals("bad")) {
        ExecutionException e = assertThrows(ExecutionException.class, waiting.get(i)::get);
        assertTrue(e.getCause() instanceof StoreException, e.toString());
        assertEquals("bad member", e.getCause().getMessage());
      } else {
        waiting.get(i).get();
      }
    }
    // One attempt at the four together, then each alone.
    assertEquals(6, attempts.size(), attempts.toString());
    assertEquals(4, attempts.get(1).size());
    assertTrue(attempts.subList(2, 6).stream().allMatch(batch -> batch.size() == 1));
    assertEquals(List.of("a", "b", "block", "c"), sorted(committed));
    assertEquals(4, committer.transactions());
    assertEquals(4, committer.written());
    committer.close();
  }

  @Test
  void closeWritesWhatIsQueuedThenRefuses() throws Exception {
    GroupCommitter<String> committer = new GroupCommitter<>("test-writer", this::write, 100);
    CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> committer.submit("block"));
    firstBlocked.await();
    CompletableFuture<Void> queued =
        CompletableFuture.runAsync(
            () -> committer.submit("queued"), runnable -> new Thread(runnable).start());
    while (committer.queued() < 1) {
      Thread.sleep(1);
    }
    Thread closer = new Thread(committer::close);
    closer.start();
    release.countDown();
    closer.join();
    blocker.get();
    queued.get();
    assertEquals(List.of("block", "queued"), committed);
    StoreException e = assertThrows(StoreException.class, () -> committer.submit("late"));
    assertEquals("the store is closed", e.getMessage());
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.sort(copy);
    return copy;
  }
}
