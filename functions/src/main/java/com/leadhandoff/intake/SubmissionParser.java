package com.leadhandoff.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.leadhandoff.json.Json;
import com.leadhandoff.json.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
  // Built on demand: a well-formed body is read without the object mapper (cold start), and this
  // reader then only says what is wrong with one that is not.
  private static final class Strict {
    static final ObjectReader JSON =
        Json.MAPPER
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  /** Reads {@code text}, already decoded from its charset, as {@code format}. */
  public ParsedBody parse(BodyFormat format, String text) {
    return format.kind() == BodyFormat.Kind.JSON ? json(text) : form(text, format.charset());
  }

  private static ParsedBody json(String text) {
    JsonNode root;
    try {
      Optional<JsonNode> lean = JsonTrees.readStrict(text);
      root = lean.isPresent() ? lean.get() : Strict.JSON.readTree(text);
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
    // Escapes stand for bytes in the body's charset; HTML never percent-encodes in UTF-16 (a
    // form on a UTF-16 page is submitted in UTF-8), so for charsets that are not ASCII-based the
    // escapes are read as UTF-8.
    Charset escapes = Charsets.isAsciiCompatible(charset) ? charset : StandardCharsets.UTF_8;
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      Optional<String> name = unescape(rawName, escapes);
      Optional<String> value =
          equals < 0 ? Optional.of("") : unescape(pair.substring(equals + 1), escapes);
      if (name.isEmpty() || value.isEmpty()) {
        String field = name.orElse(rawName);
        return new ParsedBody.Unreadable(
            "The body is not valid form encoding: the field '"
                + field
                + "' has a broken %-escape or bytes that are not valid "
                + escapes.name(),
            List.of(new FieldError(field, "must be %-encoded " + escapes.name())));
      }
      values.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(value.get());
    }
    return new ParsedBody.Fields(BodyFormat.Kind.FORM, values, Map.of());
  }

  /**
   * {@code escaped} with {@code +} as a space and each {@code %XX} as a byte, read strictly in
   * {@code charset}; empty when an escape is broken or the bytes are not valid in it. ({@link
   * java.net.URLDecoder} would turn bad bytes into U+FFFD and store them.)
   */
  private static Optional<String> unescape(String escaped, Charset charset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
    int i = 0;
    while (i < escaped.length()) {
      char c = escaped.charAt(i);
      if (c == '%') {
        if (i + 2 >= escaped.length()) {
          return Optional.empty();
        }
        int high = Character.digit(escaped.charAt(i + 1), 16);
        int low = Character.digit(escaped.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int end = i;
        while (end < escaped.length() && escaped.charAt(end) != '%') {
          end++;
        }
        bytes.writeBytes(escaped.substring(i, end).replace('+', ' ').getBytes(charset));
        i = end;
      }
    }
    try {
      return Optional.of(Charsets.decode(bytes.toByteArray(), charset));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
