package com.leadhandoff.report;

import com.leadhandoff.intake.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report request: leads received from {@code from} to {@code to} (UTC days, both included),
 * grouped by {@code groupBy}.
 */
public record SlaReportRequest(LocalDate from, LocalDate to, GroupBy groupBy) {

  /** A valid request, or every reason the query string is not one. */
  public record Parsed(Optional<SlaReportRequest> request, List<FieldError> errors) {}

  /** The request {@code query} (the query-string parameters, null for none) asks for. */
  public static Parsed parse(Map<String, String> query) {
    Map<String, String> q = query == null ? Map.of() : query;
    List<FieldError> errors = new ArrayList<>();
    Optional<LocalDate> from = date(q, "from", errors);
    Optional<LocalDate> to = date(q, "to", errors);
    Optional<GroupBy> groupBy = GroupBy.parse(q.get("groupBy"));
    if (groupBy.isEmpty()) {
      errors.add(
          new FieldError(
              "groupBy",
              q.get("groupBy") == null
                  ? "is required: rep, team, source, campaign or tier"
                  : "must be rep, team, source, campaign or tier, was " + q.get("groupBy")));
    }
    if (from.isPresent() && to.isPresent()) {
      if (from.get().isAfter(to.get())) {
        errors.add(new FieldError("from", "must not be after to"));
      } else if (ChronoUnit.DAYS.between(from.get(), to.get()) + 1 > SlaReports.MAX_DAYS) {
        errors.add(
            new FieldError(
                "to",
                "must be at most "
                    + SlaReports.MAX_DAYS
                    + " days from from, both included; export to S3 and query with Athena for"
                    + " longer periods"));
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed(Optional.empty(), errors);
    }
    return new Parsed(
        Optional.of(new SlaReportRequest(from.get(), to.get(), groupBy.get())), List.of());
  }

  private static Optional<LocalDate> date(
      Map<String, String> q, String name, List<FieldError> errors) {
    String text = q.get(name);
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(name, "is required, as YYYY-MM-DD"));
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be a date as YYYY-MM-DD, was " + text));
      return Optional.empty();
    }
  }
}
