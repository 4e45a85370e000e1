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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps each execution in its own file, {@code <machine>~<name>.json} in one folder, so a person
 * can find and read (or delete) the execution of one lead.
 */
public final class FileExecutionStore implements ExecutionStore {
  private static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String UNREADABLE_SUFFIX = ".unreadable";
  private static final String ANSWER_SUFFIX = ".answer";
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
      // Readers see the old snapshot or the new one, never half of one, even after kill -9: the
      // operating system keeps what was written once the process is gone. (As the DynamoDB
      // engine's default durability, no fsync: a power cut may lose the latest saves.)
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the execution to " + target, e);
    }
  }

  @Override
  public void saveAnswer(String executionArn, JsonNode answer) {
    Path target = folder.resolve(fileName(executionArn) + ANSWER_SUFFIX);
    try {
      Path temp = Files.createTempFile(folder, "answer", TEMP_SUFFIX);
      Json.MAPPER.writeValue(temp.toFile(), answer);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the task answer to " + target, e);
    }
  }

  @Override
  public Map<String, JsonNode> answers() {
    Map<String, JsonNode> answers = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX + ANSWER_SUFFIX)) {
          Optional<JsonNode> answer = read(file);
          if (answer.isPresent() && answer.get().hasNonNull("executionArn")) {
            answers.put(answer.get().get("executionArn").asText(), answer.get());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the executions folder " + folder, e);
    }
    return answers;
  }

  @Override
  public void deleteAnswer(String executionArn) {
    try {
      Files.deleteIfExists(folder.resolve(fileName(executionArn) + ANSWER_SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the task answer of " + executionArn, e);
    }
  }

  @Override
  public Loaded loadAll() {
    List<JsonNode> snapshots = new ArrayList<>();
    List<String> setAside = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          // Left by a process that died mid-save; the snapshot it replaced is still whole.
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          read(file).ifPresentOrElse(snapshots::add, () -> setAside.add(setAside(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the executions folder " + folder, e);
    }
    return new Loaded(snapshots, setAside);
  }

  private static Optional<JsonNode> read(Path file) {
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Moves an unreadable snapshot out of the way (a save is write-then-rename, so only a machine
   * crash or a hand edit leaves one), so that it neither stops the runtime nor gets overwritten.
   */
  private static String setAside(Path file) {
    Path aside = file.resolveSibling(file.getFileName() + UNREADABLE_SUFFIX);
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      return file.getFileName() + " could not be read; moved to " + aside;
    } catch (IOException e) {
      return file.getFileName() + " could not be read (and could not be moved aside: " + e + ")";
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
