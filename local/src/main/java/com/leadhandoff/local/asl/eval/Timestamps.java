package com.leadhandoff.local.asl.eval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** RFC 3339 timestamps as the States language reads and writes them. */
public final class Timestamps {
  private Timestamps() {}

  /** Parses an RFC 3339 timestamp with an uppercase T and an offset or Z. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Formats like Step Functions does in the context object: UTC, millisecond precision. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
