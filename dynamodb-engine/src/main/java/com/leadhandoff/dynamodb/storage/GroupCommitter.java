package com.leadhandoff.dynamodb.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: callers on many threads hand their work to one writer thread, which writes whatever
 * has queued up meanwhile as one transaction, then wakes every caller in it. A commit costs much
 * the same for one write as for a hundred (most of it is the commit itself, and with {@link
 * Durability#POWER_LOSS} an fsync), so under load each caller pays a fraction of one. Alone, a
 * caller pays one handover between threads, a few microseconds.
 *
 * <p>A single writer thread also means the database connection is only ever used by one thread,
 * which SQLite connections require anyway.
 *
 * <p>One bad member must not fail the others it happened to be batched with: when a batch fails,
 * each member is retried in a transaction of its own, and only those that fail alone are failed.
 *
 * @param <W> one caller's work
 */
final class GroupCommitter<W> implements AutoCloseable {

  /** Writes members as one transaction: all of them committed, or none and an exception. */
  interface BatchWriter<W> {
    void write(List<W> members) throws Exception;
  }

  private static final class Pending<W> {
    final W work;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Pending(W work) {
      this.work = work;
    }
  }

  /** Queued by {@link #close}: everything ahead of it is written, then the writer stops. */
  private final Pending<W> stop = new Pending<>(null);

  private final BlockingQueue<Pending<W>> queue = new LinkedBlockingQueue<>();
  private final BatchWriter<W> writer;
  private final int maxBatch;
  private final Thread thread;
  private boolean closed; // guarded by this, so nothing is queued behind the stop marker
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  /**
   * @param maxBatch most members in one transaction, bounding how long one commit holds up the
   *     callers behind it
   */
  GroupCommitter(String threadName, BatchWriter<W> writer, int maxBatch) {
    this.writer = writer;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, threadName);
    // Daemon: an engine that is never closed must not keep the JVM alive. Nothing acknowledged is
    // lost by that, since callers only return after their commit.
    thread.setDaemon(true);
    thread.start();
  }

  /** Writes {@code work} in some transaction and returns once that transaction has committed. */
  void submit(W work) {
    Pending<W> pending = new Pending<>(work);
    synchronized (this) {
      if (closed) {
        throw new StoreException("the store is closed");
      }
      queue.add(pending);
    }
    try {
      // Uninterruptible on purpose: once queued, the work may commit whatever the caller does, so
      // the caller must learn the outcome rather than leave thinking it failed.
      pending.done.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      // A new exception, so the stack trace shows the caller and not only the writer thread.
      throw new StoreException(
          cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
  }

  /** Work waiting for the writer (not counting the batch being written). */
  int queued() {
    return queue.size();
  }

  /** Transactions committed so far. */
  long transactions() {
    return transactions.get();
  }

  /** Members committed so far; divided by {@link #transactions()}, the average batch. */
  long written() {
    return written.get();
  }

  private void run() {
    List<Pending<W>> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      batch.add(take());
      queue.drainTo(batch, maxBatch - 1);
      int stopAt = batch.indexOf(stop);
      if (stopAt >= 0) {
        stopping = true; // nothing can be behind it: submit refuses once closed
        batch.subList(stopAt, batch.size()).clear();
      }
      if (!batch.isEmpty()) {
        commit(batch);
      }
    }
  }

  private Pending<W> take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Nobody should interrupt this thread; stopping is done with the stop marker.
      }
    }
  }

  private void commit(List<Pending<W>> batch) {
    List<W> works = new ArrayList<>(batch.size());
    for (Pending<W> pending : batch) {
      works.add(pending.work);
    }
    try {
      writer.write(works);
      committed(batch);
    } catch (Throwable whole) {
      if (batch.size() == 1) {
        batch.get(0).done.completeExceptionally(whole);
        return;
      }
      // Find the culprit: alone, the innocent commit and only the guilty fail.
      for (Pending<W> pending : batch) {
        try {
          writer.write(List.of(pending.work));
          committed(List.of(pending));
        } catch (Throwable alone) {
          pending.done.completeExceptionally(alone);
        }
      }
    }
  }

  private void committed(List<Pending<W>> members) {
    transactions.incrementAndGet();
    written.addAndGet(members.size());
    for (Pending<W> pending : members) {
      pending.done.complete(null);
    }
  }

  /** Refuses new work, writes what is queued, and waits for the writer thread to finish. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(stop);
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
