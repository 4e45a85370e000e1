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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps each state machine in its own file, {@code <name>.json} (the name URL-encoded) in one
 * folder, written to a temporary file and renamed over the old one, as {@link FileExecutionStore}
 * writes executions: a reader, even after {@code kill -9}, finds the old machine or the new one.
 */
public final class FileStateMachineStore implements StateMachineStore {
  private static final String SUFFIX = ".json";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String UNREADABLE_SUFFIX = ".unreadable";
  private final Path folder;

  private FileStateMachineStore(Path folder) {
    this.folder = folder;
  }

  /** A store in {@code folder}, created if missing. */
  public static FileStateMachineStore in(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the state machines folder " + folder, e);
    }
    return new FileStateMachineStore(folder);
  }

  @Override
  public void save(String stateMachineArn, JsonNode machine) {
    Path target = file(stateMachineArn);
    try {
      Path temp = Files.createTempFile(folder, "state-machine", TEMP_SUFFIX);
      Json.MAPPER.writeValue(temp.toFile(), machine);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the state machine to " + target, e);
    }
  }

  @Override
  public void delete(String stateMachineArn) {
    try {
      Files.deleteIfExists(file(stateMachineArn));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the saved state machine " + stateMachineArn, e);
    }
  }

  @Override
  public ExecutionStore.Loaded loadAll() {
    List<JsonNode> machines = new ArrayList<>();
    List<String> setAside = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMP_SUFFIX)) {
          // Left by a process that died mid-save; the file it was to replace is still whole.
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          read(file)
              .ifPresentOrElse(machines::add, () -> setAside.add(moveAside(file, "not JSON")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the state machines folder " + folder, e);
    }
    return new ExecutionStore.Loaded(machines, setAside);
  }

  @Override
  public String setAside(String stateMachineArn, String why) {
    return moveAside(file(stateMachineArn), why);
  }

  private static Optional<JsonNode> read(Path file) {
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String moveAside(Path file, String why) {
    Path aside = file.resolveSibling(file.getFileName() + UNREADABLE_SUFFIX);
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      return file + " could not be read (" + why + "); moved to " + aside;
    } catch (IOException e) {
      return file + " could not be read (" + why + ") and could not be moved aside: " + e;
    }
  }

  /** The machine name, URL-encoded: no path separator, so no name escapes the folder. */
  private Path file(String stateMachineArn) {
    String name = stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
    return folder.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + SUFFIX);
  }
}
