package com.leadhandoff.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A config file's document as {@link ConfigFile} reads it.
 *
 * @param root the document, unless it is not valid YAML
 * @param lines the line each value starts on, by JSON pointer
 * @param written each scalar exactly as written, by JSON pointer (so {@code 007} stays {@code 007})
 * @param problem why the text is not a document, when it is not
 */
public record ParsedConfig(
    Optional<JsonNode> root,
    Map<String, Integer> lines,
    Map<String, String> written,
    Optional<ConfigProblem> problem) {
  public ParsedConfig {
    lines = Map.copyOf(lines);
    written = Map.copyOf(written);
  }

  /**
   * {@code text}, named {@code name}: the build's snapshot of it when {@code name} is a file of
   * {@code config/} whose snapshot was compiled from exactly this text (see {@link
   * ConfigSnapshots}), else parsed as YAML. Either way the same document, lines and scalars.
   */
  public static ParsedConfig of(String name, String text) {
    return ConfigSnapshots.find(name, text).orElseGet(() -> YamlConfigParser.parse(name, text));
  }
}
