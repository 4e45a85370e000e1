package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.clock.ScaledClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void startTimeThatIsNotAnInstant_isRefusedWithAnExample() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Main.parse(new String[] {"--start-time", "monday 9am"}));
    assertEquals(
        "--start-time needs an instant such as 2026-11-23T09:00:00Z, got 'monday 9am'",
        e.getMessage());
  }

  @Test
  void forwardEventsThatIsNotAnHttpUrl_isRefusedWithAnExample() {
    // GIVEN / WHEN a webhook given without its scheme
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Main.parse(new String[] {"--forward-events", "hooks.slack.com/services/x"}));

    // THEN the option is named in the refusal
    assertTrue(e.getMessage().startsWith("--forward-events needs an http(s) URL"), e.getMessage());
  }

  @Test
  void dynamodbEndpointThatIsNotAnHttpUrl_isRefusedWithAnExample() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Main.parse(new String[] {"--dynamodb-endpoint", "localhost:4566"}));
    assertEquals(
        "--dynamodb-endpoint needs an http(s) URL such as http://localhost:4566, got"
            + " 'localhost:4566'",
        e.getMessage());
  }

  @Test
  void sdkTransportThatIsNeitherMode_isRefusedNamingBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Main.parse(new String[] {"--sdk-transport", "http"}));
    assertEquals("--sdk-transport needs in-process or socket, got 'http'", e.getMessage());
  }

  @Test
  void sdkTransportModes_areAccepted_andTheHelpExplainsThem() {
    Main.parse(new String[] {"--sdk-transport", "socket"});
    Main.parse(new String[] {"--sdk-transport", "in-process"});
    assertTrue(Main.HELP.contains("--sdk-transport MODE"), Main.HELP);
    assertTrue(Main.HELP.contains("in-process (default)"), Main.HELP);
  }

  @Test
  void scaledClock_startsAtTheGivenInstant() {
    Instant monday = Instant.parse("2026-11-23T09:00:00Z");
    try (ScaledClock clock = new ScaledClock(monday, 60)) {
      Duration drift = Duration.between(monday, clock.now());
      // Only the few real nanoseconds since construction, scaled, may have passed.
      assertTrue(
          !drift.isNegative() && drift.compareTo(Duration.ofMinutes(1)) < 0, drift::toString);
    }
  }
}
