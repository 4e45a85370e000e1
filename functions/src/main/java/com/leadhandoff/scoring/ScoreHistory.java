package com.leadhandoff.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.json.JsonTrees;
import com.leadhandoff.json.ValueTrees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How a score is written into a lead's history, so managers can read why it went where it went. */
public final class ScoreHistory {
  /** The history event type of a scoring decision. */
  public static final String SCORED = "SCORED";

  /** The detail holding the ids of the rules that fired, as a JSON array of strings. */
  public static final String RULE_IDS = "ruleIds";

  private static final String NONE_FIRED = "none fired";
  // One entry of the older "rules" text: the rule id, a space, the signed points.
  private static final Pattern RULE_ENTRY = Pattern.compile("(.+) [+-]\\d+");

  private ScoreHistory() {}

  /** The event recording {@code score}, judged against {@code mqlThreshold}. */
  public static HistoryEvent scored(Score score, int mqlThreshold, Instant at) {
    String verdict =
        score.qualified()
            ? "qualified, at or above the MQL threshold " + mqlThreshold
            : "not qualified, below the MQL threshold " + mqlThreshold;
    return new HistoryEvent(
        at,
        SCORED,
        "Scored "
            + score.points()
            + " ("
            + score.tier().name().toLowerCase(java.util.Locale.ROOT)
            + "): "
            + verdict,
        Map.of(
            "points",
            Integer.toString(score.points()),
            "tier",
            score.tier().name(),
            "qualified",
            Boolean.toString(score.qualified()),
            "mqlThreshold",
            Integer.toString(mqlThreshold),
            "rules",
            rules(score),
            RULE_IDS,
            ruleIdsJson(score)));
  }

  /**
   * The ids of the rules that fired, from a {@link #SCORED} event's details: its {@link #RULE_IDS}
   * array, or for events recorded before that detail existed, the ids read back from its {@code
   * rules} text ({@code "demo-request +30, free-email -20"}). Empty when none fired or the details
   * say nothing of rules.
   *
   * @throws IllegalArgumentException if {@link #RULE_IDS} is not a JSON array of strings
   */
  public static List<String> ruleIds(Map<String, String> details) {
    String json = details.get(RULE_IDS);
    if (json != null) {
      java.util.Optional<List<String>> lean = leanRuleIds(json);
      if (lean.isPresent()) {
        return lean.get();
      }
      try {
        return List.copyOf(Json.MAPPER.readValue(json, new TypeReference<List<String>>() {}));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "The " + RULE_IDS + " of a scoring is not a JSON array of rule ids: " + json, e);
      }
    }
    String text = details.get("rules");
    if (text == null || text.isBlank() || text.equals(NONE_FIRED)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String entry : text.split(", ")) {
      Matcher m = RULE_ENTRY.matcher(entry.strip());
      ids.add(m.matches() ? m.group(1) : entry.strip());
    }
    return List.copyOf(ids);
  }

  // An array of strings read without the object mapper (cold start); anything else is the mapper's
  // to read or refuse, as before.
  private static java.util.Optional<List<String>> leanRuleIds(String json) {
    try {
      JsonNode tree = JsonTrees.read(json);
      if (!tree.isArray()) {
        return java.util.Optional.empty();
      }
      List<String> ids = new ArrayList<>(tree.size());
      for (JsonNode id : tree) {
        if (!id.isTextual()) {
          return java.util.Optional.empty();
        }
        ids.add(id.textValue());
      }
      return java.util.Optional.of(List.copyOf(ids));
    } catch (JsonProcessingException e) {
      return java.util.Optional.empty();
    }
  }

  private static String ruleIdsJson(Score score) {
    return ValueTrees.write(score.reasons().stream().map(Score.Reason::rule).toList());
  }

  /** The rules that fired with their points, e.g. {@code "demo-request +30, free-email -20"}. */
  public static String rules(Score score) {
    if (score.reasons().isEmpty()) {
      return NONE_FIRED;
    }
    return score.reasons().stream()
        .map(r -> r.rule() + " " + (r.points() >= 0 ? "+" : "") + r.points())
        .collect(Collectors.joining(", "));
  }
}
