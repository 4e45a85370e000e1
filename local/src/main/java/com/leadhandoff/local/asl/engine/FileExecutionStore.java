package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps each execution in its own file, {@code <machine>~<name>.json} in one folder, so a person
 * can find and read (or delete) the execution of one lead.
 */
public final class FileExecutionStore implements ExecutionStore {
  private static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".tmp";
  private final Path folder;

  private FileExecutionStore(Path folder) {
    this.folder = folder;
  }

  /** A store in {@code folder}, created if missing. */
  public static FileExecutionStore in(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the executions folder " + folder, e);
    }
    return new FileExecutionStore(folder);
  }

  @Override
  public void save(String executionArn, JsonNode snapshot) {
    Path target = folder.resolve(fileName(executionArn));
    try {
      Path temp = Files.createTempFile(folder, "execution", TEMP_SUFFIX);
      Json.MAPPER.writeValue(temp.toFile(), snapshot);
      // Readers see the old snapshot or the new one, never half of one, even if the process dies.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the execution to " + target, e);
    }
  }

  @Override
  public List<JsonNode> loadAll() {
    List<JsonNode> snapshots = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          // Left by a process that died mid-save; the snapshot it replaced is still whole.
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          snapshots.add(read(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the executions folder " + folder, e);
    }
    return snapshots;
  }

  private static JsonNode read(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the saved execution " + file + "; delete the file to forget it", e);
    }
  }

  /**
   * The machine and execution names, each URL-encoded: encoding leaves no path separator and never
   * produces {@code ~}, so distinct executions get distinct files and no name escapes the folder.
   */
  static String fileName(String executionArn) {
    String[] parts = executionArn.split(":");
    if (parts.length < 2) {
      throw new IllegalArgumentException("Not an execution ARN: " + executionArn);
    }
    return encode(parts[parts.length - 2]) + "~" + encode(parts[parts.length - 1]) + SUFFIX;
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
