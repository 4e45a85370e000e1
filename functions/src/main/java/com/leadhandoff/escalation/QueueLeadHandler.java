package com.leadhandoff.escalation;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.outcome.OutcomeSettings;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;

/**
 * Step {@code Queue Lead}: no rep could be offered the lead at all, so the fallback queue of {@code
 * config/directory.yaml} owns it and its address is alerted. The result is for the execution
 * history.
 */
public final class QueueLeadHandler
    extends TaskHandler<QueueLeadHandler.Input, QueueLeadHandler.Result> {

  /** The task input: the lead to queue. */
  public record Input(String leadId) {}

  /**
   * What happened.
   *
   * @param owner the lead's owner now: the queue's address, or whoever owned it already
   * @param role QUEUE, or the role of an owner who got there first
   */
  public record Result(String owner, String role) {}

  private final LeadQueue queue;

  /** For Lambda: collaborators from the function's settings. */
  public QueueLeadHandler() {
    this(Settings.current());
  }

  private QueueLeadHandler(Settings settings) {
    this(
        new LeadQueue(
            new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
            LeadHistories.of(settings),
            Mailers.from(settings),
            OutcomeSettings.issuer(settings),
            settings.clock(),
            DirectoryConfig.bundled()
                .fallbackQueue()
                .orElseGet(
                    () ->
                        new DirectoryConfig.FallbackQueue(
                            "Fallback queue", settings.require("FALLBACK_MANAGER_ADDRESS")))));
  }

  /** For tests: the queue to run. */
  public QueueLeadHandler(LeadQueue queue) {
    super(Input.class);
    this.queue = queue;
  }

  @Override
  protected Result handle(Input input) {
    Owner owner = queue.queue(input.leadId());
    return new Result(owner.email(), owner.role().name());
  }
}
