package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.clock.RuntimeClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The StartSyncExecution callers waiting for their execution to close. */
final class SyncWaiters {
  private final Map<String, CompletableFuture<ExecutionDescription>> waiting =
      new ConcurrentHashMap<>();

  /** Called before the execution begins, so that it cannot close unheard. */
  void expect(String executionArn) {
    waiting.put(executionArn, new CompletableFuture<>());
  }

  /** Tells the caller of a closed execution, if one waits. */
  void closed(ExecutionDescription closed) {
    Optional.ofNullable(waiting.get(closed.executionArn())).ifPresent(w -> w.complete(closed));
  }

  /**
   * The execution once closed; after {@code timeout} it is stopped as TIMED_OUT with States.Timeout
   * instead, as an Express execution past its five minutes is.
   */
  ExecutionDescription await(Execution execution, Duration timeout, RuntimeClock clock) {
    try {
      return waiting.get(execution.arn).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      ObjectNode details = StateCall.details("error", ErrorNames.TIMEOUT, "cause", "");
      if (execution.close(
          ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", Optional.empty(), details, clock.now())) {
        execution.post(new Signal.Closed());
      }
      return execution.describe();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return execution.describe();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      waiting.remove(execution.arn);
    }
  }
}
