package com.leadhandoff.scoring;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code Score Lead}, a step of the workflow's {@code Take In Lead} state: scores the stored lead
 * against the scoring model, stores the score with the status it leads to and records why. Take In
 * Lead sends a lead that does not qualify to nurture.
 */
public final class ScoreLeadHandler extends TaskHandler<ScoreLeadHandler.Input, Score> {
  /** The task input: which lead to score. */
  public record Input(String leadId) {}

  private final LeadStore leads;
  private final LeadHistory history;
  private final ScoringModel model;
  private final Clock clock;

  /** For Lambda. */
  public ScoreLeadHandler() {
    this(Settings.current());
  }

  private ScoreLeadHandler(Settings settings) {
    this(
        settings,
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings));
  }

  /**
   * Score Lead from the function's settings, on the given lead store and history (Take In Lead
   * shares them between its steps).
   */
  public ScoreLeadHandler(Settings settings, LeadStore leads, LeadHistory history) {
    this(leads, history, ScoringModels.bundled(), settings.clock());
  }

  /** For tests. */
  public ScoreLeadHandler(LeadStore leads, LeadHistory history, ScoringModel model, Clock clock) {
    super(Input.class);
    this.leads = leads;
    this.history = history;
    this.model = model;
    this.clock = clock;
  }

  /**
   * After Take In Lead's joined write of {@code score} was refused by the score's condition: as
   * when this step's own write is refused, the score is stored alone unless the lead has one.
   *
   * @return false when another try scored the lead first
   * @throws RuntimeException when the lead cannot take a score (parked, gone)
   */
  public boolean scoreRefused(String leadId, Score score) {
    return leads.saveFirstScore(
        leadId, score, score.qualified() ? LeadStatus.ROUTING : LeadStatus.NURTURE);
  }

  @Override
  protected Score handle(Input input) {
    String leadId = input.leadId();
    Lead lead = leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    Optional<Score> stored = lead.score();
    if (stored.isEmpty()) {
      Score score = model.score(lead.submission());
      LeadStatus status = score.qualified() ? LeadStatus.ROUTING : LeadStatus.NURTURE;
      // The score and its SCORED entry in one write (a transaction): a retry finds both or
      // neither, so it needs no look at the history to record nothing twice. Take In Lead holds
      // both back for its one TransactWriteItems with the acknowledgement and the route
      // (InvocationCache#join); a refusal of that write comes back through scoreRefused.
      if (history.recordWith(
          leadId,
          ScoreHistory.scored(score, model.mqlThreshold(), clock.instant()),
          leads.firstScoring(leadId, score, status))) {
        return score;
      }
      // Refused: another try of this step stored a score a moment ago, or the lead cannot take
      // one (parked, gone), which this write throws for.
      leads.saveFirstScore(leadId, score, status);
      stored = leads.find(leadId).flatMap(Lead::score);
    }
    // On a retry the stored score stands, so the history never disagrees with what was decided.
    Score score = stored.orElseThrow(() -> new UnknownLeadException(leadId));
    // A score stored before scores and entries were written together may lack its entry.
    if (history.of(leadId).stream().noneMatch(e -> e.type().equals(ScoreHistory.SCORED))) {
      history.record(leadId, ScoreHistory.scored(score, model.mqlThreshold(), clock.instant()));
    }
    return score;
  }
}
