package com.leadhandoff.local.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures the local runtime can be told to produce, so the workflow's error handling can be
 * watched without an AWS outage: Lambda throttling a function (the engine then sees {@code
 * Lambda.TooManyRequestsException}, as Step Functions reports a throttled invoke) and SES refusing
 * a recipient ({@code MessageRejected}, as SES does for an unverified address in its sandbox).
 * Nothing fails until asked; every switch is safe to flip from any thread.
 */
public final class Faults {
  private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
  private final Set<String> rejected = ConcurrentHashMap.newKeySet();

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
  }
}
