package com.leadhandoff.watchdog;

import java.util.List;

/**
 * What one sweep did.
 *
 * @param checked the open leads it looked at
 * @param started leads whose missing workflow it started
 * @param parked leads it parked and alerted about
 * @param failed leads it could not repair this time (the workflow service refused); the next sweep
 *     tries again
 */
public record SweepReport(
    int checked, List<String> started, List<String> parked, List<String> failed) {
  public SweepReport {
    started = List.copyOf(started);
    parked = List.copyOf(parked);
    failed = List.copyOf(failed);
  }
}
