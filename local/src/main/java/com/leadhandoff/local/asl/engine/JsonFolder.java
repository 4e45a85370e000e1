package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of JSON files that the runtime keeps across restarts (executions, state machines), each
 * written to a temporary file and renamed over the old one: a reader, also after {@code kill -9},
 * finds the old content or the new, never half of it. (As the DynamoDB engine's default durability,
 * no fsync: a power cut may lose the latest saves.)
 */
final class JsonFolder {
  static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String UNREADABLE_SUFFIX = ".unreadable";

  private final Path folder;
  private final String what;

  /** The folder, created if missing; {@code what} names its content in errors ("executions"). */
  JsonFolder(Path folder, String what) {
    this.folder = folder;
    this.what = what;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the " + what + " folder " + folder, e);
    }
  }

  Path resolve(String fileName) {
    return folder.resolve(fileName);
  }

  /** Writes {@code json} to {@code fileName} by write-then-rename. */
  void write(String fileName, JsonNode json) {
    Path target = folder.resolve(fileName);
    try {
      Path temp = Files.createTempFile(folder, "save", TEMP_SUFFIX);
      Json.MAPPER.writeValue(temp.toFile(), json);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save " + target, e);
    }
  }

  void delete(String fileName) {
    try {
      Files.deleteIfExists(folder.resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + folder.resolve(fileName), e);
    }
  }

  /**
   * The files whose names end with {@code suffix}, sorted; with {@code removeTemporary}, files a
   * process that died mid-save left are removed (only at start: a save may be under way later).
   */
  List<Path> files(String suffix, boolean removeTemporary) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          // Left by a process that died mid-save; the file it was to replace is still whole.
          if (removeTemporary) {
            Files.deleteIfExists(file);
          }
        } else if (name.endsWith(suffix)) {
          found.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the " + what + " folder " + folder, e);
    }
    return found;
  }

  /**
   * Every {@code *.json} object in the folder, read at start; each unreadable one moved aside and
   * named, left-over temporary files removed.
   */
  ExecutionStore.Loaded loadAll() {
    List<JsonNode> loaded = new ArrayList<>();
    List<String> setAside = new ArrayList<>();
    for (Path file : files(SUFFIX, true)) {
      read(file).ifPresentOrElse(loaded::add, () -> setAside.add(moveAside(file, "not JSON")));
    }
    return new ExecutionStore.Loaded(loaded, setAside);
  }

  /** The JSON object in {@code file}, or empty when it is not one. */
  static Optional<JsonNode> read(Path file) {
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Moves an unreadable file out of the way (a save is write-then-rename, so only a machine crash
   * or a hand edit leaves one), so that it neither stops the runtime nor gets overwritten.
   */
  static String moveAside(Path file, String why) {
    Path aside = file.resolveSibling(file.getFileName() + UNREADABLE_SUFFIX);
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      return file.getFileName() + " could not be read (" + why + "); moved to " + aside;
    } catch (IOException e) {
      return file.getFileName()
          + " could not be read ("
          + why
          + ") and could not be moved aside: "
          + e;
    }
  }
}
