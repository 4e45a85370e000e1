package com.leadhandoff.scoring;

import static com.leadhandoff.config.ConfigFile.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks one scoring model file. The whole file is checked before anything is reported,
 * so one run of the build shows revenue ops every mistake, each with its line and fix.
 */
final class ModelReader {
  private static final List<String> ROOT_KEYS =
      List.of("mqlThreshold", "tiers", "fit", "intent", "negative");
  private static final List<String> TIER_KEYS = List.of("hot", "warm");
  private static final List<String> RULE_KEYS = List.of("id", "description", "points", "when");

  private final ConfigFile file;
  private final ConditionReader conditions;
  // Rule id → line it was first used on, to report duplicates.
  private final Map<String, Integer> ruleIds = new HashMap<>();

  private ModelReader(ConfigFile file) {
    this.file = file;
    this.conditions = new ConditionReader(file);
  }

  /** The model in {@code text}, read from {@code name}; throws listing every problem. */
  static ScoringModel read(String name, String text) {
    ConfigFile file = new ConfigFile(name, text, "rule", InvalidScoringModelException::new);
    Optional<ScoringModel> model = file.root().flatMap(new ModelReader(file)::model);
    file.failIfProblems();
    return model.orElseThrow();
  }

  private Optional<ScoringModel> model(JsonNode root) {
    if (root.isMissingNode() || root.isNull()) {
      file.problem(
          "", Optional.empty(), "the file is empty; it needs mqlThreshold, tiers and rule lists");
      return Optional.empty();
    }
    if (!root.isObject()) {
      file.problem(
          "",
          Optional.empty(),
          "the file must be a mapping with mqlThreshold, tiers, fit, intent and negative");
      return Optional.empty();
    }
    file.unknownKeys(root, "", ROOT_KEYS, Optional.empty(), "at the top level");
    Optional<Integer> threshold = file.whole(root, "", "mqlThreshold", 0, 100, Optional.empty());
    Optional<ScoringModel.Tiers> tiers = tiers(root.get("tiers"));
    List<Rule> rules = new ArrayList<>();
    for (Rule.Group group : Rule.Group.values()) {
      rules.addAll(group(root.get(group.yamlName()), group));
    }
    return threshold.flatMap(t -> tiers.map(ts -> new ScoringModel(t, ts, rules)));
  }

  private Optional<ScoringModel.Tiers> tiers(JsonNode node) {
    if (node == null || node.isNull()) {
      file.problem(
          "",
          Optional.empty(),
          "'tiers' is missing; add the 'hot' and 'warm' cut-offs, e.g. tiers: {hot: 75, warm: 45}");
      return Optional.empty();
    }
    if (!node.isObject()) {
      file.problem(
          "/tiers",
          Optional.empty(),
          "'tiers' must be a mapping with 'hot' and 'warm' (was " + ConfigFile.shown(node) + ")");
      return Optional.empty();
    }
    file.unknownKeys(node, "/tiers", TIER_KEYS, Optional.empty(), "in 'tiers'");
    Optional<Integer> hot = file.whole(node, "/tiers", "hot", 0, 100, Optional.empty());
    Optional<Integer> warm = file.whole(node, "/tiers", "warm", 0, 100, Optional.empty());
    if (hot.isPresent() && warm.isPresent() && hot.get() < warm.get()) {
      file.problem(
          "/tiers/hot",
          Optional.empty(),
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
      file.problem(
          pointer,
          Optional.empty(),
          "'"
              + group.yamlName()
              + "' must be a list of rules (was "
              + ConfigFile.shown(node)
              + ")");
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
      file.problem(
          pointer,
          Optional.of(position),
          "a rule must be a mapping with id, description, points and when (was "
              + ConfigFile.shown(node)
              + ")");
      return Optional.empty();
    }
    Optional<String> id = text(node, "id");
    // Problems name the rule by id when it has one, by position otherwise.
    Optional<String> label = Optional.of(id.map(i -> "'" + i + "'").orElse(position));
    int problemsBefore = file.problemCount();
    file.unknownKeys(node, pointer, RULE_KEYS, label, "in a rule");
    id.ifPresentOrElse(
        i -> unique(i, pointer, label),
        () ->
            file.missingText(
                node, pointer, "id", label, "give the rule a unique id such as 'demo-request'"));
    Optional<String> description = text(node, "description");
    if (description.isEmpty()) {
      file.missingText(
          node,
          pointer,
          "description",
          label,
          "add the line the rep will see as the reason, e.g. 'Asked for a demo'");
    }
    Optional<Integer> points =
        group == Rule.Group.NEGATIVE
            ? file.whole(node, pointer, "points", -100, -1, label, v -> signHint(v, -1))
            : file.whole(node, pointer, "points", 1, 100, label, v -> signHint(v, 100));
    Optional<Condition> when = conditions.read(node.get("when"), pointer, label);
    if (file.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(new Rule(id.get(), group, description.get(), points.get(), when.get()));
  }

  private void unique(String id, String pointer, Optional<String> label) {
    Integer first = ruleIds.putIfAbsent(id, file.line(pointer + "/id").orElse(0));
    if (first != null) {
      file.problem(
          pointer + "/id",
          label,
          "duplicate rule id; it is already used"
              + (first > 0 ? " on line " + first : "")
              + ", and ids must be unique");
    }
  }

  /** Why a rule's points are out of range when the sign is the likely mistake. */
  private static String signHint(int value, int max) {
    if (max < 0 && value >= 0) {
      return ": negative rules take points away";
    }
    if (max > 0 && value < 0) {
      return "; move rules that take points away to 'negative'";
    }
    return "";
  }
}
