package com.leadhandoff.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures the local runtime can be told to produce, so the workflow's error handling can be
 * watched without an AWS outage: Lambda throttling a function (the engine then sees {@code
 * Lambda.TooManyRequestsException}, as Step Functions reports a throttled invoke) and SES refusing
 * a recipient ({@code MessageRejected}, as SES does for an unverified address in its sandbox). And
 * one that is no failure: an invocation held back ({@link #holdLambda}), its payload handed to the
 * caller instead, so something outside the runtime can run the function itself (the cold-start
 * benchmark runs it in a fresh JVM on a task that really waits). Nothing happens until asked; every
 * switch is safe to flip from any thread.
 */
public final class Faults {
  private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
  private final Set<String> rejected = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<JsonNode>> held = new ConcurrentHashMap<>();

  /** The next {@code times} invocations of {@code functionName} by the engine are throttled. */
  public void throttleLambda(String functionName, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, got " + times);
    }
    throttled.put(functionName, new AtomicInteger(times));
  }

  /**
   * Takes one throttle from {@code functionName}'s allowance.
   *
   * @return whether this invocation is throttled
   */
  public boolean takeThrottle(String functionName) {
    AtomicInteger left = throttled.get(functionName);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /**
   * The next invocation of {@code functionName} by the engine does not run: the engine sees it
   * succeed with no result (for a {@code .waitForTaskToken} task the state then waits for its
   * token, as while a function that answers later is still at work), and its payload completes the
   * future returned. One hold per function at a time; a new one replaces one not yet taken.
   */
  public CompletableFuture<JsonNode> holdLambda(String functionName) {
    CompletableFuture<JsonNode> payload = new CompletableFuture<>();
    held.put(functionName, payload);
    return payload;
  }

  /**
   * Takes {@code functionName}'s hold, if it has one.
   *
   * @return where this invocation's payload goes instead of to the function
   */
  public Optional<CompletableFuture<JsonNode>> takeHold(String functionName) {
    return Optional.ofNullable(held.remove(functionName));
  }

  /** SES refuses every message to {@code address} until {@link #clear()}. */
  public void rejectRecipient(String address) {
    rejected.add(address.toLowerCase(Locale.ROOT));
  }

  /** The first of {@code addresses} SES is refusing, if any. */
  public Optional<String> rejectedAmong(Iterable<String> addresses) {
    for (String address : addresses) {
      if (rejected.contains(address.toLowerCase(Locale.ROOT))) {
        return Optional.of(address);
      }
    }
    return Optional.empty();
  }

  /** Back to no failures. */
  public void clear() {
    throttled.clear();
    rejected.clear();
    held.clear();
  }
}
