package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.ses.SentEmail;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog as the local runtime runs it from the template: the EventBridge rule on the state
 * machine's execution status changes, and the 5-minute schedule on the virtual clock.
 */
class WatchdogWorkflowTest {
  private static final String FALLBACK_MANAGER = "sales-manager@example.com";
  private static final Set<String> INBOUND_REPS =
      Set.of(
          "ana.ruiz@sales.example.com",
          "ben.okafor@sales.example.com",
          "chloe.martin@sales.example.com");

  private LeadHandoffRuntime local;

  @BeforeEach
  void start() {
    local = LeadHandoffRuntime.fresh();
  }

  @Test
  void executionStoppedByHand_getsItsLeadParkedByTheRule_withTheErrorAndCause() {
    // GIVEN a lead offered to a rep, its execution waiting for the answer
    String leadId = local.submit(demoRequest("Stopped"));
    assertEquals(LeadStatus.ROUTING, local.lead(leadId).status());

    // WHEN somebody stops the execution (StopExecution, as from the console)
    local
        .runtime
        .engine()
        .stopExecution(
            local.execution(leadId).executionArn(),
            Optional.of("Ops.StoppedByHand"),
            Optional.of("Stopped from the console during an incident"));
    local.settle();

    // THEN the rule parked the lead and the manager's alert says the watchdog found it, and why
    assertEquals(ExecutionStatus.ABORTED, local.execution(leadId).status());
    assertEquals(LeadStatus.NEEDS_ATTENTION, local.lead(leadId).status());
    SentEmail alert = onlyAlertAbout("Dana Stopped");
    assertTrue(
        alert.subject().startsWith("Needs attention (found by the watchdog)"), alert.subject());
    for (String expected :
        List.of(
            "Found by the watchdog: its workflow execution " + leadId + " ended ABORTED",
            "Error: Ops.StoppedByHand",
            "Cause: Stopped from the console during an incident",
            "Status before it failed: ROUTING")) {
      assertTrue(alert.text().contains(expected), expected + "\n" + alert.text());
    }
    HistoryEvent parked = parkedEvent(leadId);
    assertEquals("watchdog", parked.details().get("foundBy"));
    assertEquals("Ops.StoppedByHand", parked.details().get("error"));
  }

  @Test
  void executionFailingInParkLeadItself_getsItsLeadParkedByTheRule() {
    // GIVEN SES refuses every rep (the offer step fails for good) and Park Lead is throttled past
    // its retries: the execution fails in the step that should have parked the lead
    INBOUND_REPS.forEach(local.runtime.faults()::rejectRecipient);
    local.runtime.faults().throttleLambda("ParkLeadFunction", 5);

    // WHEN the lead comes in and the retries run their course
    String leadId = local.submit(demoRequest("ParkFails"));
    local.advance(Duration.ofMinutes(2));

    // THEN the execution failed, and the rule parked the lead with the execution's error
    assertEquals(ExecutionStatus.FAILED, local.execution(leadId).status());
    List<String> states = local.statesEntered(leadId);
    assertEquals("Park Lead", states.get(states.size() - 1));
    assertEquals(LeadStatus.NEEDS_ATTENTION, local.lead(leadId).status());
    SentEmail alert = onlyAlertAbout("Dana ParkFails");
    assertTrue(alert.text().contains("Error: Lambda.TooManyRequestsException"), alert.text());
    assertTrue(alert.text().contains("ended FAILED"), alert.text());
  }

  @Test
  void leadStoredWithoutAnExecution_isStartedByTheSchedule_withinFiveMinutes_once() {
    // GIVEN a lead intake stored two minutes ago and then died before starting its workflow
    String leadId = "lead-watchdog-" + Long.toHexString(local.clock.now().toEpochMilli());
    local.store(
        Lead.received(
            leadId, local.clock.now().minus(Duration.ofMinutes(2)), submission("Orphan")));
    int executions = local.executionCount();

    // WHEN five minutes pass on the runtime clock
    local.advance(Duration.ofMinutes(5));

    // THEN the schedule's sweep started its workflow, named after the lead, which offered it on
    assertEquals(executions + 1, local.executionCount());
    assertEquals(leadId, local.execution(leadId).name());
    assertTrue(
        local.statesEntered(leadId).contains("Offer To Rep"),
        local.statesEntered(leadId).toString());
    assertEquals(LeadStatus.ROUTING, local.lead(leadId).status());
    List<HistoryEvent> started =
        local.leadHistory(leadId).stream()
            .filter(e -> e.type().equals("WATCHDOG_STARTED"))
            .toList();
    assertEquals(1, started.size(), () -> local.leadHistory(leadId).toString());

    // AND later sweeps leave the running workflow alone
    local.advance(Duration.ofMinutes(10));
    assertEquals(executions + 1, local.executionCount());
    assertEquals(
        1,
        local.leadHistory(leadId).stream()
            .filter(e -> e.type().equals("WATCHDOG_STARTED"))
            .count());
  }

  private static Submission submission(String lastName) {
    return new Submission(
        email(lastName),
        "Dana",
        lastName,
        "Acme Robotics",
        "VP Operations",
        null,
        "DE",
        250,
        "Manufacturing",
        "Can we see a demo next week?",
        "demo-request",
        null,
        null,
        null,
        List.of("/pricing"));
  }

  private SentEmail onlyAlertAbout(String name) {
    List<SentEmail> alerts =
        local.mailTo(FALLBACK_MANAGER).stream().filter(m -> m.subject().contains(name)).toList();
    assertEquals(1, alerts.size(), () -> "alerts: " + alerts);
    return alerts.get(0);
  }

  private HistoryEvent parkedEvent(String leadId) {
    List<HistoryEvent> parked =
        local.leadHistory(leadId).stream().filter(e -> e.type().equals("NEEDS_ATTENTION")).toList();
    assertEquals(1, parked.size(), () -> local.leadHistory(leadId).toString());
    return parked.get(0);
  }
}
