package com.leadhandoff.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Build-time snapshots of the bundled config files: {@code config/NAME.yaml} parsed once by the
 * build ({@link ConfigCompiler}) into {@code config/compiled/NAME.json} beside it in the jar, with
 * the document, each value's line, each scalar as written and the SHA-256 of the YAML it came from.
 * A function reads the snapshot with plain JSON instead of parsing YAML at init; the YAML stays the
 * source of truth: a snapshot is used only for the very text it was compiled from.
 */
public final class ConfigSnapshots {
  /** Where the bundled files sit in the jar. */
  public static final String BUNDLED_DIR = "config/";

  /** Where their snapshots sit. */
  public static final String COMPILED_DIR = "config/compiled/";

  private ConfigSnapshots() {}

  /** The snapshot of {@code text} if {@code name} is a bundled file compiled from exactly it. */
  public static Optional<ParsedConfig> find(String name, String text) {
    Optional<String> resource = resource(name);
    if (resource.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in =
        ConfigSnapshots.class.getClassLoader().getResourceAsStream(resource.get())) {
      if (in == null) {
        return Optional.empty();
      }
      // Read with the streaming parser alone: no object mapper at a function's init.
      JsonNode snapshot = JsonTrees.read(in.readAllBytes());
      if (!snapshot.path("sha256").asText().equals(sha256(text))) {
        return Optional.empty();
      }
      Map<String, Integer> lines = new HashMap<>();
      snapshot
          .get("lines")
          .properties()
          .forEach(e -> lines.put(e.getKey(), e.getValue().intValue()));
      Map<String, String> written = new HashMap<>();
      snapshot
          .get("written")
          .properties()
          .forEach(e -> written.put(e.getKey(), e.getValue().textValue()));
      return Optional.of(
          new ParsedConfig(
              Optional.of(snapshot.get("document")), lines, written, Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the config snapshot " + resource.get(), e);
    }
  }

  /** The snapshot of a parsed file, as {@link ConfigCompiler} writes it. */
  public static byte[] snapshot(String text, ParsedConfig parsed) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("sha256", sha256(text));
    json.set("document", parsed.root().orElseThrow());
    json.set("lines", mapper.valueToTree(new TreeMap<>(parsed.lines())));
    json.set("written", mapper.valueToTree(new TreeMap<>(parsed.written())));
    try {
      return mapper.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the snapshot of bundled file {@code name} ({@code config/NAME.yaml}) sits. */
  public static Optional<String> resource(String name) {
    if (!name.startsWith(BUNDLED_DIR) || !name.endsWith(".yaml")) {
      return Optional.empty();
    }
    String file = name.substring(BUNDLED_DIR.length(), name.length() - ".yaml".length());
    return file.contains("/") ? Optional.empty() : Optional.of(COMPILED_DIR + file + ".json");
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
