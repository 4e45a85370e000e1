package com.leadhandoff.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import com.leadhandoff.scoring.Score;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the {@code when} of one rule, and the country lists of regions. Routing rules
 * take every condition; other rule files (the follow-ups) take the subset they name.
 */
public final class RuleConditionReader {
  /** Every condition a rule can have, as the rules files name them. */
  public static final List<String> CONDITION_KEYS =
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
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  // Codes people write that ISO spells differently.
  private static final Map<String, String> COUNTRY_ALIASES = Map.of("UK", "GB", "EL", "GR");

  private final ConfigFile file;
  // Filled by the file's `regions:` before any rule is read.
  private final Map<String, RoutingRules.Region> regions;
  private final List<String> keys;

  RuleConditionReader(ConfigFile file, Map<String, RoutingRules.Region> regions) {
    this(file, regions, CONDITION_KEYS);
  }

  /**
   * A reader of the conditions {@code keys} (a subset of {@link #CONDITION_KEYS}) in {@code file},
   * for a rules file without regions.
   */
  public RuleConditionReader(ConfigFile file, List<String> keys) {
    this(file, Map.of(), keys);
  }

  private RuleConditionReader(
      ConfigFile file, Map<String, RoutingRules.Region> regions, List<String> keys) {
    this.file = file;
    this.regions = regions;
    this.keys = List.copyOf(keys);
  }

  /** The conditions at {@code rulePointer/when}; problems reported for the unsound ones. */
  public List<RuleCondition> conditions(JsonNode node, String rulePointer, Optional<String> rule) {
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
              + ConfigFile.shown(node)
              + ")");
      return List.of();
    }
    file.unknownKeys(node, pointer, keys, rule, "in 'when'");
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
              + ConfigFile.shown(node)
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
              + ConfigFile.shown(node)
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
  Set<String> countries(List<String> codes, String pointer, Optional<String> rule, String where) {
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
  List<String> values(JsonNode node, String pointer, Optional<String> rule, String where) {
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
            where + "values must be non-empty text (was " + ConfigFile.shown(item) + ")");
      } else {
        values.add(item.asText().strip());
      }
    }
    return values;
  }
}
