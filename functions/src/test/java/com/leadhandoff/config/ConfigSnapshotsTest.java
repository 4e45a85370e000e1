package com.leadhandoff.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigSnapshotsTest {
  // The repository's config/, the source the build compiled the jar's snapshots from.
  private static final Path CONFIG = Path.of("..", "config");

  @Test
  void everyBundledFile_hasASnapshot_equalToItsParsedYaml() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(CONFIG)) {
      files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "config/ has no YAML files");
    for (Path file : files) {
      // GIVEN a config file and the snapshot the build compiled from it
      String name = "config/" + file.getFileName();
      String text = Files.readString(file, StandardCharsets.UTF_8);

      // WHEN both are read
      Optional<ParsedConfig> snapshot = ConfigSnapshots.find(name, text);
      ParsedConfig yaml = YamlConfigParser.parse(name, text);

      // THEN they are the same document, lines and scalars as written
      assertTrue(snapshot.isPresent(), name + " has no snapshot; run mvn process-classes");
      assertEquals(yaml, snapshot.get(), name);
    }
  }

  @Test
  void editedText_isParsedAsYaml_notTakenFromTheStaleSnapshot() throws IOException {
    // GIVEN the bundled scoring model as someone edited it after the build
    String text =
        Files.readString(CONFIG.resolve("scoring-model.yaml"), StandardCharsets.UTF_8)
            + "\n# edited\n";

    // WHEN it is read under the bundled name
    Optional<ParsedConfig> snapshot = ConfigSnapshots.find("config/scoring-model.yaml", text);

    // THEN the snapshot is not used for it
    assertEquals(Optional.empty(), snapshot);
    assertEquals(
        YamlConfigParser.parse("config/scoring-model.yaml", text),
        ParsedConfig.of("config/scoring-model.yaml", text));
  }

  @Test
  void filesOutsideTheBundledFolder_haveNoSnapshot() {
    assertEquals(Optional.empty(), ConfigSnapshots.resource("/tmp/routing-rules.yaml"));
    assertEquals(Optional.empty(), ConfigSnapshots.resource("config/sub/rules.yaml"));
    assertEquals(
        Optional.of("config/compiled/routing-rules.json"),
        ConfigSnapshots.resource("config/routing-rules.yaml"));
  }

  @Test
  void invalidYaml_isAProblemWithItsLine() {
    ParsedConfig parsed = YamlConfigParser.parse("config/x.yaml", "a: 1\nb: [\n");

    assertTrue(parsed.problem().isPresent());
    assertTrue(parsed.problem().get().reason().startsWith("not valid YAML"), parsed.toString());
  }
}
