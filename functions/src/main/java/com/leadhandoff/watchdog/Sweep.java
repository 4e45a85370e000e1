package com.leadhandoff.watchdog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.leadhandoff.attention.Incident;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.json.JsonTrees;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import com.leadhandoff.workflow.Workflow;
import com.leadhandoff.workflow.WorkflowUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The watchdog's schedule: every open lead (RECEIVED, ROUTING) old enough to have settled is
 * checked. A RECEIVED lead without an execution gets it started (named after the lead, so never
 * twice); one whose execution ended, or runs past the grace without scoring it, is parked. A
 * ROUTING lead whose offer is still open past its deadline plus the grace, or that has no open
 * offer for longer than the grace, is parked. Every repair leaves a history entry; every park an
 * alert that says the watchdog found it.
 */
public final class Sweep {
  /** History type of a workflow the watchdog started. */
  public static final String WATCHDOG_STARTED = "WATCHDOG_STARTED";

  private final WatchedLeads watched;
  private final OfferStore offers;
  private final LeadHistory history;
  private final Workflow workflow;
  private final Parker parker;
  private final Clock clock;
  private final SweepPolicy policy;

  public Sweep(
      WatchedLeads watched,
      OfferStore offers,
      LeadHistory history,
      Workflow workflow,
      Parker parker,
      Clock clock,
      SweepPolicy policy) {
    this.watched = watched;
    this.offers = offers;
    this.history = history;
    this.workflow = workflow;
    this.parker = parker;
    this.clock = clock;
    this.policy = policy;
  }

  /** Checks every open lead once and repairs those left behind. */
  public SweepReport run() {
    Instant now = clock.instant();
    Instant settled = now.minus(policy.settle());
    List<String> started = new ArrayList<>();
    List<String> parked = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int checked = 0;
    for (LeadStatus status : List.of(LeadStatus.RECEIVED, LeadStatus.ROUTING)) {
      for (Lead lead : watched.inStatus(status, settled)) {
        checked++;
        try {
          Optional<Finding> finding =
              status == LeadStatus.RECEIVED
                  ? checkReceived(lead, now, started)
                  : checkRouting(lead, now);
          if (finding.isPresent() && park(lead, finding.get().why())) {
            parked.add(lead.leadId());
            if (finding.get().executionMayRun()) {
              // Parked first, only if still in the status found (a lead that moved on meanwhile
              // keeps its execution); then stopped, so nothing in it moves the parked lead.
              workflow.stop(
                  lead.leadId(), error(lead), "Parked by the watchdog: " + finding.get().why());
            }
          }
        } catch (WorkflowUnavailableException e) {
          // Step Functions is down: the lead stays watched and the next sweep tries again.
          failed.add(lead.leadId());
        }
      }
    }
    return new SweepReport(checked, started, parked, failed);
  }

  /** Why a lead must be parked, and whether its execution may still be running. */
  private record Finding(String why, boolean executionMayRun) {}

  /** Starts a missing workflow; returns why the lead must be parked instead, if it must. */
  private Optional<Finding> checkReceived(Lead lead, Instant now, List<String> started) {
    switch (workflow.launch(lead.leadId())) {
      case STARTED -> {
        history.record(
            lead.leadId(),
            new HistoryEvent(
                now,
                WATCHDOG_STARTED,
                "The watchdog found no workflow for this lead "
                    + minutes(lead.receivedAt(), now)
                    + " after it was received and started it",
                Map.of(
                    "foundBy",
                    "watchdog",
                    "executionName",
                    StepFunctionsWorkflow.executionName(lead.leadId()))));
        started.add(lead.leadId());
        return Optional.empty();
      }
      case ALREADY_CLOSED -> {
        return Optional.of(
            new Finding(
                "the lead is still RECEIVED "
                    + minutes(lead.receivedAt(), now)
                    + " after it arrived, but its workflow execution already ended; look at execution "
                    + StepFunctionsWorkflow.executionName(lead.leadId())
                    + " for why.",
                false));
      }
      default -> {
        // From when its execution started, if the watchdog started it: a lead whose intake died
        // before starting it is old when its execution begins, and is not stuck for that.
        Instant from =
            history.of(lead.leadId()).stream()
                .filter(e -> WATCHDOG_STARTED.equals(e.type()))
                .map(HistoryEvent::at)
                .max(Comparator.naturalOrder())
                .orElse(lead.receivedAt());
        Instant bound = from.plus(policy.grace());
        return now.isAfter(bound)
            ? Optional.of(
                new Finding(
                    "the lead is still RECEIVED "
                        + minutes(lead.receivedAt(), now)
                        + " after it arrived although its workflow runs; scoring takes seconds, so"
                        + " the workflow is stuck before scoring.",
                    true))
            : Optional.empty();
      }
    }
  }

  /** Returns why a ROUTING lead must be parked, if it is past a bound. */
  private Optional<Finding> checkRouting(Lead lead, Instant now) {
    List<Offer> all = offers.forLead(lead.leadId());
    Optional<Offer> overdue =
        all.stream()
            .filter(o -> o.status() == OfferStatus.OPEN)
            .filter(o -> now.isAfter(o.deadline().plus(policy.grace())))
            .findFirst();
    if (overdue.isPresent()) {
      Offer offer = overdue.get();
      return Optional.of(
          new Finding(
              "the offer to "
                  + offer.repName()
                  + " is still open "
                  + minutes(offer.deadline(), now)
                  + " after its deadline ("
                  + offer.deadline()
                  + "); the workflow should have moved the lead on at the deadline.",
              true));
    }
    if (all.stream().anyMatch(o -> o.status() == OfferStatus.OPEN)) {
      return Optional.empty();
    }
    Instant lastMove =
        all.stream()
            .map(o -> o.answeredAt().orElse(o.deadline()))
            .max(Comparator.naturalOrder())
            .orElse(lead.receivedAt());
    return now.isAfter(lastMove.plus(policy.grace()))
        ? Optional.of(
            new Finding(
                "the lead is ROUTING but no offer of it has been open for "
                    + minutes(lastMove, now)
                    + "; the workflow should have offered it to the next rep, escalated or queued it.",
                true))
        : Optional.empty();
  }

  private boolean park(Lead lead, String finding) {
    String executionName = StepFunctionsWorkflow.executionName(lead.leadId());
    return parker
        .park(
            Incident.foundByWatchdog(
                Optional.of(lead.leadId()),
                "watchdog sweep (execution " + executionName + ")",
                Optional.of(error(lead)),
                Optional.of(finding),
                JsonTrees.write(
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("leadId", lead.leadId())
                        .put("status", lead.status().name())
                        .put("receivedAt", lead.receivedAt().toString())),
                finding),
            Optional.of(lead.status()))
        .leadMarked();
  }

  private static String error(Lead lead) {
    return "Watchdog.LeadStuck" + capitalised(lead.status());
  }

  private static String capitalised(LeadStatus status) {
    String name = status.name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String minutes(Instant from, Instant to) {
    long minutes = Duration.between(from, to).toMinutes();
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
