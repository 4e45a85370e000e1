package com.leadhandoff.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
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
    Map<String, String> keys = new LinkedHashMap<>();
    leadId.filter(id -> !id.isBlank()).ifPresent(id -> keys.put(LEAD_ID, id));
    executionId.filter(id -> !id.isBlank()).ifPresent(id -> keys.put(EXECUTION_ID, id));
    keys.forEach(MDC::put);
    try {
      return context == null ? body.get() : PowertoolsLogging.withLogging(context, body);
    } finally {
      keys.keySet().forEach(MDC::remove);
    }
  }
}
