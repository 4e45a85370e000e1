package com.leadhandoff.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses config YAML. A class of its own so that SnakeYAML and Jackson's YAML module load only when
 * a file is really parsed (a proposal in a dry run, a file on disk, the build's compile step),
 * never for the bundled files a function reads at init.
 */
final class YamlConfigParser {
  // YAML 1.1 would read `in: [NO, SE]` as [false, "SE"]: Norway must stay a country code.
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .build();

  private YamlConfigParser() {}

  static ParsedConfig parse(String name, String text) {
    // The tree Jackson builds forgets locations, so one streaming pass records them first.
    Map<String, Integer> lines = new HashMap<>();
    Map<String, String> written = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        if (token.isScalarValue()) {
          written.put(pointer, parser.getText());
        }
      }
      JsonNode tree = YAML.readTree(text);
      return new ParsedConfig(
          Optional.of(tree == null ? MissingNode.getInstance() : tree),
          lines,
          written,
          Optional.empty());
    } catch (JsonProcessingException e) {
      Optional<Integer> line =
          Optional.ofNullable(e.getLocation()).map(JsonLocation::getLineNr).filter(l -> l > 0);
      return new ParsedConfig(
          Optional.empty(),
          lines,
          written,
          Optional.of(
              new ConfigProblem(
                  name, line, Optional.empty(), "not valid YAML: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
  }
}
