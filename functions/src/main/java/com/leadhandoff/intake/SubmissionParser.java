package com.leadhandoff.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.leadhandoff.json.Json;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON or form-encoded body into raw field values. It knows no field names: which fields
 * exist and what they may hold is {@link SubmissionValidator}'s business.
 */
public final class SubmissionParser {
  // Trailing garbage after the object means the client built the body wrong; say so. A key given
  // twice is refused rather than letting the last one win: a filter or log that read the first
  // "email" would otherwise disagree with the lead that is stored.
  private static final ObjectReader JSON =
      Json.MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  /** Reads {@code text}, already decoded from its charset, as {@code format}. */
  public ParsedBody parse(BodyFormat format, String text) {
    return format.kind() == BodyFormat.Kind.JSON ? json(text) : form(text, format.charset());
  }

  private static ParsedBody json(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      Optional<String> duplicate = duplicateKey(e);
      if (duplicate.isPresent()) {
        return new ParsedBody.Unreadable(
            "The body gives the key '" + duplicate.get() + "' more than once: send each key once",
            List.of(new FieldError(duplicate.get(), "must be given once, was given twice")));
      }
      JsonLocation where = e.getLocation();
      String at =
          where == null
              ? ""
              : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      return new ParsedBody.Unreadable(
          "The body is not valid JSON: " + e.getOriginalMessage() + at);
    }
    if (root == null || root.isMissingNode()) {
      return new ParsedBody.Unreadable(
          "The body is empty: send the lead as a JSON object, e.g. {\"email\": \"ana@acme.io\"}");
    }
    if (!root.isObject()) {
      return new ParsedBody.Unreadable(
          "The body must be a JSON object of fields, e.g. {\"email\": \"ana@acme.io\"}");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    root.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isNull()) {
                return;
              }
              if (value.isValueNode()) {
                values.put(field.getKey(), List.of(value.asText()));
              } else if (value.isArray() && allText(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                values.put(field.getKey(), items);
              } else {
                problems.put(
                    field.getKey(),
                    value.isArray()
                        ? "must be a list of strings, not a list of objects or lists"
                        : "must be a string, not an object");
              }
            });
    return new ParsedBody.Fields(BodyFormat.Kind.JSON, values, problems);
  }

  /** The key a strict parser found twice, if that is what {@code e} reports. */
  private static Optional<String> duplicateKey(JsonProcessingException e) {
    // The parser has already moved onto the repeated name when its duplicate check fails.
    if (e instanceof StreamReadException read
        && read.getProcessor() != null
        && e.getOriginalMessage().startsWith("Duplicate field")) {
      try {
        return Optional.ofNullable(read.getProcessor().currentName());
      } catch (java.io.IOException ignored) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode() || item.isNull()) {
        return false;
      }
    }
    return true;
  }

  private static ParsedBody form(String text, Charset charset) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      return new ParsedBody.Unreadable("The body is not valid form encoding: " + e.getMessage());
    }
    return new ParsedBody.Fields(BodyFormat.Kind.FORM, values, Map.of());
  }
}
