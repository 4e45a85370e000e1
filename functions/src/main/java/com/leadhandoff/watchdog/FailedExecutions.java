package com.leadhandoff.watchdog;

import com.leadhandoff.attention.Incident;
import com.leadhandoff.attention.ParkOutcome;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import java.util.Optional;

/**
 * The watchdog's rule: an execution that ended FAILED, TIMED_OUT or ABORTED (stopped by hand,
 * failed in {@code Park Lead} itself, killed by a quota) leaves its lead with nobody working on it,
 * unless the lead already reached a final status. Such a lead is parked with the execution's error
 * and cause.
 */
public final class FailedExecutions {
  private final LeadStore leads;
  private final Parker parker;

  public FailedExecutions(LeadStore leads, Parker parker) {
    this.leads = leads;
    this.parker = parker;
  }

  /** What the rule did with one event. */
  public enum Outcome {
    /** The lead was parked and the manager alerted. */
    PARKED,
    /** This execution's lead was parked before (a repeated event): nothing was sent again. */
    ALREADY_PARKED,
    /** The execution succeeded or still runs, or its lead is final: nothing to repair. */
    IGNORED
  }

  /** Handles one execution status change. */
  public Outcome handle(ExecutionStatusChange change) {
    if (!change.endedBadly()) {
      return Outcome.IGNORED;
    }
    Optional<Lead> lead = change.leadId().flatMap(leads::find);
    if (lead.isPresent() && !lead.get().status().isOpen()) {
      // Owned, handed back to marketing, merged or parked already (Park Lead ends FAILED too).
      return Outcome.IGNORED;
    }
    ParkOutcome parked =
        parker.park(
            Incident.foundByWatchdog(
                change.leadId(),
                change.executionArn(),
                change.error(),
                change.cause(),
                change.input(),
                "its workflow execution "
                    + change.name()
                    + " ended "
                    + change.status()
                    + lead.map(l -> " while the lead was " + l.status()).orElse("")
                    + ", and nothing in the workflow took care of the lead."));
    return parked.alerted() ? Outcome.PARKED : Outcome.ALREADY_PARKED;
  }
}
