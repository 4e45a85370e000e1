package com.leadhandoff.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When an offer must be answered by, and how that was worked out.
 *
 * @param at the instant the offer expires
 * @param window the answer window as a rep reads it, e.g. {@code 2 hours of working time}
 * @param zone the zone of the calendar that counted the time; the zone to show the deadline in when
 *     the rep has none of their own
 * @param basis one line for the lead's history: tier, response time and calendar used
 * @param reminders when the rep is reminded while the offer is still open, in order, each before
 *     {@code at}; empty when the policy asks for no reminders
 */
public record Deadline(
    Instant at, String window, ZoneId zone, String basis, List<Instant> reminders) {
  public Deadline {
    reminders = List.copyOf(reminders);
  }

  /** A deadline without reminders. */
  public Deadline(Instant at, String window, ZoneId zone, String basis) {
    this(at, window, zone, basis, List.of());
  }
}
