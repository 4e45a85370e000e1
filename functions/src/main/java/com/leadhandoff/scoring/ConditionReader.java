package com.leadhandoff.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and checks the {@code when} of one rule. */
final class ConditionReader {
  private static final List<String> TEXT_TESTS = List.of("in", "matches", "words");
  private static final List<String> KEYS = List.of("field", "in", "matches", "words", "min", "max");

  private final ConfigFile file;

  ConditionReader(ConfigFile file) {
    this.file = file;
  }

  /** The condition at {@code rulePointer/when}, if it is sound; problems reported otherwise. */
  Optional<Condition> read(JsonNode node, String rulePointer, Optional<String> rule) {
    String pointer = rulePointer + "/when";
    if (node == null || node.isNull()) {
      file.problem(
          rulePointer,
          rule,
          "'when' is missing; add the condition, e.g. when: {field: formId, in: [demo-request]}");
      return Optional.empty();
    }
    if (!node.isObject()) {
      file.problem(
          pointer,
          rule,
          "'when' must be a mapping with 'field' and one test (was "
              + ConfigFile.shown(node)
              + ")");
      return Optional.empty();
    }
    int problemsBefore = file.problemCount();
    boolean misnamedTest = file.unknownKeys(node, pointer, KEYS, rule, "in 'when'");
    Optional<Field> field = field(node.get("field"), pointer, rule);
    List<String> tests = new ArrayList<>(TEXT_TESTS.stream().filter(node::has).toList());
    boolean range = node.has("min") || node.has("max");
    if (range) {
      tests.add("min/max");
    }
    if (tests.size() > 1) {
      file.problem(
          pointer,
          rule,
          "'when' has more than one test ("
              + String.join(", ", tests)
              + "); use one per rule, or split it into several rules");
      return Optional.empty();
    }
    if (tests.isEmpty()) {
      if (!misnamedTest) { // the unknown key's message already lists the tests
        file.problem(
            pointer, rule, "'when' has no test; add one of in, matches, words, or min/max");
      }
      return Optional.empty();
    }
    if (field.isEmpty()) {
      return Optional.empty();
    }
    Optional<Condition> condition =
        range ? range(node, pointer, field.get(), rule) : text(node, pointer, field.get(), rule);
    return file.problemCount() > problemsBefore ? Optional.empty() : condition;
  }

  private Optional<Field> field(JsonNode node, String pointer, Optional<String> rule) {
    if (node == null || !node.isTextual()) {
      file.problem(
          node == null ? pointer : pointer + "/field",
          rule,
          node == null
              ? "'field' is missing in 'when'; name the form field to test, e.g. field: jobTitle"
              : "'field' must be a field name such as jobTitle (was "
                  + ConfigFile.shown(node)
                  + ")");
      return Optional.empty();
    }
    String name = node.asText().strip();
    Optional<Field> field = Field.named(name);
    if (field.isEmpty()) {
      file.problem(
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
      file.problem(
          pointer + (node.has("min") ? "/min" : "/max"),
          rule,
          "'min' and 'max' test a number, and '"
              + field.yamlName()
              + "' is text; use in, matches or words");
      return Optional.empty();
    }
    Optional<Integer> min = bound(node, pointer, "min", rule);
    Optional<Integer> max = bound(node, pointer, "max", rule);
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      file.problem(
          pointer + "/min",
          rule,
          "'min' (" + min.get() + ") is above 'max' (" + max.get() + "); swap them");
    }
    return Optional.of(new Condition.Range(field, min, max));
  }

  private Optional<Integer> bound(
      JsonNode node, String pointer, String key, Optional<String> rule) {
    return node.has(key)
        ? file.whole(node, pointer, key, 0, Integer.MAX_VALUE, rule)
        : Optional.empty();
  }

  private Optional<Condition> text(
      JsonNode node, String pointer, Field field, Optional<String> rule) {
    String test = TEXT_TESTS.stream().filter(node::has).findFirst().orElseThrow();
    if (field.isNumber()) {
      file.problem(
          pointer + "/" + test,
          rule,
          "'"
              + field.yamlName()
              + "' is a number; test it with 'min' and/or 'max' instead of '"
              + test
              + "'");
      return Optional.empty();
    }
    List<String> values = values(node.get(test), pointer + "/" + test, test, rule);
    return Optional.of(
        switch (test) {
          case "in" -> new Condition.OneOf(field, values);
          case "matches" -> new Condition.Matches(field, values);
          default -> new Condition.Words(field, values);
        });
  }

  private List<String> values(JsonNode node, String pointer, String test, Optional<String> rule) {
    // A single value is a list of one.
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    if (items.isEmpty()) {
      file.problem(
          pointer, rule, "'" + test + "' needs at least one value, e.g. " + test + ": [a, b]");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPointer = node.isArray() ? pointer + "/" + i : pointer;
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        file.problem(
            itemPointer,
            rule,
            "'" + test + "' values must be non-empty text (was " + ConfigFile.shown(item) + ")");
      } else {
        values.add(file.written(itemPointer).orElse(item.asText()));
      }
    }
    return values;
  }
}
