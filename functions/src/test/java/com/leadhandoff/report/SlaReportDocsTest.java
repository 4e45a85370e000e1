package com.leadhandoff.report;

import static com.leadhandoff.report.LeadHistoryBuilder.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.testing.TestDynamo;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/reports.md against the code: the example response and the Athena SQL's JSON paths. */
class SlaReportDocsTest {
  private final String doc = read();

  @Test
  void exampleResponse_hasTheFieldsTheHandlerWrites() throws Exception {
    // GIVEN the doc's example and a real report's JSON
    JsonNode example = Json.MAPPER.readTree(block("json"));
    JsonNode real =
        Json.MAPPER.valueToTree(
            SlaReportCalculator.of(
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-29"),
                GroupBy.TEAM,
                List.of(fullFacts())));

    // WHEN their field names are compared
    // THEN the report, a row and a funnel stage have the same fields, in the same order
    assertEquals(names(real), names(example));
    assertEquals(names(real.get("groups").get(0)), names(example.get("groups").get(0)));
    assertEquals(
        names(real.get("groups").get(0).get("funnel").get("stages").get(0)),
        names(example.get("groups").get(0).get("funnel").get("stages").get(0)));
    assertEquals(names(real.get("calibration")), names(example.get("calibration")));
    assertEquals(
        names(real.get("calibration").get("tiers").get(0)),
        names(example.get("calibration").get("tiers").get(0)));
    assertEquals(
        names(real.get("calibration").get("rules").get(0)),
        names(example.get("calibration").get("rules").get(0)));
  }

  @Test
  void athenaSql_readsJsonPathsTheFactsHave() throws Exception {
    // GIVEN every '$.path' the doc's SQL reads, and facts with every field filled
    Set<String> paths = new LinkedHashSet<>();
    Matcher m = Pattern.compile("'\\$\\.([A-Za-z.]+)'").matcher(doc);
    while (m.find()) {
      paths.add(m.group(1));
    }
    JsonNode facts = Json.MAPPER.valueToTree(fullFacts());
    JsonNode offer = facts.get("offers").get(0);

    // WHEN each is looked up in the facts, or in an offer for the offers' fields
    List<String> missing = new ArrayList<>();
    for (String path : paths) {
      JsonNode node = facts.at("/" + path.replace('.', '/'));
      JsonNode inOffer = offer.at("/" + path.replace('.', '/'));
      if (node.isMissingNode() && inOffer.isMissingNode()) {
        missing.add(path);
      }
    }

    // THEN none is missing
    assertFalse(paths.isEmpty(), "the doc has SQL");
    assertTrue(missing.isEmpty(), "paths the facts do not have: " + missing);
  }

  /** A lead with origin and scoring rules, a declined and an accepted offer, and every outcome. */
  private static SlaFacts fullFacts() {
    return received("D1", "2026-11-23T10:00Z", "google", "black-friday")
        .scoredBy("2026-11-23T10:00Z", Score.Tier.HOT, "demo-request", "executive")
        .offered("2026-11-23T10:00Z", "o1", "ana", "emea", "2026-11-23T10:30Z")
        .declined("2026-11-23T10:05Z", "o1", "NOT_MY_TERRITORY")
        .offered("2026-11-23T10:05Z", "o2", "ben", "emea", "2026-11-23T10:35Z")
        .accepted("2026-11-23T10:10Z", "o2", "ben")
        .outcome("2026-11-25T10:00Z", Outcome.SQL)
        .outcome("2026-11-28T10:00Z", Outcome.MEETING)
        .outcome("2026-12-08T10:00Z", Outcome.WON)
        .facts();
  }

  private String block(String language) {
    int start = doc.indexOf("```" + language + "\n");
    assertTrue(start >= 0, "docs/reports.md has a ```" + language + " block");
    int from = start + language.length() + 4;
    return doc.substring(from, doc.indexOf("```", from));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String read() {
    try {
      return Files.readString(TestDynamo.projectRoot().resolve("docs/reports.md"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
