package com.leadhandoff.local.lambda;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each function was invoked and for how long, as Lambda bills it (requests, and duration
 * times memory): a cost model reads it after running a scenario.
 */
public final class InvocationMeter {
  private final Map<String, LongAdder[]> byFunction = new ConcurrentHashMap<>();

  /** One function's invocations and the time they took in all. */
  public record Usage(long invocations, Duration duration) {}

  void record(String function, long nanos) {
    LongAdder[] usage =
        byFunction.computeIfAbsent(
            function, f -> new LongAdder[] {new LongAdder(), new LongAdder()});
    usage[0].increment();
    usage[1].add(nanos);
  }

  /** Every function's usage so far, by function name. */
  public Map<String, Usage> usage() {
    Map<String, Usage> out = new TreeMap<>();
    byFunction.forEach((f, u) -> out.put(f, new Usage(u[0].sum(), Duration.ofNanos(u[1].sum()))));
    return out;
  }

  /** Forgets what was counted, to measure the next scenario alone. */
  public void reset() {
    byFunction.clear();
  }
}
