package com.leadhandoff.routing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How long a period of stored leads one dry run may replay. The Leads table is scanned for the
 * period and every lead in it is routed and answered at once, so the period is capped to keep one
 * run inside a Lambda call's 30 seconds and its 6 MB response.
 */
public final class DryRunPeriod {
  /** The most days, both ends included, that one dry run replays: about a quarter. */
  public static final int MAX_DAYS = 92;

  private DryRunPeriod() {}

  /**
   * What is wrong with replaying {@code from} to {@code to} (both included), said of {@code to}: it
   * is before {@code from}, or the period is longer than {@link #MAX_DAYS}; empty when neither.
   */
  public static Optional<String> problem(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return Optional.of("is " + to + ", before from " + from + "; swap the dates");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      return Optional.of(
          "is "
              + days
              + " days after from "
              + from
              + " (both included); a dry run replays at most "
              + MAX_DAYS
              + " days of stored leads, so split the period, e.g. "
              + from
              + " to "
              + from.plusDays(MAX_DAYS - 1));
    }
    return Optional.empty();
  }
}
