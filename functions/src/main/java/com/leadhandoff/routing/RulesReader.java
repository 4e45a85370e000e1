package com.leadhandoff.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.scoring.Score;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks one routing rules file. The whole file is checked before anything is reported,
 * so one build shows revenue ops every mistake, each with its line, rule and fix.
 */
final class RulesReader {
  private static final List<String> ROOT_KEYS = List.of("regions", "rules", "fallbackTeam");
  private static final List<String> RULE_KEYS = List.of("id", "description", "team", "when");
  private static final List<String> CONDITION_KEYS =
      List.of(
          "country",
          "region",
          "companySize",
          "industry",
          "tier",
          "utmSource",
          "utmCampaign",
          "formId");
  private static final List<String> RANGE_KEYS = List.of("min", "max");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  // Codes people write that ISO spells differently.
  private static final Map<String, String> COUNTRY_ALIASES = Map.of("UK", "GB", "EL", "GR");

  private final RulesFile file;
  private final Set<String> teamIds;
  private final Map<String, RoutingRules.Region> regions = new LinkedHashMap<>();
  // Rule id → line it was first used on, to report duplicates.
  private final Map<String, Integer> ruleIds = new HashMap<>();

  private RulesReader(RulesFile file, Set<String> teamIds) {
    this.file = file;
    this.teamIds = new TreeSet<>(teamIds);
  }

  /** The rules in {@code text}, read from {@code name}; throws listing every problem. */
  static RoutingRules read(String name, String text, Set<String> teamIds) {
    RulesFile file = new RulesFile(name, text);
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
              + RulesFile.shown(list)
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
              + RulesFile.shown(node)
              + ")");
      return;
    }
    node.properties()
        .forEach(
            region -> {
              String pointer = "/regions/" + region.getKey().replace("~", "~0").replace("/", "~1");
              String where = "region '" + region.getKey() + "': ";
              List<String> codes = values(region.getValue(), pointer, Optional.empty(), where);
              Set<String> countries = countries(codes, pointer, Optional.empty(), where);
              if (!countries.isEmpty()) {
                regions.put(region.getKey(), new RoutingRules.Region(region.getKey(), countries));
              }
            });
  }

  private Optional<RoutingRule> rule(JsonNode node, String pointer, int index) {
    String position = "#" + (index + 1);
    if (!node.isObject()) {
      file.problem(
          pointer,
          Optional.of(position),
          "a rule must be a mapping with id, description, team and when (was "
              + RulesFile.shown(node)
              + ")");
      return Optional.empty();
    }
    Optional<String> id = text(node, "id");
    // Problems name the rule by id when it has one, by position otherwise.
    Optional<String> label = Optional.of(id.map(i -> "'" + i + "'").orElse(position));
    int problemsBefore = file.problemCount();
    file.unknownKeys(node, pointer, RULE_KEYS, label, "in a rule");
    id.ifPresentOrElse(
        i -> checkId(i, pointer, label),
        () ->
            file.problem(
                pointer + (node.has("id") ? "/id" : ""),
                label,
                "'id' is missing or not text; give the rule a unique id such as 'enterprise-size'"));
    Optional<String> description = text(node, "description");
    if (description.isEmpty()) {
      file.problem(
          pointer + (node.has("description") ? "/description" : ""),
          label,
          "'description' is missing or not text; add one line saying why these leads go to the"
              + " team, e.g. 'Companies with 1,000+ employees are worked by account executives'");
    }
    Optional<String> team = team(node, pointer, "team", label, "the team these leads go to");
    List<RuleCondition> when = conditions(node.get("when"), pointer, label);
    if (file.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(new RoutingRule(id.get(), description.get(), team.get(), when));
  }

  private void checkId(String id, String pointer, Optional<String> label) {
    if (!ID.matcher(id).matches()) {
      file.problem(
          pointer + "/id",
          label,
          "the id has characters ids cannot have; use letters, digits, '.', '_' or '-'");
      return;
    }
    Integer first = ruleIds.putIfAbsent(id, file.line(pointer + "/id").orElse(0));
    if (first != null) {
      file.problem(
          pointer + "/id",
          label,
          "duplicate rule id; it is already used"
              + (first > 0 ? " on line " + first : "")
              + ", and ids must be unique: rename one of the rules");
    }
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

  private List<RuleCondition> conditions(JsonNode node, String rulePointer, Optional<String> rule) {
    String pointer = rulePointer + "/when";
    if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
      file.problem(
          node == null ? rulePointer : pointer,
          rule,
          "the rule has no conditions, so it would take every lead; add at least one under"
              + " 'when', e.g. when: {region: [DACH]}, or send the remaining leads with"
              + " 'fallbackTeam'");
      return List.of();
    }
    if (!node.isObject()) {
      file.problem(
          pointer,
          rule,
          "'when' must be a mapping of conditions, e.g. when: {companySize: {min: 1000}} (was "
              + RulesFile.shown(node)
              + ")");
      return List.of();
    }
    file.unknownKeys(node, pointer, CONDITION_KEYS, rule, "in 'when'");
    List<RuleCondition> conditions = new ArrayList<>();
    node.properties()
        .forEach(
            entry ->
                condition(entry.getKey(), entry.getValue(), pointer + "/" + entry.getKey(), rule)
                    .ifPresent(conditions::add));
    return conditions;
  }

  private Optional<RuleCondition> condition(
      String key, JsonNode node, String pointer, Optional<String> rule) {
    String where = "'" + key + "': ";
    switch (key) {
      case "companySize":
        return companySize(node, pointer, rule);
      case "country":
        {
          Set<String> countries =
              countries(values(node, pointer, rule, where), pointer, rule, where);
          return countries.isEmpty()
              ? Optional.empty()
              : Optional.of(new RuleCondition.Country(countries));
        }
      case "region":
        return region(values(node, pointer, rule, where), pointer, rule);
      case "tier":
        return tier(values(node, pointer, rule, where), pointer, rule);
      case "industry":
        return text(RuleCondition.TextField.INDUSTRY, node, pointer, rule, where);
      case "utmSource":
        return text(RuleCondition.TextField.UTM_SOURCE, node, pointer, rule, where);
      case "utmCampaign":
        return text(RuleCondition.TextField.UTM_CAMPAIGN, node, pointer, rule, where);
      case "formId":
        return text(RuleCondition.TextField.FORM_ID, node, pointer, rule, where);
      default:
        return Optional.empty(); // reported as an unknown field
    }
  }

  private Optional<RuleCondition> companySize(
      JsonNode node, String pointer, Optional<String> rule) {
    if (!node.isObject() || node.isEmpty()) {
      file.problem(
          pointer,
          rule,
          "'companySize' must be a range with 'min' and/or 'max', e.g. companySize: {min: 1000}"
              + " or companySize: {min: 200, max: 999} (was "
              + RulesFile.shown(node)
              + ")");
      return Optional.empty();
    }
    int before = file.problemCount();
    file.unknownKeys(node, pointer, RANGE_KEYS, rule, "in 'companySize'");
    Optional<Integer> min = bound(node, pointer, "min", rule);
    Optional<Integer> max = bound(node, pointer, "max", rule);
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      file.problem(
          pointer + "/min",
          rule,
          "'min' (" + min.get() + ") is above 'max' (" + max.get() + "); swap them");
    }
    if (file.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new RuleCondition.CompanySize(min, max));
  }

  private Optional<Integer> bound(
      JsonNode range, String pointer, String key, Optional<String> rule) {
    JsonNode node = range.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
      file.problem(
          pointer + "/" + key,
          rule,
          "'"
              + key
              + "' must be a whole number of employees, 0 or more (was "
              + RulesFile.shown(node)
              + "); write 1000, not 1,000 or 1k");
      return Optional.empty();
    }
    return Optional.of(node.intValue());
  }

  private Optional<RuleCondition> region(
      List<String> names, String pointer, Optional<String> rule) {
    List<RoutingRules.Region> found = new ArrayList<>();
    for (String name : names) {
      RoutingRules.Region region = regions.get(name);
      Optional<String> resembling =
          regions.keySet().stream().filter(r -> r.equalsIgnoreCase(name)).findFirst();
      if (region == null && resembling.isPresent()) {
        file.problem(
            pointer,
            rule,
            "unknown region '" + name + "'; did you mean '" + resembling.get() + "'?");
      } else if (region == null) {
        String defined =
            regions.isEmpty()
                ? "no regions are defined yet"
                : "the regions are " + String.join(", ", regions.keySet());
        file.problem(
            pointer,
            rule,
            "unknown region '"
                + name
                + "'; define it under `regions:` (e.g. "
                + name
                + ": [DE, AT, CH]) or use a defined one ("
                + defined
                + ")");
      } else {
        found.add(region);
      }
    }
    return found.isEmpty() || found.size() < names.size()
        ? Optional.empty()
        : Optional.of(new RuleCondition.InRegion(found));
  }

  private Optional<RuleCondition> tier(List<String> names, String pointer, Optional<String> rule) {
    Set<Score.Tier> tiers = EnumSet.noneOf(Score.Tier.class);
    boolean bad = false;
    for (String name : names) {
      try {
        tiers.add(Score.Tier.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        bad = true;
        file.problem(
            pointer,
            rule,
            "unknown tier '" + name + "'; the tiers of the scoring model are hot, warm and cold");
      }
    }
    return bad || tiers.isEmpty() ? Optional.empty() : Optional.of(new RuleCondition.Tier(tiers));
  }

  private Optional<RuleCondition> text(
      RuleCondition.TextField field,
      JsonNode node,
      String pointer,
      Optional<String> rule,
      String where) {
    List<String> values = values(node, pointer, rule, where);
    return values.isEmpty() ? Optional.empty() : Optional.of(new RuleCondition.Text(field, values));
  }

  /** Upper-case ISO codes of {@code codes}; a problem for each code that is not one. */
  private Set<String> countries(
      List<String> codes, String pointer, Optional<String> rule, String where) {
    Set<String> countries = new LinkedHashSet<>();
    boolean bad = false;
    for (String code : codes) {
      String upper = code.toUpperCase(Locale.ROOT);
      if (COUNTRIES.contains(upper)) {
        countries.add(upper);
      } else {
        bad = true;
        file.problem(
            pointer,
            rule,
            where
                + "'"
                + code
                + "' is not an ISO 3166 country code; "
                + Optional.ofNullable(COUNTRY_ALIASES.get(upper))
                    .map(iso -> "use " + iso)
                    .orElse("use two-letter codes such as DE, GB or US"));
      }
    }
    return bad ? Set.of() : countries;
  }

  /** A list of non-blank values; a single value is a list of one. */
  private List<String> values(JsonNode node, String pointer, Optional<String> rule, String where) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    if (items.isEmpty()) {
      file.problem(pointer, rule, where + "needs at least one value, e.g. [a, b]");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        file.problem(
            node.isArray() ? pointer + "/" + i : pointer,
            rule,
            where + "values must be non-empty text (was " + RulesFile.shown(item) + ")");
      } else {
        values.add(item.asText().strip());
      }
    }
    return values;
  }

  private static Optional<String> text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }
}
