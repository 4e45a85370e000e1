package com.leadhandoff.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs code with standard output captured and returns the EMF documents it printed. */
public final class EmfLines {
  private EmfLines() {}

  /** The EMF documents (lines with an {@code _aws} object) that {@code action} printed. */
  public static synchronized List<JsonNode> printedBy(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    List<JsonNode> documents = new ArrayList<>();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{")) {
        try {
          JsonNode node = Json.MAPPER.readTree(line);
          if (node.has("_aws")) {
            documents.add(node);
          }
        } catch (Exception e) {
          throw new AssertionError("Not JSON: " + line, e);
        }
      }
    }
    return documents;
  }

  /** The metric directive of {@code document}: its namespace, dimension sets and metrics. */
  public static JsonNode directive(JsonNode document) {
    return document.path("_aws").path("CloudWatchMetrics").get(0);
  }

  /** The dimension sets of {@code document}, e.g. {@code [[team], [tier], []]}. */
  public static List<List<String>> dimensionSets(JsonNode document) {
    List<List<String>> sets = new ArrayList<>();
    directive(document)
        .path("Dimensions")
        .forEach(
            set -> {
              List<String> keys = new ArrayList<>();
              set.forEach(k -> keys.add(k.asText()));
              sets.add(keys);
            });
    return sets;
  }

  /**
   * The unit the directive declares for metric {@code name}, or null when it has no such metric.
   */
  public static String unitOf(JsonNode document, String name) {
    for (JsonNode metric : directive(document).path("Metrics")) {
      if (metric.path("Name").asText().equals(name)) {
        return metric.path("Unit").asText();
      }
    }
    return null;
  }
}
