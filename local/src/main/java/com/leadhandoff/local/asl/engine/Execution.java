package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One execution: its identity, its history and status (guarded by this object's lock, held only
 * briefly), and a mailbox that feeds signals to its interpreter one at a time on the worker pool.
 */
final class Execution {
  /** Step Functions fails an execution whose history would exceed this many events. */
  static final int MAX_EVENTS = 25_000;

  final String arn;
  final String name;
  final StateMachineRecord machine;
  final String input;
  final JsonNode inputJson;
  final Instant startDate;

  /** The Parallel and Map states open now, for what a stop aborts. */
  final OpenBlocks blocks = new OpenBlocks();

  private final Executor workers;
  private final Quiescence quiescence;
  private final Queue<Signal> mailbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Set<TaskToken> tokens = ConcurrentHashMap.newKeySet();
  private Consumer<Signal> handler = signal -> {};
  private Consumer<ExecutionDescription> onClosed = closed -> {};

  private final List<HistoryEvent> events = new ArrayList<>();
  private ExecutionStatus status = ExecutionStatus.RUNNING;
  private Instant stopDate;
  private String output;
  private String error;
  private String cause;

  Execution(
      String arn,
      String name,
      StateMachineRecord machine,
      String input,
      JsonNode inputJson,
      Instant startDate,
      Executor workers,
      Quiescence quiescence) {
    this.arn = arn;
    this.name = name;
    this.machine = machine;
    this.input = input;
    this.inputJson = inputJson;
    this.startDate = startDate;
    this.workers = workers;
    this.quiescence = quiescence;
  }

  void setHandler(Consumer<Signal> handler) {
    this.handler = handler;
  }

  /** Who hears of this execution closing (the engine's status change listener). */
  void setOnClosed(Consumer<ExecutionDescription> onClosed) {
    this.onClosed = onClosed;
  }

  // ---- mailbox ----

  /** Queues a signal; never blocks, so any thread (HTTP, clock) may call it. */
  void post(Signal signal) {
    quiescence.begin();
    mailbox.add(signal);
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (draining.compareAndSet(false, true)) {
      try {
        workers.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false);
      }
    }
  }

  private void drain() {
    Signal signal;
    while ((signal = mailbox.poll()) != null) {
      try {
        handler.accept(signal);
      } catch (RuntimeException | Error e) {
        // The interpreter already fails the execution on its own errors; this keeps the mailbox
        // alive whatever happens, so one broken execution cannot stall the others.
        System.err.println("execution " + arn + ": unhandled " + e);
      } finally {
        quiescence.end();
      }
    }
    draining.set(false);
    if (!mailbox.isEmpty()) {
      scheduleDrain();
    }
  }

  // ---- tokens ----

  void tokenIssued(TaskToken token) {
    tokens.add(token);
  }

  List<TaskToken> openTokens() {
    return tokens.stream().filter(TaskToken::isOpen).toList();
  }

  // ---- history and status ----

  /** Appends an event unless the execution is closed; returns its id, or empty if refused. */
  synchronized Optional<HistoryEvent> record(
      String type, long previousEventId, ObjectNode details, Instant at) {
    if (status != ExecutionStatus.RUNNING) {
      return Optional.empty();
    }
    return Optional.of(append(type, previousEventId, details, at));
  }

  private HistoryEvent append(String type, long previousEventId, ObjectNode details, Instant at) {
    HistoryEvent event = new HistoryEvent(events.size() + 1, previousEventId, at, type, details);
    events.add(event);
    return event;
  }

  /**
   * Closes the execution with its final event; only the first close wins. Open task tokens are
   * invalidated at once, so a late SendTaskSuccess gets TaskTimedOut. An ABORTED execution first
   * records what the stop aborts inside it ({@link OpenBlocks#aborted}).
   */
  boolean close(
      ExecutionStatus finalStatus,
      String eventType,
      Optional<Long> previousEventId,
      ObjectNode details,
      Instant at) {
    synchronized (this) {
      if (status != ExecutionStatus.RUNNING) {
        return false;
      }
      if (finalStatus == ExecutionStatus.ABORTED) {
        for (OpenBlocks.Aborted aborted : blocks.aborted(Interpreter.ROOT_RUN_ID)) {
          append(aborted.type(), events.size(), aborted.details(), at);
        }
      }
      append(eventType, previousEventId.orElse((long) events.size()), details, at);
      status = finalStatus;
      stopDate = at;
      output = text(details, "output");
      error = text(details, "error");
      cause = text(details, "cause");
    }
    tokens.forEach(TaskToken::close);
    try {
      onClosed.accept(describe());
    } catch (RuntimeException e) {
      // A listener's failure is its own (EventBridge delivery is best effort); the close stands.
      System.err.println("execution " + arn + ": status change listener failed: " + e);
    }
    return true;
  }

  private static String text(ObjectNode details, String field) {
    JsonNode value = details.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  synchronized boolean isClosed() {
    return status != ExecutionStatus.RUNNING;
  }

  synchronized int eventCount() {
    return events.size();
  }

  synchronized List<HistoryEvent> history() {
    return List.copyOf(events);
  }

  synchronized ExecutionDescription describe() {
    return new ExecutionDescription(
        arn,
        machine.arn(),
        name,
        status,
        startDate,
        Optional.ofNullable(stopDate),
        input,
        Optional.ofNullable(output),
        Optional.ofNullable(error),
        Optional.ofNullable(cause));
  }

  /** The execution as a store keeps it; a closed execution's progress is always Ended. */
  synchronized Snapshot snapshot(Snapshot.Progress progress) {
    return new Snapshot(
        describe(),
        events,
        status == ExecutionStatus.RUNNING ? progress : new Snapshot.Progress.Ended());
  }

  /** Fills a new execution with a saved history and outcome, before any signal reaches it. */
  synchronized void load(Snapshot snapshot) {
    events.addAll(snapshot.history());
    ExecutionDescription saved = snapshot.description();
    status = saved.status();
    stopDate = saved.stopDate().orElse(null);
    output = saved.output().orElse(null);
    error = saved.error().orElse(null);
    cause = saved.cause().orElse(null);
  }

  synchronized ExecutionStatus status() {
    return status;
  }
}
