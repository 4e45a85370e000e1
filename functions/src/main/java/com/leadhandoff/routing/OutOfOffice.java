package com.leadhandoff.routing;

import java.time.LocalDate;

/**
 * Days a rep is away, both ends included, as dates in the rep's own time zone.
 *
 * @param from the first day away
 * @param until the last day away; the rep is back the day after
 */
public record OutOfOffice(LocalDate from, LocalDate until) {
  public OutOfOffice {
    if (until.isBefore(from)) {
      throw new IllegalArgumentException(
          "Out of office must end on or after it starts; was " + from + " to " + until);
    }
  }

  /** Whether the rep is away on {@code date}. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(until);
  }
}
