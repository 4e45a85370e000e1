package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits of the developer guide's "Wait workflow state": Seconds from 0 to 99999999, a maximum
 * wait of one year for a Standard workflow, and SecondsPath/TimestampPath values that fail the
 * state with States.Runtime in Step Functions' words.
 */
class WaitStateLimitsTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static String waitState(String field) {
    return q("{'StartAt':'W','States':{'W':{'Type':'Wait'," + field + ",'End':true}}}");
  }

  @Test
  void secondsAboveTheMaximum_refuseTheDefinition() {
    assertDoesNotThrow(() -> DefinitionParser.parse(waitState("'Seconds':99999999")));
    InvalidDefinitionException refused =
        assertThrows(
            InvalidDefinitionException.class,
            () -> DefinitionParser.parse(waitState("'Seconds':100000000")));
    assertTrue(refused.problems().get(0).contains("Maximum value is 99999999"));
  }

  @Test
  void timestampBeyondOneYear_failsTheExecution() {
    // GIVEN a wait until a year and a day after the (virtual) start, 2025-03-03
    String arn = fixture.run(waitState("'Timestamp':'2026-03-04T09:00:00Z'"), "{}");

    // THEN it fails at once rather than waiting
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    assertTrue(
        fixture
            .describe(arn)
            .cause()
            .orElseThrow()
            .startsWith(
                "An error occurred while executing the state 'W' (entered at the event id #2)."),
        fixture.describe(arn).cause().orElseThrow());
    assertEquals(
        List.of("ExecutionStarted", "WaitStateEntered", "ExecutionFailed"),
        fixture.eventTypes(arn));
  }

  @Test
  void timestampWithinOneYear_waits() {
    String arn = fixture.run(waitState("'Timestamp':'2026-03-02T09:00:00.900Z'"), "{}");
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofDays(364));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'SecondsPath':'$.s'|{\"s\":-5}|The SecondsPath parameter references a negative value: $.s == -5",
        "'SecondsPath':'$.s'|{\"s\":\"ten\"}|The SecondsPath parameter cannot be parsed as a long value: $.s == ten",
        "'SecondsPath':'$.s'|{}|The SecondsPath parameter does not reference an input value: $.s",
        "'TimestampPath':'$.t'|{\"t\":\"soon\"}|The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == soon",
        "'TimestampPath':'$.t'|{}|The TimestampPath parameter does not reference an input value: $.t"
      })
  void badPathValues_failWithStepFunctionsCause(String field, String input, String cause) {
    String arn = fixture.run(waitState(field), input);
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    assertEquals(
        "An error occurred while executing the state 'W' (entered at the event id #2). " + cause,
        fixture.describe(arn).cause().orElseThrow());
  }
}
