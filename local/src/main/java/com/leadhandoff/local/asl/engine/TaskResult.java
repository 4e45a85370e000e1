package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** How a callback task ended: SendTaskSuccess, SendTaskFailure, or a timeout. */
sealed interface TaskResult {
  record Success(JsonNode output) implements TaskResult {}

  record Failure(String error, String cause) implements TaskResult {}

  record TimedOut(String error) implements TaskResult {}
}
