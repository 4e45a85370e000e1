package com.leadhandoff.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Runs one invocation so that every log line it writes is one JSON object (Powertools logging's
 * {@code LambdaJsonLayout}, see {@code log4j2.properties}) carrying the function's name, request id
 * and cold start, and the lead's keys: {@code leadId} and {@code executionId}.
 *
 * <p>Uses Powertools' functional {@link PowertoolsLogging#withLogging} rather than its
 * {@code @Logging} aspect, which needs AspectJ weaving of every handler.
 */
public final class InvocationLogging {
  /** The key naming the lead a line is about. */
  public static final String LEAD_ID = "leadId";

  /** The key naming the workflow execution a line is about. */
  public static final String EXECUTION_ID = "executionId";

  private InvocationLogging() {}

  /**
   * Runs {@code body} with the lead's keys on every line it logs, and Powertools' Lambda fields
   * when there is a Lambda {@code context} (tests pass none).
   *
   * @param leadId the lead the invocation is about, if known
   * @param executionId the workflow execution that invoked it, if any
   */
  public static <T> T run(
      Context context, Optional<String> leadId, Optional<String> executionId, Supplier<T> body) {
    // Plain code rather than Optional and forEach lambdas: this runs on every function's first
    // request, where each lambda is a class the JVM spins.
    boolean withLead = put(LEAD_ID, leadId);
    boolean withExecution = put(EXECUTION_ID, executionId);
    try {
      return context == null ? body.get() : PowertoolsLogging.withLogging(context, body);
    } finally {
      if (withLead) {
        MDC.remove(LEAD_ID);
      }
      if (withExecution) {
        MDC.remove(EXECUTION_ID);
      }
    }
  }

  /** Puts {@code value} under {@code key} if it is there and not blank; says whether it did. */
  private static boolean put(String key, Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return false;
    }
    MDC.put(key, value.get());
    return true;
  }
}
