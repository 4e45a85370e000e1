package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each execution in its own file, {@code <machine>~<name>.json} in one folder, so a person
 * can find and read (or delete) the execution of one lead.
 */
public final class FileExecutionStore implements ExecutionStore {
  private static final String ANSWER_SUFFIX = ".answer";
  private final JsonFolder folder;

  private FileExecutionStore(Path folder) {
    this.folder = new JsonFolder(folder, "executions");
  }

  /** A store in {@code folder}, created if missing. */
  public static FileExecutionStore in(Path folder) {
    return new FileExecutionStore(folder);
  }

  @Override
  public void save(String executionArn, JsonNode snapshot) {
    folder.write(fileName(executionArn), snapshot);
  }

  @Override
  public void saveAnswer(String executionArn, JsonNode answer) {
    folder.write(fileName(executionArn) + ANSWER_SUFFIX, answer);
  }

  @Override
  public Map<String, JsonNode> answers() {
    Map<String, JsonNode> answers = new HashMap<>();
    for (Path file : folder.files(JsonFolder.SUFFIX + ANSWER_SUFFIX, false)) {
      Optional<JsonNode> answer = JsonFolder.read(file);
      if (answer.isPresent() && answer.get().hasNonNull("executionArn")) {
        answers.put(answer.get().get("executionArn").asText(), answer.get());
      }
    }
    return answers;
  }

  @Override
  public void deleteAnswer(String executionArn) {
    folder.delete(fileName(executionArn) + ANSWER_SUFFIX);
  }

  @Override
  public Loaded loadAll() {
    return folder.loadAll();
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
    return encode(parts[parts.length - 2])
        + "~"
        + encode(parts[parts.length - 1])
        + JsonFolder.SUFFIX;
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
