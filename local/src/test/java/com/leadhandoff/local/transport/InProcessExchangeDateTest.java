package com.leadhandoff.local.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Date header the in-process exchange writes, as the JDK server writes it, second by second.
 */
class InProcessExchangeDateTest {
  @Test
  void dateHeader_isTheSecondsHttpDate_whenAskedInAnyOrder() {
    assertEquals(
        "Fri, 04 Dec 2026 10:00:00 GMT",
        InProcessExchange.httpDate(Instant.parse("2026-12-04T10:00:00.100Z")));
    assertEquals(
        "Fri, 04 Dec 2026 10:00:00 GMT",
        InProcessExchange.httpDate(Instant.parse("2026-12-04T10:00:00.900Z")));
    assertEquals(
        "Fri, 04 Dec 2026 10:00:01 GMT",
        InProcessExchange.httpDate(Instant.parse("2026-12-04T10:00:01Z")));
    assertEquals(
        "Mon, 23 Nov 2026 09:00:00 GMT",
        InProcessExchange.httpDate(Instant.parse("2026-11-23T09:00:00Z")));
    assertEquals(
        "Fri, 04 Dec 2026 10:00:01 GMT",
        InProcessExchange.httpDate(Instant.parse("2026-12-04T10:00:01.500Z")));
  }
}
