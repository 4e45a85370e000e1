package com.leadhandoff.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.intake.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the JSON body of {@code POST /admin/leads/{leadId}/outcome}: {@code outcome} (required),
 * {@code reason} (required for DISQUALIFIED, refused otherwise), {@code note}, {@code at} (an ISO
 * instant, not in the future). Every problem is reported at once; unknown fields are refused, so a
 * misspelt {@code reasn} is not silently dropped.
 */
public final class OutcomeRequest {
  private static final Set<String> FIELDS = Set.of("outcome", "reason", "note", "at");
  // Clocks of the CRM and of AWS differ a little; more than this ahead is a mistake.
  private static final Duration SKEW = Duration.ofMinutes(5);

  private OutcomeRequest() {}

  /** The report the body asks for, or every reason it does not ask for one. */
  public record Parsed(Optional<OutcomeReport> report, List<FieldError> errors) {}

  /**
   * @param by who called, recorded as the reporter
   * @param now the time of the call: the outcome's time when the body gives none
   */
  public static Parsed parse(JsonNode body, String by, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (!body.isObject()) {
      errors.add(new FieldError("body", "must be a JSON object"));
      return new Parsed(Optional.empty(), errors);
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of an outcome"));
              }
            });
    Optional<Outcome> outcome = Optional.empty();
    Optional<String> outcomeText = text(body, "outcome", errors);
    if (outcomeText.isEmpty()) {
      if (!body.hasNonNull("outcome")) {
        errors.add(new FieldError("outcome", "is required: one of " + names(Outcome.values())));
      }
    } else {
      outcome = Outcome.parse(outcomeText.get());
      if (outcome.isEmpty()) {
        errors.add(new FieldError("outcome", "must be one of " + names(Outcome.values())));
      }
    }
    Optional<DisqualifyReason> reason = Optional.empty();
    Optional<String> reasonText = text(body, "reason", errors);
    if (reasonText.isPresent()) {
      reason = DisqualifyReason.parse(reasonText.get());
      if (reason.isEmpty()) {
        errors.add(new FieldError("reason", "must be one of " + names(DisqualifyReason.values())));
      } else if (outcome.filter(o -> !o.needsReason()).isPresent()) {
        errors.add(new FieldError("reason", "is only for DISQUALIFIED"));
      }
    } else if (outcome.filter(Outcome::needsReason).isPresent() && !body.hasNonNull("reason")) {
      errors.add(
          new FieldError(
              "reason",
              "is required for DISQUALIFIED: one of " + names(DisqualifyReason.values())));
    }
    Optional<String> note = text(body, "note", errors);
    if (note.filter(n -> n.length() > OutcomeReport.MAX_NOTE).isPresent()) {
      errors.add(new FieldError("note", "is at most " + OutcomeReport.MAX_NOTE + " characters"));
    }
    Instant at = now;
    Optional<String> atText = text(body, "at", errors);
    if (atText.isPresent()) {
      try {
        at = Instant.parse(atText.get());
        if (at.isAfter(now.plus(SKEW))) {
          errors.add(new FieldError("at", "is in the future"));
        }
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError("at", "must be an ISO-8601 instant such as 2026-03-01T09:30:00Z"));
      }
    }
    if (!errors.isEmpty()) {
      return new Parsed(Optional.empty(), errors);
    }
    return new Parsed(
        Optional.of(
            new OutcomeReport(
                outcome.get(),
                outcome.get().needsReason() ? reason : Optional.empty(),
                note,
                at,
                by,
                OutcomeReport.Source.API)),
        List.of());
  }

  /** The field as text; a present field that is not a non-blank string is an error. */
  private static Optional<String> text(JsonNode body, String field, List<FieldError> errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      errors.add(new FieldError(field, "must be a non-empty string"));
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }
}
