package com.leadhandoff.local.asl.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The callback registry: task tokens by value. Tokens are 256 random bits from {@link
 * SecureRandom}, unrelated to any execution id, so a token cannot be guessed or derived.
 */
final class TaskTokens {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final SecureRandom random = new SecureRandom();
  private final Map<String, TaskToken> tokens = new ConcurrentHashMap<>();

  TaskToken issue(Execution execution, long runId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    TaskToken token = new TaskToken(value, execution, runId);
    tokens.put(value, token);
    execution.tokenIssued(token);
    return token;
  }

  /** The token called {@code value}, whether open or closed; throws the AWS error otherwise. */
  TaskToken find(String value) {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new StepFunctionsException.InvalidToken("Invalid Token: the task token is malformed");
    }
    TaskToken token = tokens.get(value);
    if (token == null) {
      throw new StepFunctionsException.TaskDoesNotExist(
          "Task does not exist: no task was issued this token");
    }
    return token;
  }

  /** Re-registers a token restored from a snapshot. */
  void restore(TaskToken token) {
    tokens.put(token.value, token);
  }
}
