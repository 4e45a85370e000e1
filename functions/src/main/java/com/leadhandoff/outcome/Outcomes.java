package com.leadhandoff.outcome;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records what became of an owned lead (the closed loop): every outcome goes into the lead's
 * history, and the latest becomes the lead's stage. The same outcome twice in a row is recorded
 * once, so a double click or a CRM's retry adds nothing; a different one is the lead moving on and
 * is recorded too.
 */
public final class Outcomes {
  /** History type of every recorded outcome. */
  public static final String OUTCOME_RECORDED = "OUTCOME_RECORDED";

  private final LeadStore leads;
  private final LeadStages stages;
  private final LeadHistory history;
  private final Clock clock;

  public Outcomes(LeadStore leads, LeadStages stages, LeadHistory history, Clock clock) {
    this.leads = leads;
    this.stages = stages;
    this.history = history;
    this.clock = clock;
  }

  /** Records {@code report} for lead {@code leadId}. */
  public OutcomeResult record(String leadId, OutcomeReport report) {
    // The conditional stage write decides, so of two identical reports at once only one is kept.
    // A crash between it and the history entry loses that entry, and a repeat then reads as
    // already recorded: the stage, which reports read, is right either way.
    LeadStages.StageWrite write = stages.advance(leadId, report);
    switch (write) {
      case NO_LEAD:
        return new OutcomeResult.UnknownLead();
      case NOT_OWNED:
        return leads
            .find(leadId)
            .<OutcomeResult>map(l -> new OutcomeResult.NotOwned(l.status()))
            .orElseGet(OutcomeResult.UnknownLead::new);
      case SAME:
        return stages
            .stage(leadId)
            .<OutcomeResult>map(OutcomeResult.AlreadyRecorded::new)
            .orElseGet(OutcomeResult.UnknownLead::new);
      default:
        boolean isStage = write == LeadStages.StageWrite.MOVED;
        history.record(leadId, event(report, isStage));
        return new OutcomeResult.Recorded(report, isStage);
    }
  }

  /** The lead, if stored: what pages show beside the outcome. */
  public Optional<Lead> lead(String leadId) {
    return leads.find(leadId);
  }

  /** The lead's stage, if an outcome was recorded. */
  public Optional<Stage> stage(String leadId) {
    return stages.stage(leadId);
  }

  private HistoryEvent event(OutcomeReport report, boolean isStage) {
    String what =
        report.outcome().label()
            + report.reason().map(r -> " (" + r.label() + ")").orElse("")
            + " reported by "
            + report.by()
            + (report.source() == OutcomeReport.Source.LINK
                ? " through the link in the owner's email"
                : " through the admin API")
            + (isStage ? "" : "; a later outcome stays the lead's stage");
    Map<String, String> details = new HashMap<>();
    details.put("outcome", report.outcome().name());
    report.reason().ifPresent(r -> details.put("reason", r.name()));
    report.note().ifPresent(n -> details.put("note", n));
    details.put("by", report.by());
    details.put("source", report.source().name());
    details.put("recordedAt", clock.instant().toString());
    details.put("stage", Boolean.toString(isStage));
    // At the time it happened, so the history orders outcomes as they occurred.
    return new HistoryEvent(report.at(), OUTCOME_RECORDED, what, details);
  }
}
