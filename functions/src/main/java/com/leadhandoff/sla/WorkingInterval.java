package com.leadhandoff.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One stretch of working time within a day, in minutes after local midnight; the end may be 1440
 * (written {@code 24:00}) so a calendar can work through midnight in two intervals.
 *
 * @param startMinute when work starts, 0..1439
 * @param endMinute when work stops, after {@code startMinute}, at most 1440
 */
public record WorkingInterval(int startMinute, int endMinute) {
  static final int DAY = 24 * 60;

  public WorkingInterval {
    if (startMinute < 0 || endMinute > DAY || startMinute >= endMinute) {
      throw new IllegalArgumentException(
          "A working interval must start before it ends, within one day; was "
              + clock(startMinute)
              + "-"
              + clock(endMinute));
    }
  }

  /** How long the interval is on a day without a clock change. */
  int minutes() {
    return endMinute - startMinute;
  }

  /** Where the interval starts on {@code date} in {@code zone}. */
  Instant start(LocalDate date, ZoneId zone) {
    return at(date, startMinute, zone);
  }

  /** Where the interval ends on {@code date} in {@code zone}. */
  Instant end(LocalDate date, ZoneId zone) {
    return at(date, endMinute, zone);
  }

  // A wall time skipped by a spring-forward change moves to the first instant after the gap; one
  // repeated by a fall-back change is taken at its first occurrence (ofLocal's rules). So the real
  // length of an interval is what the clock on the office wall would have measured.
  private static Instant at(LocalDate date, int minute, ZoneId zone) {
    return ZonedDateTime.ofLocal(date.atStartOfDay().plusMinutes(minute), zone, null).toInstant();
  }

  static String clock(int minute) {
    return String.format("%02d:%02d", minute / 60, minute % 60);
  }

  @Override
  public String toString() {
    return clock(startMinute) + "-" + clock(endMinute);
  }
}
