package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calls a Lambda function synchronously (RequestResponse). The local runtime implements it by
 * running the Java handler in-process; tests pass a fake.
 */
@FunctionalInterface
public interface LambdaInvoker {
  /**
   * Invokes the function and returns its output as JSON (a function returning nothing returns
   * {@code null} JSON).
   *
   * @param function the function as the definition names it, after substitutions: a function ARN
   *     (direct {@code Resource}) or the {@code FunctionName} of {@code lambda:invoke} (ARN,
   *     partial ARN or name)
   * @param payload the event the function receives
   * @throws LambdaFailure when the function throws ({@link LambdaFailure#functionError}) or cannot
   *     be invoked at all ({@link LambdaFailure#serviceError}, e.g. {@code
   *     Lambda.ResourceNotFoundException})
   */
  JsonNode invoke(String function, JsonNode payload) throws LambdaFailure;
}
