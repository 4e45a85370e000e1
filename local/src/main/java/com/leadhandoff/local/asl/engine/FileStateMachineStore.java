package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Keeps each state machine in its own file, {@code <name>.json} (the name URL-encoded) in one
 * folder, written to a temporary file and renamed over the old one, as {@link FileExecutionStore}
 * writes executions: a reader, even after {@code kill -9}, finds the old machine or the new one.
 */
public final class FileStateMachineStore implements StateMachineStore {
  private final JsonFolder folder;

  private FileStateMachineStore(Path folder) {
    this.folder = new JsonFolder(folder, "state machines");
  }

  /** A store in {@code folder}, created if missing. */
  public static FileStateMachineStore in(Path folder) {
    return new FileStateMachineStore(folder);
  }

  @Override
  public void save(String stateMachineArn, JsonNode machine) {
    folder.write(fileName(stateMachineArn), machine);
  }

  @Override
  public void delete(String stateMachineArn) {
    folder.delete(fileName(stateMachineArn));
  }

  @Override
  public ExecutionStore.Loaded loadAll() {
    return folder.loadAll();
  }

  @Override
  public String setAside(String stateMachineArn, String why) {
    return JsonFolder.moveAside(folder.resolve(fileName(stateMachineArn)), why);
  }

  /** The machine name, URL-encoded: no path separator, so no name escapes the folder. */
  private static String fileName(String stateMachineArn) {
    String name = stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
    return URLEncoder.encode(name, StandardCharsets.UTF_8) + JsonFolder.SUFFIX;
  }
}
