package com.leadhandoff.offer;

import com.leadhandoff.email.LeadSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How offer deadlines and answer windows read in emails, pages and history. */
final class OfferTimes {
  private OfferTimes() {}

  /** E.g. {@code Mon 23 Nov 2026, 10:15 UTC}. */
  static String readable(Instant instant) {
    return readable(instant, ZoneOffset.UTC);
  }

  /** E.g. {@code Mon 23 Nov 2026, 11:15 CET}: the instant on the clocks of {@code zone}. */
  static String readable(Instant instant, ZoneId zone) {
    return LeadSummary.time(instant, zone);
  }

  /** E.g. {@code 15 minutes}, {@code 1 hour 30 minutes}, {@code 2 days}; whole minutes. */
  static String span(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    List<String> parts = new ArrayList<>();
    add(parts, minutes / (24 * 60), "day");
    add(parts, minutes / 60 % 24, "hour");
    add(parts, minutes % 60, "minute");
    return parts.isEmpty() ? "less than a minute" : String.join(" ", parts);
  }

  private static void add(List<String> parts, long amount, String unit) {
    if (amount > 0) {
      parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
    }
  }
}
