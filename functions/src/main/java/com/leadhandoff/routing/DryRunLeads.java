package com.leadhandoff.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.intake.BodyFormat;
import com.leadhandoff.intake.FieldError;
import com.leadhandoff.intake.ParsedBody;
import com.leadhandoff.intake.SubmissionParser;
import com.leadhandoff.intake.SubmissionValidator;
import com.leadhandoff.intake.Validation;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file of leads for a dry run: a JSON array of lead objects, or one lead object per line
 * (JSON lines), each with the fields of {@code POST /leads}. Every lead goes through intake's own
 * parser and validator, so a lead intake would refuse is shown as refused, not routed.
 */
public final class DryRunLeads {
  private static final BodyFormat JSON =
      new BodyFormat(BodyFormat.Kind.JSON, StandardCharsets.UTF_8);

  private DryRunLeads() {}

  /**
   * One lead of the file.
   *
   * @param number its position in the file, from 1
   * @param label how the dry run names it: its email address as sent, or {@code lead N}
   * @param validation what intake makes of it
   */
  public record Entry(int number, String label, Validation validation) {}

  /** The leads in {@code file}; a file that is not JSON fails naming the file and line. */
  public static List<Entry> read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the leads file " + file, e);
    }
  }

  /**
   * The leads in {@code text}.
   *
   * @param file how to name the text's source in error messages
   */
  public static List<Entry> parse(String file, String text) {
    List<JsonNode> leads = new ArrayList<>();
    if (text.strip().startsWith("[")) {
      JsonNode array = tree(file, text, Optional.empty());
      array.forEach(leads::add);
    } else {
      String[] lines = text.split("\\R");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          leads.add(tree(file, lines[i], Optional.of(i + 1)));
        }
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode lead : leads) {
      entries.add(entry(entries.size() + 1, lead));
    }
    return entries;
  }

  /**
   * Stored leads to replay.
   *
   * @param entries the leads routed when they arrived, in the order given
   * @param merged how many were left out as {@code MERGED}: Match Lead merged each into an open
   *     lead of the same prospect, so none was ever routed itself and replaying it would count the
   *     prospect twice
   */
  public record Replay(List<Entry> entries, int merged) {
    public Replay {
      entries = List.copyOf(entries);
    }

    /** Why fewer leads are replayed than were stored, for the report. */
    public String leftOut() {
      return merged
          + (merged == 1 ? " merged lead" : " merged leads")
          + " left out: each was merged into an open lead of the same prospect and never routed"
          + " itself";
    }
  }

  /**
   * Stored leads as dry-run entries, in the order given, without the merged ones: intake already
   * accepted them, so each is valid as stored; the label adds the lead id to the email address.
   * Leads that needed attention are kept: they were real leads, only their workflow failed.
   */
  public static Replay stored(List<Lead> leads) {
    List<Entry> entries = new ArrayList<>();
    int merged = 0;
    for (Lead lead : leads) {
      if (lead.status() == LeadStatus.MERGED) {
        merged++;
        continue;
      }
      entries.add(
          new Entry(
              entries.size() + 1,
              lead.submission().email() + " (" + lead.leadId() + ")",
              new Validation.Valid(lead.submission(), Optional.empty(), Optional.empty())));
    }
    return new Replay(entries, merged);
  }

  private static Entry entry(int number, JsonNode lead) {
    JsonNode email = lead.path("email");
    String label =
        email.isTextual() && !email.asText().isBlank() ? email.asText() : "lead " + number;
    if (!lead.isObject()) {
      return new Entry(
          number,
          label,
          new Validation.Invalid(
              List.of(
                  new FieldError("lead", "must be a JSON object of fields, like POST /leads"))));
    }
    ParsedBody body = new SubmissionParser().parse(JSON, lead.toString());
    Validation validation =
        body instanceof ParsedBody.Fields fields
            ? new SubmissionValidator().validate(fields, Optional.empty())
            : new Validation.Invalid(
                List.of(new FieldError("lead", ((ParsedBody.Unreadable) body).message())));
    return new Entry(number, label, validation);
  }

  private static JsonNode tree(String file, String text, Optional<Integer> line) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int at = line.orElse(e.getLocation() == null ? 0 : e.getLocation().getLineNr());
      throw new IllegalArgumentException(
          file
              + (at > 0 ? " line " + at : "")
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "); write a JSON array of leads, or one lead object per line");
    }
  }
}
