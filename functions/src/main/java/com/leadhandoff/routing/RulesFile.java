package com.leadhandoff.routing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.leadhandoff.routing.InvalidRoutingRulesException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed routing rules file that remembers the line of each value, and the problems found in it.
 * Values are addressed by JSON pointer ({@code /rules/2/when/companySize/min}); a problem at a
 * missing value gets the line of the nearest enclosing one.
 */
final class RulesFile {
  // YAML 1.1 would read `[DK, NO, SE]` as ["DK", false, "SE"]: Norway must stay a country code.
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .build();

  private final String name;
  private final List<Problem> problems = new ArrayList<>();
  // The tree Jackson builds forgets locations, so one streaming pass records them first.
  private final Map<String, Integer> lines = new HashMap<>();
  private final Optional<JsonNode> root;

  RulesFile(String name, String text) {
    this.name = name;
    this.root = parse(text);
  }

  /** How the file was named to the loader. */
  String name() {
    return name;
  }

  /** The document, unless it is not valid YAML (a problem then says why). */
  Optional<JsonNode> root() {
    return root;
  }

  /** The line of the value at {@code pointer}, or of the nearest enclosing value. */
  Optional<Integer> line(String pointer) {
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
  int problemCount() {
    return problems.size();
  }

  /** Records a problem with the value at {@code pointer}, in rule {@code rule} if in one. */
  void problem(String pointer, Optional<String> rule, String reason) {
    problems.add(new Problem(name, line(pointer), rule, reason));
  }

  /** Reports every key of {@code node} not in {@code known}; true if there was one. */
  boolean unknownKeys(
      JsonNode node, String pointer, List<String> known, Optional<String> rule, String where) {
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
                    rule,
                    "unknown field '" + key + "' " + where + "; " + suggestion);
              }
            });
    return problems.size() > before;
  }

  /** Throws listing every problem in line order, if there are any. */
  void failIfProblems() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparing(p -> p.line().orElse(Integer.MAX_VALUE)));
      throw new InvalidRoutingRulesException(name, sorted);
    }
  }

  /** A value as a message quotes it: text in quotes, containers by kind. */
  static String shown(JsonNode node) {
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

  private Optional<JsonNode> parse(String text) {
    try (JsonParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
      }
      JsonNode tree = YAML.readTree(text);
      return Optional.of(tree == null ? MissingNode.getInstance() : tree);
    } catch (JsonProcessingException e) {
      Optional<Integer> line =
          Optional.ofNullable(e.getLocation()).map(JsonLocation::getLineNr).filter(l -> l > 0);
      problems.add(
          new Problem(name, line, Optional.empty(), "not valid YAML: " + e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
  }
}
