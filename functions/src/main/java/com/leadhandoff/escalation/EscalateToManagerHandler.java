package com.leadhandoff.escalation;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.outcome.OutcomeSettings;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.sla.SlaPolicy;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Step {@code Escalate To Manager}: nobody accepted the lead in time, or no rep was available. The
 * state machine discards the result; it is returned for the execution history.
 */
public final class EscalateToManagerHandler
    extends TaskHandler<EscalateToManagerHandler.Input, EscalateToManagerHandler.Result> {

  /** The task input: the lead to escalate. */
  public record Input(String leadId) {}

  /**
   * What happened.
   *
   * @param outcome ESCALATED, ALREADY_ESCALATED or OWNED_BY_REP
   * @param owner the manager's email or the rep's id; empty when already escalated
   */
  public record Result(String outcome, String owner) {}

  private final Escalation escalation;

  /** For Lambda: collaborators from the function's settings. */
  public EscalateToManagerHandler() {
    this(Settings.current());
  }

  private EscalateToManagerHandler(Settings settings) {
    this(
        new Escalation(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            new DynamoOfferStore(AwsClients.dynamo(), settings.require("OFFERS_TABLE")),
            new DynamoDirectory(
                AwsClients.dynamo(),
                settings.require("TEAMS_TABLE"),
                settings.require("REPS_TABLE")),
            LeadHistories.of(settings),
            Mailers.from(settings),
            OutcomeSettings.issuer(settings),
            settings.clock(),
            new EscalationSettings(
                settings.require("FALLBACK_MANAGER_ADDRESS"),
                zones(RouteLeadHandler.bundledPolicy()))));
  }

  /** Team id → the zone of the team's calendar in the SLA policy, if there is one. */
  private static Function<String, Optional<ZoneId>> zones(Optional<SlaPolicy> policy) {
    return teamId -> policy.flatMap(p -> p.zone(teamId));
  }

  /** For tests: the escalation to run. */
  public EscalateToManagerHandler(Escalation escalation) {
    super(Input.class);
    this.escalation = escalation;
  }

  @Override
  protected Result handle(Input input) {
    EscalationOutcome outcome = escalation.escalate(input.leadId());
    if (outcome instanceof EscalationOutcome.Escalated e) {
      return new Result("ESCALATED", e.managerEmail());
    }
    if (outcome instanceof EscalationOutcome.OwnedByRep r) {
      return new Result("OWNED_BY_REP", r.repId());
    }
    return new Result("ALREADY_ESCALATED", "");
  }
}
