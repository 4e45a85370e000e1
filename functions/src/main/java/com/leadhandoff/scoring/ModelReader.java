package com.leadhandoff.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.leadhandoff.scoring.InvalidScoringModelException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks one scoring model file. The whole file is checked before anything is reported,
 * so one run of the build shows revenue ops every mistake, each with its line and fix.
 */
final class ModelReader {
  // YAML 1.1 would read `in: [NO, SE]` as [false, "SE"]: Norway must stay a country code.
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .build();
  private static final List<String> ROOT_KEYS =
      List.of("mqlThreshold", "tiers", "fit", "intent", "negative");
  private static final List<String> TIER_KEYS = List.of("hot", "warm");
  private static final List<String> RULE_KEYS = List.of("id", "description", "points", "when");
  private static final List<String> TEXT_TESTS = List.of("in", "matches", "words");
  private static final List<String> CONDITION_KEYS =
      List.of("field", "in", "matches", "words", "min", "max");

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  // Where each value starts, by JSON pointer; the tree Jackson builds forgets locations.
  private final Map<String, Integer> lines = new HashMap<>();
  // Scalars as written, so a list value such as 007 is matched as "007", not as the number 7.
  private final Map<String, String> written = new HashMap<>();
  private final Map<String, Integer> ruleIds = new HashMap<>();

  private ModelReader(String file) {
    this.file = file;
  }

  /** The model in {@code text}, read from {@code file}; throws listing every problem. */
  static ScoringModel read(String file, String text) {
    return new ModelReader(file).read(text);
  }

  private ScoringModel read(String text) {
    JsonNode root;
    try {
      indexLines(text);
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(
          new Problem(
              file,
              Optional.ofNullable(at).map(JsonLocation::getLineNr).filter(l -> l > 0),
              Optional.empty(),
              "not valid YAML: " + e.getOriginalMessage()));
      throw invalid();
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      problem("", "the file is empty; it needs mqlThreshold, tiers and the rule lists");
      throw invalid();
    }
    if (!root.isObject()) {
      problem("", "the file must be a mapping with mqlThreshold, tiers, fit, intent and negative");
      throw invalid();
    }
    unknownKeys(root, "", ROOT_KEYS, Optional.empty(), "at the top level");
    Optional<Integer> threshold = whole(root, "", "mqlThreshold", 0, 100, Optional.empty());
    Optional<ScoringModel.Tiers> tiers = tiers(root.get("tiers"));
    List<Rule> rules = new ArrayList<>();
    for (Rule.Group group : Rule.Group.values()) {
      rules.addAll(group(root.get(group.yamlName()), group));
    }
    if (!problems.isEmpty()) {
      throw invalid();
    }
    return new ScoringModel(threshold.orElseThrow(), tiers.orElseThrow(), rules);
  }

  private void indexLines(String text) throws JsonProcessingException {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        if (token.isScalarValue()) {
          written.put(pointer, parser.getText());
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
  }

  private Optional<ScoringModel.Tiers> tiers(JsonNode node) {
    if (node == null || node.isNull()) {
      problem(
          "", "'tiers' is missing; add it with 'hot' and 'warm' cut-offs, e.g. hot: 75, warm: 45");
      return Optional.empty();
    }
    if (!node.isObject()) {
      problem(
          "/tiers", "'tiers' must be a mapping with 'hot' and 'warm' (was " + shown(node) + ")");
      return Optional.empty();
    }
    unknownKeys(node, "/tiers", TIER_KEYS, Optional.empty(), "in 'tiers'");
    Optional<Integer> hot = whole(node, "/tiers", "hot", 0, 100, Optional.empty());
    Optional<Integer> warm = whole(node, "/tiers", "warm", 0, 100, Optional.empty());
    if (hot.isPresent() && warm.isPresent() && hot.get() < warm.get()) {
      problem(
          "/tiers/hot",
          "the 'hot' cut-off ("
              + hot.get()
              + ") is below the 'warm' cut-off ("
              + warm.get()
              + "); hot must be at least warm");
      return Optional.empty();
    }
    return hot.flatMap(h -> warm.map(w -> new ScoringModel.Tiers(h, w)));
  }

  private List<Rule> group(JsonNode node, Rule.Group group) {
    String pointer = "/" + group.yamlName();
    if (node == null || node.isNull()) {
      return List.of(); // a list left out or left empty has no rules
    }
    if (!node.isArray()) {
      problem(
          pointer, "'" + group.yamlName() + "' must be a list of rules (was " + shown(node) + ")");
      return List.of();
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      rule(node.get(i), pointer + "/" + i, group, i).ifPresent(rules::add);
    }
    return rules;
  }

  private Optional<Rule> rule(JsonNode node, String pointer, Rule.Group group, int index) {
    String position = "#" + (index + 1) + " in '" + group.yamlName() + "'";
    if (!node.isObject()) {
      problem(
          pointer,
          Optional.of(position),
          "a rule must be a mapping with id, description, points and when (was "
              + shown(node)
              + ")");
      return Optional.empty();
    }
    JsonNode idNode = node.get("id");
    boolean usableId = idNode != null && idNode.isTextual() && !idNode.asText().isBlank();
    Optional<String> label = Optional.of(usableId ? "'" + idNode.asText() + "'" : position);
    int problemsBefore = problems.size();
    unknownKeys(node, pointer, RULE_KEYS, label, "in a rule");
    if (!usableId) {
      problem(
          pointer + (idNode == null ? "" : "/id"),
          label,
          idNode == null
              ? "'id' is missing; give the rule a unique id such as 'demo-request'"
              : "'id' must be text such as 'demo-request' (was " + shown(idNode) + ")");
    } else {
      Integer first = ruleIds.putIfAbsent(idNode.asText(), line(pointer + "/id").orElse(0));
      if (first != null) {
        problem(
            pointer + "/id",
            label,
            "duplicate rule id; it is already used"
                + (first > 0 ? " on line " + first : "")
                + ", and ids must be unique");
      }
    }
    JsonNode description = node.get("description");
    if (description == null || !description.isTextual() || description.asText().isBlank()) {
      problem(
          description == null ? pointer : pointer + "/description",
          label,
          "'description' is missing; add one line the rep will see as the reason, e.g. 'Asked for"
              + " a demo'");
    }
    Optional<Integer> points =
        group == Rule.Group.NEGATIVE
            ? whole(node, pointer, "points", -100, -1, label)
            : whole(node, pointer, "points", 1, 100, label);
    Optional<Condition> when = condition(node.get("when"), pointer, label);
    if (problems.size() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new Rule(
            idNode.asText(),
            group,
            description.asText().strip(),
            points.orElseThrow(),
            when.orElseThrow()));
  }

  private Optional<Condition> condition(JsonNode node, String rulePointer, Optional<String> rule) {
    String pointer = rulePointer + "/when";
    if (node == null || node.isNull()) {
      problem(
          rulePointer,
          rule,
          "'when' is missing; add the condition, e.g. when: {field: formId, in: [demo-request]}");
      return Optional.empty();
    }
    if (!node.isObject()) {
      problem(
          pointer,
          rule,
          "'when' must be a mapping with 'field' and one test (was " + shown(node) + ")");
      return Optional.empty();
    }
    int problemsBefore = problems.size();
    boolean misnamedTest = unknownKeys(node, pointer, CONDITION_KEYS, rule, "in 'when'");
    Optional<Field> field = field(node.get("field"), pointer, rule);
    List<String> texts = TEXT_TESTS.stream().filter(node::has).toList();
    boolean range = node.has("min") || node.has("max");
    if (texts.size() + (range ? 1 : 0) > 1) {
      List<String> used = new ArrayList<>(texts);
      if (range) {
        used.add("min/max");
      }
      problem(
          pointer,
          rule,
          "'when' has more than one test ("
              + String.join(", ", used)
              + "); use one per rule, or split it into several rules");
      return Optional.empty();
    }
    if (texts.isEmpty() && !range) {
      if (!misnamedTest) { // the unknown key's message already lists the tests
        problem(pointer, rule, "'when' has no test; add one of in, matches, words, or min/max");
      }
      return Optional.empty();
    }
    if (field.isEmpty()) {
      return Optional.empty();
    }
    if (range) {
      return range(node, pointer, field.get(), rule);
    }
    String test = texts.get(0);
    if (field.get().isNumber()) {
      problem(
          pointer + "/" + test,
          rule,
          "'"
              + field.get().yamlName()
              + "' is a number; test it with 'min' and/or 'max' instead of '"
              + test
              + "'");
      return Optional.empty();
    }
    Optional<List<String>> values = values(node.get(test), pointer + "/" + test, test, rule);
    if (values.isEmpty() || problems.size() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        switch (test) {
          case "in" -> new Condition.OneOf(field.get(), values.get());
          case "matches" -> new Condition.Matches(field.get(), values.get());
          default -> new Condition.Words(field.get(), values.get());
        });
  }

  private Optional<Field> field(JsonNode node, String pointer, Optional<String> rule) {
    if (node == null || !node.isTextual()) {
      problem(
          node == null ? pointer : pointer + "/field",
          rule,
          node == null
              ? "'field' is missing in 'when'; name the form field to test, e.g. field: jobTitle"
              : "'field' must be a field name such as jobTitle (was " + shown(node) + ")");
      return Optional.empty();
    }
    String name = node.asText().strip();
    Optional<Field> field = Field.named(name);
    if (field.isEmpty()) {
      problem(
          pointer + "/field",
          rule,
          "unknown field '"
              + name
              + "'; "
              + Field.resembling(name)
                  .map(f -> "did you mean '" + f.yamlName() + "'?")
                  .orElse("the fields are " + Field.names()));
    }
    return field;
  }

  private Optional<Condition> range(
      JsonNode node, String pointer, Field field, Optional<String> rule) {
    if (!field.isNumber()) {
      problem(
          pointer + (node.has("min") ? "/min" : "/max"),
          rule,
          "'min' and 'max' test a number, and '"
              + field.yamlName()
              + "' is text; use in, matches or words");
      return Optional.empty();
    }
    Optional<Integer> min =
        node.has("min")
            ? whole(node, pointer, "min", 0, Integer.MAX_VALUE, rule)
            : Optional.empty();
    Optional<Integer> max =
        node.has("max")
            ? whole(node, pointer, "max", 0, Integer.MAX_VALUE, rule)
            : Optional.empty();
    if ((node.has("min") && min.isEmpty()) || (node.has("max") && max.isEmpty())) {
      return Optional.empty();
    }
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      problem(
          pointer + "/min",
          rule,
          "'min' (" + min.get() + ") is above 'max' (" + max.get() + "); swap them");
      return Optional.empty();
    }
    return Optional.of(new Condition.Range(field, min, max));
  }

  private Optional<List<String>> values(
      JsonNode node, String pointer, String test, Optional<String> rule) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node); // a single value is a list of one
    }
    if (items.isEmpty()) {
      problem(pointer, rule, "'" + test + "' needs at least one value, e.g. " + test + ": [a, b]");
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPointer = node.isArray() ? pointer + "/" + i : pointer;
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        problem(
            itemPointer,
            rule,
            "'" + test + "' values must be non-empty text (was " + shown(item) + ")");
      } else {
        values.add(written.getOrDefault(itemPointer, item.asText()));
      }
    }
    return values.size() == items.size() ? Optional.of(values) : Optional.empty();
  }

  private Optional<Integer> whole(
      JsonNode parent, String pointer, String key, int min, int max, Optional<String> rule) {
    JsonNode node = parent.get(key);
    String range = max == Integer.MAX_VALUE ? "≥ " + min : "from " + min + " to " + max;
    String requirement = "'" + key + "' must be a whole number " + range;
    if (node == null || node.isNull()) {
      problem(pointer, rule, "'" + key + "' is missing; " + requirement);
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problem(pointer + "/" + key, rule, requirement + " (was " + shown(node) + ")");
      return Optional.empty();
    }
    int value = node.intValue();
    if (value < min || value > max) {
      problem(
          pointer + "/" + key,
          rule,
          requirement + signHint(key, value, max) + " (was " + value + ")");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Why a rule's points have the wrong sign, the likely mistake when they are out of range. */
  private static String signHint(String key, int value, int max) {
    if (!key.equals("points")) {
      return "";
    }
    if (max < 0 && value >= 0) {
      return ": negative rules take points away";
    }
    if (max > 0 && value < 0) {
      return "; move rules that take points away to 'negative'";
    }
    return "";
  }

  /** Reports every key of {@code node} not in {@code known}; true if there was one. */
  private boolean unknownKeys(
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
                    pointer + "/" + escape(key),
                    rule,
                    "unknown field '" + key + "' " + where + "; " + suggestion);
              }
            });
    return problems.size() > before;
  }

  private void problem(String pointer, String reason) {
    problem(pointer, Optional.empty(), reason);
  }

  private void problem(String pointer, Optional<String> rule, String reason) {
    problems.add(new Problem(file, line(pointer), rule, reason));
  }

  /** The line of the value at {@code pointer}, or of the nearest enclosing value. */
  private Optional<Integer> line(String pointer) {
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

  private InvalidScoringModelException invalid() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(p -> p.line().orElse(Integer.MAX_VALUE)));
    return new InvalidScoringModelException(file, sorted);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String shown(JsonNode node) {
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isNull()) {
      return "empty";
    }
    return node.asText();
  }
}
