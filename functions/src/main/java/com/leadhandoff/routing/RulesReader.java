package com.leadhandoff.routing;

import static com.leadhandoff.config.ConfigFile.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks one routing rules file. The whole file is checked before anything is reported,
 * so one build shows revenue ops every mistake, each with its line, rule and fix.
 */
final class RulesReader {
  private static final List<String> ROOT_KEYS = List.of("regions", "rules", "fallbackTeam");
  private static final List<String> RULE_KEYS = List.of("id", "description", "team", "when");

  private final ConfigFile file;
  private final Set<String> teamIds;
  private final Map<String, RoutingRules.Region> regions = new LinkedHashMap<>();
  // Rule id → line it was first used on, to report duplicates.
  private final Map<String, Integer> ruleIds = new HashMap<>();
  private final RuleConditionReader conditions;

  private RulesReader(ConfigFile file, Set<String> teamIds) {
    this.file = file;
    this.teamIds = new TreeSet<>(teamIds);
    this.conditions = new RuleConditionReader(file, regions);
  }

  /** The rules in {@code text}, read from {@code name}; throws listing every problem. */
  static RoutingRules read(String name, String text, Set<String> teamIds) {
    ConfigFile file = new ConfigFile(name, text, "rule", InvalidRoutingRulesException::new);
    Optional<RoutingRules> rules = file.root().flatMap(new RulesReader(file, teamIds)::rules);
    file.failIfProblems();
    return rules.orElseThrow();
  }

  private Optional<RoutingRules> rules(JsonNode root) {
    if (root.isMissingNode() || root.isNull()) {
      file.problem(
          "", Optional.empty(), "the file is empty; it needs `rules:` and `fallbackTeam:`");
      return Optional.empty();
    }
    if (!root.isObject()) {
      file.problem(
          "", Optional.empty(), "the file must be a mapping with regions, rules and fallbackTeam");
      return Optional.empty();
    }
    file.unknownKeys(root, "", ROOT_KEYS, Optional.empty(), "at the top level");
    regions(root.get("regions"));
    Optional<String> fallback =
        team(root, "", "fallbackTeam", Optional.empty(), "the team of leads no rule matches");
    List<RoutingRule> rules = new ArrayList<>();
    JsonNode list = root.get("rules");
    if (list == null || list.isNull()) {
      file.problem(
          "",
          Optional.empty(),
          "'rules' is missing; list the rules under `rules:`, or write `rules: []` to send every"
              + " lead to the fallback team");
    } else if (!list.isArray()) {
      file.problem(
          "/rules",
          Optional.empty(),
          "'rules' must be a list of rules, each starting with `- id:` (was "
              + ConfigFile.shown(list)
              + ")");
    } else {
      for (int i = 0; i < list.size(); i++) {
        rule(list.get(i), "/rules/" + i, i).ifPresent(rules::add);
      }
    }
    return fallback.map(f -> new RoutingRules(List.copyOf(regions.values()), rules, f));
  }

  private void regions(JsonNode node) {
    if (node == null || node.isNull()) {
      return; // a file without regions uses `country:` only
    }
    if (!node.isObject()) {
      file.problem(
          "/regions",
          Optional.empty(),
          "'regions' must map each region's name to its countries, e.g. DACH: [DE, AT, CH] (was "
              + ConfigFile.shown(node)
              + ")");
      return;
    }
    node.properties()
        .forEach(
            region -> {
              String pointer = "/regions/" + region.getKey().replace("~", "~0").replace("/", "~1");
              String where = "region '" + region.getKey() + "': ";
              List<String> codes =
                  conditions.values(region.getValue(), pointer, Optional.empty(), where);
              Set<String> countries = conditions.countries(codes, pointer, Optional.empty(), where);
              if (!countries.isEmpty()) {
                regions.put(region.getKey(), new RoutingRules.Region(region.getKey(), countries));
              }
            });
  }

  private Optional<RoutingRule> rule(JsonNode node, String pointer, int index) {
    Optional<ConfigFile.Entry> entry =
        file.entry(
            node,
            pointer,
            "#" + (index + 1),
            "a rule must be a mapping with id, description, team and when");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = entry.get().id();
    Optional<String> label = entry.get().label();
    int problemsBefore = file.problemCount();
    file.unknownKeys(node, pointer, RULE_KEYS, label, "in a rule");
    id.ifPresentOrElse(
        i -> file.uniqueId(i, pointer, label, ruleIds, "rule"),
        () ->
            file.missingText(
                node, pointer, "id", label, "give the rule a unique id such as 'enterprise-size'"));
    Optional<String> description = text(node, "description");
    if (description.isEmpty()) {
      file.missingText(
          node,
          pointer,
          "description",
          label,
          "add one line saying why these leads go to the team, e.g. 'Companies with 1,000+"
              + " employees are worked by account executives'");
    }
    Optional<String> team = team(node, pointer, "team", label, "the team these leads go to");
    List<RuleCondition> when = conditions.conditions(node.get("when"), pointer, label);
    if (file.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(new RoutingRule(id.get(), description.get(), team.get(), when));
  }

  private Optional<String> team(
      JsonNode node, String pointer, String key, Optional<String> rule, String meaning) {
    Optional<String> team = text(node, key);
    String teams = String.join(", ", teamIds);
    if (team.isEmpty()) {
      file.problem(
          pointer + (node.has(key) ? "/" + key : ""),
          rule,
          "'" + key + "' is missing or not text; name " + meaning + ", one of: " + teams);
      return Optional.empty();
    }
    if (!teamIds.contains(team.get())) {
      file.problem(
          pointer + "/" + key,
          rule,
          "unknown team '"
              + team.get()
              + "'; use a team of the directory ("
              + teams
              + ") or add the team to "
              + DirectoryConfig.RESOURCE);
      return Optional.empty();
    }
    return team;
  }
}
