package com.leadhandoff.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Task states of a definition, found anywhere (Parallel branches, Map processors). The run
 * command has no Lambda functions to call: it refuses a definition with Task states up front rather
 * than fail it half-way.
 */
final class LambdaTasks {
  private LambdaTasks() {}

  /** One line per Task state: {@code Task state 'Score Lead' calls arn:…}. */
  static List<String> in(JsonNode definition) {
    List<String> found = new ArrayList<>();
    collect(definition, found);
    return found;
  }

  private static void collect(JsonNode node, List<String> found) {
    if (node.isObject()) {
      JsonNode states = node.get("States");
      if (states != null && states.isObject()) {
        states
            .fields()
            .forEachRemaining(
                e -> {
                  if ("Task".equals(e.getValue().path("Type").asText())) {
                    found.add(
                        "Task state '"
                            + e.getKey()
                            + "' calls "
                            + e.getValue().path("Resource").asText("(no Resource)"));
                  }
                });
      }
    }
    for (JsonNode child : node) {
      collect(child, found);
    }
  }
}
