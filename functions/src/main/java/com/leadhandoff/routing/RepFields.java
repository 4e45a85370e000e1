package com.leadhandoff.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.intake.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rep as the admin API receives it: the fields of a rep in {@code config/directory.yaml}, checked
 * by the same reader as the file, so a rep the API accepts is one the file would accept too.
 */
public final class RepFields {
  private static final Pattern LABEL = Pattern.compile("^rep ('[^']*'|#\\d+): ");
  private static final Pattern UNKNOWN = Pattern.compile("^unknown field `([^`]*):`");

  private RepFields() {}

  /** A rep, or why not. */
  public sealed interface Result {}

  /** Every field is acceptable. */
  public record Valid(Rep rep) implements Result {}

  /** Some fields are not; each error names its field. */
  public record Invalid(List<FieldError> errors) implements Result {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /**
   * The rep {@code repId} described by {@code body}.
   *
   * @param teamIds the teams a rep may belong to
   */
  public static Result read(String repId, JsonNode body, Set<String> teamIds) {
    if (!body.isObject()) {
      return new Invalid(
          List.of(
              new FieldError(
                  "body",
                  "must be a JSON object with the fields of a rep in config/directory.yaml")));
    }
    List<FieldError> errors = new ArrayList<>();
    JsonNode id = body.get("id");
    if (id != null && !id.isNull() && !id.asText().equals(repId)) {
      errors.add(
          new FieldError(
              "id",
              "is '"
                  + id.asText()
                  + "' but the URL names rep '"
                  + repId
                  + "'; leave `id` out or make them the same"));
    }
    ObjectNode fields = ((ObjectNode) body).deepCopy();
    fields.put("id", repId);
    // The admin API shows a rep's status beside its fields; a rep read and sent back keeps it.
    fields.remove("status");
    DirectoryConfigReader.RepRead read = DirectoryConfigReader.rep(fields);
    read.problems().forEach(problem -> errors.add(error(problem)));
    JsonNode team = body.get("team");
    if (team != null && team.isValueNode() && !team.asText().isBlank()) {
      String teamId = team.asText().trim();
      if (!teamIds.contains(teamId)) {
        errors.add(
            new FieldError(
                "team",
                "'"
                    + teamId
                    + "' is not a team; use one of: "
                    + String.join(", ", new TreeSet<>(teamIds))));
      }
    }
    return errors.isEmpty() ? new Valid(read.rep().orElseThrow()) : new Invalid(errors);
  }

  /**
   * Why no rep can have {@code repId}, under the id rule of {@code config/directory.yaml}; empty
   * when one can. The reps table also keeps {@code load#} and {@code audit#} rows beside the reps,
   * and their keys break this rule, so an id that passes never names one of them.
   */
  public static Optional<FieldError> idProblem(String repId) {
    if (repId != null && DirectoryConfigReader.isId(repId)) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldError(
            "repId",
            "'"
                + repId
                + "' is not a rep id; rep ids are letters, digits, '.', '_' or '-', starting with"
                + " a letter or digit, e.g. ana-ruiz"));
  }

  /** The out-of-office dates in {@code body} ({@code {"outOfOffice": [{from, until}]}}). */
  public static OutOfOfficeResult outOfOffice(JsonNode body) {
    List<String> problems = new ArrayList<>();
    if (!body.isObject() || !body.has("outOfOffice")) {
      return new OutOfOfficeResult(
          List.of(),
          List.of(
              new FieldError(
                  "outOfOffice",
                  "is missing; send {\"outOfOffice\": [{\"from\": \"2026-12-21\", \"until\":"
                      + " \"2027-01-01\"}]}, or [] to clear it")));
    }
    List<OutOfOffice> away = new RepScheduleReader(problems).outOfOffice(body, "");
    return new OutOfOfficeResult(
        problems.isEmpty() ? away : List.of(),
        problems.stream().map(p -> new FieldError("outOfOffice", p)).toList());
  }

  /**
   * What {@link #outOfOffice} found.
   *
   * @param errors empty when {@code away} can be stored
   */
  public record OutOfOfficeResult(List<OutOfOffice> away, List<FieldError> errors) {
    public OutOfOfficeResult {
      away = List.copyOf(away);
      errors = List.copyOf(errors);
    }
  }

  /** The directory reader's problem as an error on the field it is about. */
  private static FieldError error(String problem) {
    String text = LABEL.matcher(problem).replaceFirst("");
    Matcher unknown = UNKNOWN.matcher(text);
    if (unknown.find()) {
      return new FieldError(unknown.group(1), text);
    }
    // The field a problem is about is the first field name it mentions.
    String field = "body";
    int first = Integer.MAX_VALUE;
    for (String name : DirectoryConfigReader.REP_FIELDS) {
      Matcher at = Pattern.compile("(?<![A-Za-z])" + name + "(?![A-Za-z])").matcher(text);
      if (at.find() && at.start() < first) {
        first = at.start();
        field = name;
      }
    }
    return new FieldError(field, text);
  }
}
