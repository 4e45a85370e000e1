package com.leadhandoff.watchdog;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.attention.LeadParking;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.ownership.AddressRelease;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoAddressClaims;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import java.time.Duration;
import java.util.List;

/**
 * The watchdog: invoked by the EventBridge rule on this state machine's execution status changes
 * (FAILED, TIMED_OUT, ABORTED) and by the EventBridge Scheduler schedule with {@code {"watchdog":
 * "sweep"}}. See {@link FailedExecutions} and {@link Sweep}.
 */
public final class WatchdogHandler extends TaskHandler<JsonNode, WatchdogHandler.Result> {

  /**
   * What one invocation did, for the logs.
   *
   * @param rule what the rule did with an execution status change; empty for a sweep
   */
  public record Result(
      String rule, int checked, List<String> started, List<String> parked, List<String> failed) {}

  private final FailedExecutions failedExecutions;
  private final Sweep sweep;

  /** For Lambda: collaborators from the function's settings. */
  public WatchdogHandler() {
    this(Settings.current());
  }

  private WatchdogHandler(Settings settings) {
    this(settings, new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")));
  }

  private WatchdogHandler(Settings settings, DynamoLeadStore leads) {
    this(settings, leads, offers(settings), parker(settings, leads));
  }

  private WatchdogHandler(
      Settings settings, DynamoLeadStore leads, DynamoOfferStore offers, Parker parker) {
    this(
        new FailedExecutions(leads, parker),
        new Sweep(
            leads,
            offers,
            LeadHistories.of(settings),
            new StepFunctionsWorkflow(
                AwsClients.stepFunctions(),
                settings.require("STATE_MACHINE_ARN"),
                Duration.ofMillis(200),
                settings.clock()),
            parker,
            settings.clock(),
            SweepPolicy.ofGraceMinutes(settings.integer("WATCHDOG_GRACE_MINUTES", 15))));
  }

  /** For tests: the rule and the sweep to run. */
  public WatchdogHandler(FailedExecutions failedExecutions, Sweep sweep) {
    super(JsonNode.class);
    this.failedExecutions = failedExecutions;
    this.sweep = sweep;
  }

  @Override
  protected Result handle(JsonNode event) {
    if (ExecutionStatusChange.is(event)) {
      FailedExecutions.Outcome outcome = failedExecutions.handle(ExecutionStatusChange.from(event));
      return new Result(outcome.name(), 0, List.of(), List.of(), List.of());
    }
    if ("sweep".equals(event.path("watchdog").asText())) {
      SweepReport report = sweep.run();
      return new Result("", report.checked(), report.started(), report.parked(), report.failed());
    }
    throw new IllegalArgumentException(
        "The watchdog takes a Step Functions Execution Status Change event or {\"watchdog\":"
            + " \"sweep\"}, not: "
            + event);
  }

  private static DynamoOfferStore offers(Settings settings) {
    return new DynamoOfferStore(
        AwsClients.dynamo(),
        settings.require("OFFERS_TABLE"),
        new DynamoCapacity(AwsClients.dynamo(), settings.require("REPS_TABLE")));
  }

  private static Parker parker(Settings settings, DynamoLeadStore leads) {
    return new Parker(
        new LeadParking(
            leads,
            offers(settings),
            LeadHistories.of(settings),
            Mailers.from(settings),
            settings.clock(),
            settings.require("FALLBACK_MANAGER_ADDRESS")),
        new AddressRelease(
            leads,
            new DynamoAddressClaims(
                AwsClients.dynamo(), settings.require("ADDRESS_CLAIMS_TABLE"))));
  }
}
