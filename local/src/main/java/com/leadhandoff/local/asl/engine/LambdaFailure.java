package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.Arrays;
import java.util.List;

/**
 * A failed Lambda invocation. The state fails with {@link #errorType()} as its Error; the Cause is
 * the {@code {"errorMessage","errorType","stackTrace"}} JSON the Lambda runtime reports for a
 * function error, or the plain message for a service error.
 */
public final class LambdaFailure extends Exception {
  private final String errorType;
  private final String errorMessage;
  private final List<String> stackTrace;
  private final boolean functionError;

  private LambdaFailure(
      String errorType, String errorMessage, List<String> stackTrace, boolean functionError) {
    super(errorType + ": " + errorMessage, null, false, false);
    this.errorType = errorType;
    this.errorMessage = errorMessage == null ? "" : errorMessage;
    this.stackTrace = List.copyOf(stackTrace);
    this.functionError = functionError;
  }

  /** The function threw; errorType is what the runtime reports, e.g. the exception's class name. */
  public static LambdaFailure functionError(
      String errorType, String errorMessage, List<String> stackTrace) {
    return new LambdaFailure(errorType, errorMessage, stackTrace, true);
  }

  /**
   * The function threw {@code thrown}: errorType is its fully qualified class name, as the Java
   * Lambda runtime reports it.
   */
  public static LambdaFailure fromException(Throwable thrown) {
    List<String> frames =
        Arrays.stream(thrown.getStackTrace()).limit(20).map(StackTraceElement::toString).toList();
    return functionError(thrown.getClass().getName(), thrown.getMessage(), frames);
  }

  /** The invocation itself failed, e.g. {@code Lambda.ResourceNotFoundException}. */
  public static LambdaFailure serviceError(String errorType, String message) {
    return new LambdaFailure(errorType, message, List.of(), false);
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public boolean isFunctionError() {
    return functionError;
  }

  /** The Cause Step Functions records for this failure. */
  public String cause() {
    if (!functionError) {
      return errorMessage;
    }
    ObjectNode cause = Json.object();
    cause.put("errorMessage", errorMessage);
    cause.put("errorType", errorType);
    if (!stackTrace.isEmpty()) {
      ArrayNode frames = cause.putArray("stackTrace");
      stackTrace.forEach(frames::add);
    }
    return Json.write(cause);
  }
}
