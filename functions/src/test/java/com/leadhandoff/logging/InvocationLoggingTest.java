package com.leadhandoff.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class InvocationLoggingTest {
  @Test
  void body_logsWithTheLeadAndExecutionKeys_whichAreGoneAfterwards() {
    // WHEN a step runs for a lead of an execution
    Map<String, String> seen =
        InvocationLogging.run(
            null,
            Optional.of("lead-1"),
            Optional.of("arn:aws:states:eu-west-1:1:execution:m:lead-1"),
            MDC::getCopyOfContextMap);

    // THEN its log lines carried both keys, and the next invocation on the thread carries neither
    assertEquals("lead-1", seen.get("leadId"));
    assertEquals("arn:aws:states:eu-west-1:1:execution:m:lead-1", seen.get("executionId"));
    assertNull(MDC.get("leadId"));
    assertNull(MDC.get("executionId"));
  }

  @Test
  void aFailingBody_stillClearsTheKeys() {
    assertThrows(
        IllegalStateException.class,
        () ->
            InvocationLogging.run(
                null,
                Optional.of("lead-2"),
                Optional.empty(),
                () -> {
                  throw new IllegalStateException("boom");
                }));
    assertNull(MDC.get("leadId"));
  }

  @Test
  void blankKeys_areLeftOut() {
    Map<String, String> seen =
        InvocationLogging.run(null, Optional.of(" "), Optional.empty(), MDC::getCopyOfContextMap);
    assertEquals(null, seen == null ? null : seen.get("leadId"));
  }
}
