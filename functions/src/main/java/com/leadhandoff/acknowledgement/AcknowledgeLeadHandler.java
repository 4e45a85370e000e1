package com.leadhandoff.acknowledgement;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.followup.FollowUps;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.ownership.Ownership;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code Acknowledge Lead}, a step of the workflow's {@code Take In Lead} state: emails the scored
 * lead's prospect, or, given the {@code failure} the first step was caught with, records it in the
 * lead's history so the handoff goes on without it.
 */
public final class AcknowledgeLeadHandler
    extends TaskHandler<AcknowledgeLeadHandler.Input, AcknowledgeLeadHandler.Result> {
  /**
   * The task input.
   *
   * @param failure the Catch's error output ({@code Error}, {@code Cause}); absent to acknowledge
   */
  public record Input(String leadId, Map<String, Object> failure) {}

  /**
   * What the step did.
   *
   * @param outcome ACKNOWLEDGED, ALREADY_ACKNOWLEDGED or FAILURE_RECORDED
   */
  public record Result(String leadId, String outcome) {}

  private final Acknowledgement acknowledgement;

  /** For Lambda. */
  public AcknowledgeLeadHandler() {
    this(Settings.current());
  }

  private AcknowledgeLeadHandler(Settings settings) {
    this(
        settings,
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        directory(settings));
  }

  /**
   * Acknowledge Lead from the function's settings, on the given lead store, history and directory
   * (Take In Lead shares them between its steps).
   */
  public AcknowledgeLeadHandler(
      Settings settings, LeadStore leads, LeadHistory history, Directory directory) {
    this(
        new Acknowledgement(
            leads,
            history,
            Mailers.from(settings),
            settings.clock(),
            RouteLeadHandler.teamChooser(directory),
            RouteLeadHandler.deadlines(RouteLeadHandler.bundledPolicy(), settings),
            FollowUps.bundled(),
            ownerTeams(
                new Ownership(
                    Accounts.bundled(),
                    leads,
                    OpenLeads.days(settings.integer("OPEN_LEAD_DAYS", OpenLeads.DEFAULT_DAYS))),
                directory,
                settings.clock())));
  }

  /** The teams and reps tables of the function whose settings these are. */
  public static DynamoDirectory directory(Settings settings) {
    return new DynamoDirectory(
        AwsClients.dynamo(), settings.require("TEAMS_TABLE"), settings.require("REPS_TABLE"));
  }

  /** The teams of the reps who own a lead's company, as Route Lead will find them. */
  public static Function<Lead, List<String>> ownerTeams(
      Ownership ownership, Directory directory, Clock clock) {
    return lead ->
        ownership.owners(lead, clock.instant()).stream()
            .flatMap(claim -> directory.rep(claim.repId()).stream())
            .map(Rep::teamId)
            .distinct()
            .toList();
  }

  /** For tests. */
  public AcknowledgeLeadHandler(Acknowledgement acknowledgement) {
    super(Input.class);
    this.acknowledgement = acknowledgement;
  }

  /** The acknowledgement this step sends, for Take In Lead, which writes its entry itself. */
  public Acknowledgement acknowledgement() {
    return acknowledgement;
  }

  @Override
  protected Result handle(Input input) {
    if (input.leadId() == null || input.leadId().isBlank()) {
      throw new IllegalArgumentException("Acknowledge Lead needs {\"leadId\": ...}, got no leadId");
    }
    if (input.failure() != null) {
      acknowledgement.recordFailure(
          input.leadId(),
          String.valueOf(input.failure().getOrDefault("Error", "unknown error")),
          String.valueOf(input.failure().getOrDefault("Cause", "")));
      return new Result(input.leadId(), "FAILURE_RECORDED");
    }
    return new Result(
        input.leadId(),
        acknowledgement.acknowledge(input.leadId()) ? "ACKNOWLEDGED" : "ALREADY_ACKNOWLEDGED");
  }
}
