package com.leadhandoff.takein;

import com.leadhandoff.acknowledgement.AcknowledgeLeadHandler;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.logging.PersonalData;
import com.leadhandoff.ownership.MatchLeadHandler;
import com.leadhandoff.ownership.MatchResult;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.scoring.ScoreLeadHandler;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.OwnAnswer;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import com.leadhandoff.workflow.Turns;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Take In Lead}, the workflow's first state: the synchronous front of the handoff in one
 * invocation. It merges a duplicate submission into the open lead of its address, scores the lead,
 * thanks the prospect, and chooses the rep to offer it to, running the four steps ({@link
 * MatchLeadHandler}, {@link ScoreLeadHandler}, {@link AcknowledgeLeadHandler}, {@link
 * RouteLeadHandler}) in order. Each is safe to run again, so the state's Retry re-runs the whole.
 *
 * <p>Invoked with {@code .waitForTaskToken}, it answers its own token: the route when a rep was
 * found (to {@code $.route}, then "Offer To Rep"), else the {@link Turns} that names where the lead
 * goes instead (merged, nurture, the queue, the manager). A failed acknowledgement is recorded in
 * the lead's history and the handoff goes on without it: the prospect's email never holds up the
 * rep's.
 *
 * <p>The steps' own writes of a new lead are one request: Score Lead's score and SCORED,
 * Acknowledge Lead's email claim, unsubscribe link and ACKNOWLEDGED, and Route Lead's ROUTED or
 * NO_REP are held back ({@link InvocationCache#join}) and written in one TransactWriteItems, then
 * the acknowledgement goes: a retry finds the claim and the route and sends, routes and reserves
 * nothing again. Only the round-robin turn and the rep's reservation are written on their own,
 * during routing: every lead of the team writes those items, and concurrent transactions on one
 * item cancel each other (TransactionConflict). A merged submission's acknowledgement is sent and
 * its entry written before the task is answered.
 */
public final class TakeInLeadHandler
    extends TaskHandler<TakeInLeadHandler.Input, TakeInLeadHandler.Output> {
  private static final Logger LOG = LoggerFactory.getLogger(TakeInLeadHandler.class);

  /** The task's payload: the lead received, and the token this step answers. */
  public record Input(String leadId, String taskToken) {}

  /**
   * What was done; the workflow reads the answer, but the execution history shows this.
   *
   * @param answer SUCCEEDED (a rep was found) or the turn the task was failed with
   * @param acknowledgement what became of the prospect's email: ACKNOWLEDGED, ALREADY_ACKNOWLEDGED
   *     or FAILURE_RECORDED
   */
  public record Output(String leadId, String answer, String acknowledgement) {}

  private final MatchLeadHandler match;
  private final ScoreLeadHandler score;
  private final AcknowledgeLeadHandler acknowledge;
  private final RouteLeadHandler route;
  private final OwnAnswer answers;
  private final InvocationCache cache;
  private final ScoreAcknowledgeRoute joined;

  /** For Lambda: each step from the function's settings. */
  public TakeInLeadHandler() {
    this(Settings.current(), new InvocationCache());
  }

  /**
   * The steps share one lead store, history and directory that remember, for one invocation, what
   * they read (see {@link InvocationCache}).
   */
  private TakeInLeadHandler(Settings settings, InvocationCache cache) {
    this(
        settings,
        cache,
        cache.leads(new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE"))),
        cache.history(LeadHistories.of(settings)),
        cache.directory(AcknowledgeLeadHandler.directory(settings)));
  }

  private TakeInLeadHandler(
      Settings settings,
      InvocationCache cache,
      LeadStore leads,
      LeadHistory history,
      Directory directory) {
    this(
        new MatchLeadHandler(settings, leads, history),
        new ScoreLeadHandler(settings, leads, history),
        new AcknowledgeLeadHandler(settings, leads, history, directory),
        new RouteLeadHandler(
            settings,
            AwsClients.dynamo(),
            leads,
            history,
            directory,
            cache.offers(
                new DynamoOfferStore(AwsClients.dynamo(), settings.require("OFFERS_TABLE")))),
        // Callbacks need no state machine ARN: the task token names the waiting task.
        new OwnAnswer(new StepFunctionsWorkflow(AwsClients.stepFunctions(), "")),
        cache);
  }

  /**
   * The four steps, built on the stores {@code cache} wraps, answering through {@code answers} (for
   * tests: the Lambda's constructor builds them from its settings).
   */
  TakeInLeadHandler(
      MatchLeadHandler match,
      ScoreLeadHandler score,
      AcknowledgeLeadHandler acknowledge,
      RouteLeadHandler route,
      OwnAnswer answers,
      InvocationCache cache) {
    super(Input.class);
    this.match = match;
    this.score = score;
    this.acknowledge = acknowledge;
    this.route = route;
    this.answers = answers;
    this.cache = cache;
    this.joined = new ScoreAcknowledgeRoute(score, acknowledge, route, cache);
  }

  @Override
  protected Output handle(Input input) {
    cache.forget();
    try {
      return takeIn(input);
    } catch (RuntimeException e) {
      // A merged submission's acknowledgement entry, held back, goes before the step fails (it may
      // be parked after its retries; a retry finds it and sends and records nothing again).
      try {
        cache.writeHeld();
      } catch (RuntimeException notWritten) {
        e.addSuppressed(notWritten);
      }
      throw e;
    } finally {
      cache.forget();
    }
  }

  private Output takeIn(Input input) {
    String leadId = input.leadId();
    if (leadId == null || leadId.isBlank() || input.taskToken() == null) {
      throw new IllegalArgumentException("Take In Lead needs leadId and taskToken");
    }
    Taken taken = runSteps(leadId);
    // A merged submission's acknowledgement entry, held back, before the task is answered: once
    // it is, nothing runs this invocation again to write it.
    cache.writeHeld();
    return new Output(
        leadId, taken.answer().give(answers, input.taskToken()), taken.acknowledged());
  }

  /** How the task is answered: with the route, or the turn the lead takes instead. */
  interface Answer {
    /**
     * @return SUCCEEDED or the turn
     */
    String give(OwnAnswer answers, String token);
  }

  /** What the steps did: the acknowledgement's outcome, and the task's answer still to give. */
  record Taken(String acknowledged, Answer answer) {}

  private Taken runSteps(String leadId) {
    MatchResult matched = match.apply(new MatchLeadHandler.Input(leadId));
    if (matched.merged()) {
      return new Taken(
          acknowledge(leadId),
          (answers, token) ->
              answers.turn(token, Turns.LEAD_MERGED, "Merged into lead " + matched.mergedInto()));
    }
    return joined.run(leadId);
  }

  /**
   * Thanks the prospect; a failure is recorded in the lead's history instead of failing the step.
   * The SDK has retried a throttled or failed call by then; a retry of the whole step would repeat
   * the rep's handoff work for the prospect's email, and parking the lead for it would hold up the
   * handoff the prospect asked for.
   */
  private String acknowledge(String leadId) {
    // A merged submission's: the entry it records (ACKNOWLEDGED, or ACKNOWLEDGEMENT_FAILED) is
    // held back and written before the task is answered (writeHeld). The email's claim is written
    // before the email goes, so a process that dies before the entry is written is retried into
    // the claim taken: the retry sends nothing and records the entry then.
    return cache.holdingEntries(leadId, () -> acknowledgeNow(leadId));
  }

  private String acknowledgeNow(String leadId) {
    try {
      return acknowledge.apply(new AcknowledgeLeadHandler.Input(leadId, null)).outcome();
    } catch (RuntimeException e) {
      LOG.warn("Acknowledging lead failed: {}", e.getClass().getName());
      Map<String, Object> failure =
          Map.of("Error", e.getClass().getName(), "Cause", String.valueOf(e.getMessage()));
      try {
        return acknowledge.apply(new AcknowledgeLeadHandler.Input(leadId, failure)).outcome();
      } catch (RuntimeException recordFailed) {
        return notRecorded(recordFailed);
      }
    }
  }

  /**
   * Logs that a failed acknowledgement could not be recorded either, and says so as the outcome.
   */
  static String notRecorded(RuntimeException recordFailed) {
    // The class and a scrubbed message only: SES names the refused addresses in its messages.
    LOG.warn(
        "Recording the failed acknowledgement failed too: {}: {}",
        recordFailed.getClass().getName(),
        PersonalData.scrub(String.valueOf(recordFailed.getMessage())));
    return "FAILURE_NOT_RECORDED";
  }
}
