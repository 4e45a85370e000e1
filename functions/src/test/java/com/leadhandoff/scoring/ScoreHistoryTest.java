package com.leadhandoff.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreHistoryTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void scoredEvent_namesEachRuleThatFired_evenIdsThatLookLikeTheRulesText() {
    // GIVEN a score from two rules, one of whose ids holds a comma and a signed number
    Score score =
        new Score(
            60,
            Score.Tier.WARM,
            true,
            List.of(
                new Score.Reason("demo-request", "Asked for a demo", 30),
                new Score.Reason("size, 200 +5", "Odd but allowed id", 30)));

    // WHEN it is recorded and its rule ids read back
    HistoryEvent event = ScoreHistory.scored(score, 40, AT);

    // THEN the ids are those of the score's reasons, in order, and the readable text stays
    assertEquals(List.of("demo-request", "size, 200 +5"), ScoreHistory.ruleIds(event.details()));
    assertTrue(event.details().get("rules").startsWith("demo-request +30"));
  }

  @Test
  void scoredEventsRecordedBeforeRuleIds_giveTheIdsOfTheirRulesText() {
    // GIVEN the details of older scoring events: rules as text only
    Map<String, String> two = Map.of("tier", "HOT", "rules", "demo-request +30, free-email -20");
    Map<String, String> none = Map.of("tier", "COLD", "rules", "none fired");
    Map<String, String> withoutRules = Map.of("tier", "HOT");

    // WHEN their rule ids are read
    // THEN the text's ids come back, and none for "none fired" or no rules at all
    assertEquals(List.of("demo-request", "free-email"), ScoreHistory.ruleIds(two));
    assertEquals(List.of(), ScoreHistory.ruleIds(none));
    assertEquals(List.of(), ScoreHistory.ruleIds(withoutRules));
  }

  @Test
  void ruleIdsThatAreNotAJsonArray_areRefusedWithTheValue() {
    // GIVEN a scoring event whose rule ids were damaged
    Map<String, String> damaged = Map.of(ScoreHistory.RULE_IDS, "demo-request");

    // WHEN they are read
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ScoreHistory.ruleIds(damaged));

    // THEN the error names the detail and its value
    assertTrue(e.getMessage().contains("ruleIds"), e.getMessage());
    assertTrue(e.getMessage().contains("demo-request"), e.getMessage());
  }
}
