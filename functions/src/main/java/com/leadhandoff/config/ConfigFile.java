package com.leadhandoff.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * A parsed config file that remembers where each value was written, and the problems found in it.
 * Values are addressed by JSON pointer ({@code /rules/2/when/min}); a problem reported at a pointer
 * gets that value's line, or the line of the nearest enclosing value when it is missing. Readers
 * report every problem they find, then call {@link #failIfProblems()} once.
 */
public final class ConfigFile {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String name;
  private final String entryKind;
  private final BiFunction<String, List<ConfigProblem>, ? extends InvalidConfigException> invalid;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, Integer> lines;
  // Scalars as written, so a list value such as 007 is matched as "007", not as the number 7.
  private final Map<String, String> written;
  private final Optional<JsonNode> root;

  /**
   * Parses {@code text}.
   *
   * @param name how the file is named in messages
   * @param entryKind what an entry is called in messages, e.g. {@code rule} gives {@code rule
   *     'big'}; empty when entries are named in full by the reader
   * @param invalid the exception listing the problems, given the file name and the problems
   */
  public ConfigFile(
      String name,
      String text,
      String entryKind,
      BiFunction<String, List<ConfigProblem>, ? extends InvalidConfigException> invalid) {
    this.name = name;
    this.entryKind = entryKind;
    this.invalid = invalid;
    ParsedConfig parsed = ParsedConfig.of(name, text);
    this.root = parsed.root();
    this.lines = parsed.lines();
    this.written = parsed.written();
    parsed.problem().ifPresent(problems::add);
  }

  /** How the file was named to the loader. */
  public String name() {
    return name;
  }

  /** The document, unless it is not valid YAML (a problem then says why). */
  public Optional<JsonNode> root() {
    return root;
  }

  /** The scalar at {@code pointer} exactly as written in the file. */
  public Optional<String> written(String pointer) {
    return Optional.ofNullable(written.get(pointer));
  }

  /** The line of the value at {@code pointer}, or of the nearest enclosing value. */
  public Optional<Integer> line(String pointer) {
    String at = pointer;
    while (true) {
      Integer line = lines.get(at);
      if (line != null && line > 0) {
        return Optional.of(line);
      }
      if (at.isEmpty()) {
        return Optional.empty();
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }

  /** How many problems were found so far; lets a reader tell whether a part added any. */
  public int problemCount() {
    return problems.size();
  }

  /** Records a problem with the value at {@code pointer}, in entry {@code entry} if in one. */
  public void problem(String pointer, Optional<String> entry, String reason) {
    Optional<String> label = entryKind.isEmpty() ? entry : entry.map(e -> entryKind + " " + e);
    problems.add(new ConfigProblem(name, line(pointer), label, reason));
  }

  /** The whole number at {@code parent/key} if it lies in min..max; a problem otherwise. */
  public Optional<Integer> whole(
      JsonNode parent, String pointer, String key, int min, int max, Optional<String> entry) {
    return whole(parent, pointer, key, min, max, entry, value -> "");
  }

  /**
   * As {@link #whole(JsonNode, String, String, int, int, Optional)}, with {@code hint} adding to
   * the message about an out-of-range value, e.g. that the sign is the likely mistake.
   */
  public Optional<Integer> whole(
      JsonNode parent,
      String pointer,
      String key,
      int min,
      int max,
      Optional<String> entry,
      IntFunction<String> hint) {
    JsonNode node = parent.get(key);
    String range = max == Integer.MAX_VALUE ? "≥ " + min : "from " + min + " to " + max;
    String requirement = "'" + key + "' must be a whole number " + range;
    if (node == null || node.isNull()) {
      problem(pointer, entry, "'" + key + "' is missing; " + requirement);
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problem(pointer + "/" + key, entry, requirement + " (was " + shown(node) + ")");
      return Optional.empty();
    }
    int value = node.intValue();
    if (value < min || value > max) {
      problem(pointer + "/" + key, entry, requirement + hint.apply(value) + " (was " + value + ")");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * The start of one entry of a list of entries.
   *
   * @param id the entry's id, if it has one written as text
   * @param label how problems name the entry: its id in quotes, else its position
   */
  public record Entry(Optional<String> id, Optional<String> label) {}

  /**
   * Opens the list entry at {@code pointer}; reports it and returns empty if it is not a mapping.
   *
   * @param position how to name an entry without an id, e.g. {@code #3}
   * @param shape what the entry must be, e.g. {@code a rule must be a mapping with id and when}
   */
  public Optional<Entry> entry(JsonNode node, String pointer, String position, String shape) {
    if (!node.isObject()) {
      problem(pointer, Optional.of(position), shape + " (was " + shown(node) + ")");
      return Optional.empty();
    }
    Optional<String> id = text(node, "id");
    return Optional.of(new Entry(id, Optional.of(id.map(i -> "'" + i + "'").orElse(position))));
  }

  /**
   * Reports {@code id} (written at {@code pointer/id}) if it is not a well-formed id or was used
   * before; {@code seen} maps each id read so far to its line, {@code kind} names the entries in
   * the message, e.g. {@code rule}.
   */
  public void uniqueId(
      String id, String pointer, Optional<String> entry, Map<String, Integer> seen, String kind) {
    if (!ID.matcher(id).matches()) {
      problem(
          pointer + "/id",
          entry,
          "the id has characters ids cannot have; use letters, digits, '.', '_' or '-'");
      return;
    }
    Integer first = seen.putIfAbsent(id, line(pointer + "/id").orElse(0));
    if (first != null) {
      problem(
          pointer + "/id",
          entry,
          "duplicate "
              + kind
              + " id; it is already used"
              + (first > 0 ? " on line " + first : "")
              + ", and ids must be unique: rename one of the "
              + kind
              + "s");
    }
  }

  /** Reports every key of {@code node} not in {@code known}; true if there was one. */
  public boolean unknownKeys(
      JsonNode node, String pointer, List<String> known, Optional<String> entry, String where) {
    int before = problems.size();
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key)) {
                String suggestion =
                    known.stream()
                        .filter(k -> k.equalsIgnoreCase(key))
                        .findFirst()
                        .map(k -> "did you mean '" + k + "'?")
                        .orElse("use " + String.join(", ", known));
                problem(
                    pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                    entry,
                    "unknown field '" + key + "' " + where + "; " + suggestion);
              }
            });
    return problems.size() > before;
  }

  /** Throws listing every problem in line order, if there are any. */
  public void failIfProblems() {
    if (!problems.isEmpty()) {
      List<ConfigProblem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparing(p -> p.line().orElse(Integer.MAX_VALUE)));
      throw invalid.apply(name, sorted);
    }
  }

  /** The non-blank text at {@code node/key}, stripped; empty when missing, blank or not text. */
  public static Optional<String> text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }

  /**
   * Reports that {@code key} of the mapping at {@code pointer} is missing or not text, on the
   * value's line when it is there and on the mapping's otherwise; {@code fix} says what to write.
   */
  public void missingText(
      JsonNode node, String pointer, String key, Optional<String> entry, String fix) {
    problem(
        pointer + (node.has(key) ? "/" + key : ""),
        entry,
        "'" + key + "' is missing or not text; " + fix);
  }

  /** A value as a message quotes it: text in quotes, containers by kind. */
  public static String shown(JsonNode node) {
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return node.isNull() ? "empty" : node.asText();
  }
}
