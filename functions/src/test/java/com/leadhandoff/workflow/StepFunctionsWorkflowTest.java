package com.leadhandoff.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.testing.FlakyStepFunctions;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.workflow.Workflow.Launch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepFunctionsWorkflowTest {
  private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:Leads";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final FlakyStepFunctions sfn = new FlakyStepFunctions(clock);
  private final StepFunctionsWorkflow workflow =
      new StepFunctionsWorkflow(sfn, MACHINE, Duration.ZERO, clock);

  @Test
  void start_retriesAnUnavailableService_thenStartsOnce() {
    sfn.failNext(2);

    assertEquals(Launch.STARTED, workflow.launch("lead-1"));

    assertEquals(3, sfn.calls());
    assertEquals(List.of("lead-1"), sfn.started());
  }

  @Test
  void start_failingEveryAttempt_isWorkflowUnavailable() {
    sfn.failNext(StepFunctionsWorkflow.START_ATTEMPTS);

    WorkflowUnavailableException e =
        assertThrows(WorkflowUnavailableException.class, () -> workflow.start("lead-1"));

    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    assertEquals(List.of(), sfn.started());
  }

  @Test
  void launch_tellsARunningExecution_fromANewOne_andFromAClosedOne() {
    assertEquals(Launch.STARTED, workflow.launch("lead-1"));
    clock.advance(Duration.ofMinutes(5));

    assertEquals(Launch.ALREADY_RUNNING, workflow.launch("lead-1"));
    sfn.close("lead-1");
    assertEquals(Launch.ALREADY_CLOSED, workflow.launch("lead-1"));
    assertEquals(List.of("lead-1"), sfn.started());
  }
}
