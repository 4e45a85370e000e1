package com.leadhandoff.takein;

import com.leadhandoff.acknowledgement.AcknowledgeLeadHandler;
import com.leadhandoff.acknowledgement.Acknowledgement;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.Joined;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.logging.PersonalData;
import com.leadhandoff.ownership.MatchLeadHandler;
import com.leadhandoff.ownership.MatchResult;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Route;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.scoring.Score;
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
import java.util.Optional;
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
  }

  @Override
  protected Output handle(Input input) {
    cache.forget();
    try {
      return takeIn(input);
    } catch (RuntimeException e) {
      // The acknowledgement's entry, held for Route Lead's, goes alone before the step fails (it
      // may be parked after its retries; a retry finds it and sends and records nothing again).
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
    // The acknowledgement's entry, unless it went with Route Lead's, before the task is answered:
    // once it is, nothing runs this invocation again to write it.
    cache.writeHeld();
    return new Output(
        leadId, taken.answer().give(answers, input.taskToken()), taken.acknowledged());
  }

  /** How the task is answered: with the route, or the turn the lead takes instead. */
  private interface Answer {
    /**
     * @return SUCCEEDED or the turn
     */
    String give(OwnAnswer answers, String token);
  }

  /** What the steps did: the acknowledgement's outcome, and the task's answer still to give. */
  private record Taken(String acknowledged, Answer answer) {}

  private Taken runSteps(String leadId) {
    MatchResult matched = match.apply(new MatchLeadHandler.Input(leadId));
    if (matched.merged()) {
      return new Taken(
          acknowledge(leadId),
          (answers, token) ->
              answers.turn(token, Turns.LEAD_MERGED, "Merged into lead " + matched.mergedInto()));
    }
    for (int run = 1; ; run++) {
      cache.join(leadId);
      try {
        Optional<Taken> taken = scoreAcknowledgeRoute(leadId);
        if (taken.isPresent()) {
          return taken.get();
        }
      } finally {
        cache.leave(leadId);
      }
      if (run >= 2) {
        throw new IllegalStateException(
            "Lead " + leadId + "'s score was refused twice; another try keeps scoring it");
      }
      // Refused: another try scored the lead between this one's read and its write. Everything
      // this one read or took for granted is dropped, and the steps run again as a retry would.
      cache.forget();
    }
  }

  /**
   * Score Lead, Acknowledge Lead and Route Lead, their writes held back and made in one
   * TransactWriteItems (per-lead items only: the score, SCORED, the acknowledgement's claim and
   * unsubscribe link, ACKNOWLEDGED, ROUTED or NO_REP), then the acknowledgement's email. The
   * round-robin turn and the rep's reservation stay writes of their own, in Route Lead: every lead
   * of the team writes them, and concurrent transactions on one item cancel each other.
   *
   * @return empty when the joined write was refused by the score's condition: run again
   */
  private Optional<Taken> scoreAcknowledgeRoute(String leadId) {
    Score scored = score.apply(new ScoreLeadHandler.Input(leadId));
    Acknowledgement acknowledgement = acknowledge.acknowledgement();
    Optional<Acknowledgement.Pending> pending;
    String acknowledged;
    try {
      // GetItem Teams and Query Leads byEmailDomain (the promise's teams, read once for Route
      // Lead too); nothing written.
      pending = acknowledgement.prepare(leadId);
      pending.ifPresent(p -> cache.hold(leadId, p.beforeEmail()));
      acknowledged = pending.isPresent() ? "ACKNOWLEDGED" : "ALREADY_ACKNOWLEDGED";
    } catch (RuntimeException e) {
      // Recorded (held for the joined write) instead of failing the step, as acknowledge does.
      pending = Optional.empty();
      acknowledged = recordFailure(leadId, e);
    }
    Route routed = null;
    if (scored.qualified()) {
      try {
        routed = route.apply(new RouteLeadHandler.Input(leadId));
      } catch (RuntimeException e) {
        acknowledgeBeforeFailing(leadId, pending, e);
        throw e;
      }
    }
    // TransactWriteItems Leads + History + Unsubscribes: everything the three steps decided, the
    // acknowledgement's claim and entry before its email, so a retry never sends it twice.
    Joined written;
    try {
      written =
          cache.writeJoined(
              leadId,
              pending.map(p -> p.email().action()),
              pending.flatMap(p -> p.email().outgoing().before()));
    } catch (RuntimeException e) {
      // Stored all the same (the answer to a committed transaction lost): go on as written, and
      // the prospect gets the email the claim was taken for. Else nothing is stored, and the
      // step's retry runs the three steps again.
      if (!landedAfterAll(leadId, e)) {
        throw e;
      }
      written = Joined.WRITTEN;
    }
    if (written == Joined.CLAIM_TAKEN) {
      // An earlier try claimed the email and stopped before it was recorded (as LeadMailer finds
      // a claim taken): it may have gone, so it is not sent again, and the entry says so.
      cache.replaceHeld(
          leadId,
          pending.orElseThrow().beforeEmail(),
          Optional.of(pending.get().after(LeadMailer.Delivery.UNCONFIRMED)));
      pending = Optional.empty();
      written = cache.writeJoined(leadId, Optional.empty(), Optional.empty());
    }
    if (written == Joined.REFUSED) {
      scoreRefused(leadId, scored);
      return Optional.empty();
    }
    if (pending.isPresent()) {
      acknowledged = send(leadId, pending.get());
    } else if (acknowledged.equals("ALREADY_ACKNOWLEDGED")) {
      noteUnconfirmed(leadId, acknowledgement);
    }
    String outcome = acknowledged;
    if (!scored.qualified()) {
      return Optional.of(
          new Taken(
              outcome,
              (answers, token) ->
                  answers.turn(
                      token,
                      Turns.LEAD_NOT_QUALIFIED,
                      scored.points()
                          + " points ("
                          + scored.tier()
                          + ") is below the bar for sales")));
    }
    Route route = routed;
    if (route.found()) {
      return Optional.of(new Taken(outcome, (answers, token) -> answers.succeed(token, route)));
    }
    String turn = route.offersMade() == 0 ? Turns.NO_REP_AVAILABLE : Turns.OFFERS_EXHAUSTED;
    return Optional.of(
        new Taken(outcome, (answers, token) -> answers.turn(token, turn, route.reason())));
  }

  private boolean landedAfterAll(String leadId, RuntimeException failure) {
    try {
      return cache.landed(leadId);
    } catch (RuntimeException unread) {
      failure.addSuppressed(unread);
      return false;
    }
  }

  /**
   * The joined write refused by the score's condition: what this try took for the route it never
   * recorded is given back, and a lead that cannot take a score (parked) fails the step as Score
   * Lead fails it.
   */
  private void scoreRefused(String leadId, Score scored) {
    for (HistoryEvent entry : cache.heldEntries(leadId)) {
      route.giveBack(entry);
    }
    score.scoreRefused(leadId, scored);
  }

  /**
   * Sends the acknowledgement whose claim and entry were just written. A refusal by SES (after the
   * SDK's retries) withdraws the entry and records ACKNOWLEDGEMENT_FAILED in one write, giving the
   * claim up, and the handoff goes on: the prospect's email never holds up the rep's.
   */
  private String send(String leadId, Acknowledgement.Pending pending) {
    boolean sent;
    try {
      sent = pending.email().outgoing().deliver();
    } catch (RuntimeException refused) {
      LOG.warn("Acknowledging lead failed: {}", refused.getClass().getName());
      try {
        // Query History (the entry's key, at its instant) and one TransactWriteItems: only when
        // SES refused.
        cache
            .written()
            .withdraw(
                leadId,
                pending.beforeEmail(),
                acknowledge
                    .acknowledgement()
                    .failure(refused.getClass().getName(), String.valueOf(refused.getMessage())),
                pending.email().action());
        return "FAILURE_RECORDED";
      } catch (RuntimeException notRecorded) {
        // The class and a scrubbed message only: SES names the refused addresses in its messages.
        LOG.warn(
            "Recording the failed acknowledgement failed too: {}: {}",
            notRecorded.getClass().getName(),
            PersonalData.scrub(String.valueOf(notRecorded.getMessage())));
        return "FAILURE_NOT_RECORDED";
      }
    }
    if (!sent) {
      // Held back (never for this transactional email today): the entry says so.
      HistoryEvent entry = pending.beforeEmail();
      cache.written().amend(leadId, entry, entry.summary() + LeadMailer.Delivery.HELD_BACK.note());
    }
    return "ACKNOWLEDGED";
  }

  /**
   * A retry that finds the acknowledgement written before its email by an earlier try, which
   * stopped before its answer: whether the email went nothing tells, so it is not sent again, and
   * its entry says it may not have arrived, as when a try stops between its email and its record.
   */
  private void noteUnconfirmed(String leadId, Acknowledgement acknowledgement) {
    try {
      acknowledgement
          .unconfirmedEarlier(leadId)
          .ifPresent(
              entry ->
                  cache
                      .written()
                      .amend(
                          leadId, entry, entry.summary() + LeadMailer.Delivery.UNCONFIRMED.note()));
    } catch (RuntimeException e) {
      LOG.warn("Noting the acknowledgement unconfirmed failed: {}", e.getClass().getName());
    }
  }

  /**
   * Route Lead failed (after the SDK's retries): the prospect is still acknowledged before the step
   * fails, as the email went before routing when each step wrote its own. The score, SCORED and the
   * email's claim and link are written in one request (nothing of the route: the retry routes), the
   * email sent, and its entry written after it, so the retry finds it confirmed.
   */
  private void acknowledgeBeforeFailing(
      String leadId, Optional<Acknowledgement.Pending> pending, RuntimeException failure) {
    try {
      pending.ifPresent(p -> cache.replaceHeld(leadId, p.beforeEmail(), Optional.empty()));
      Joined written =
          cache.writeJoined(
              leadId,
              pending.map(p -> p.email().action()),
              pending.flatMap(p -> p.email().outgoing().before()));
      if (pending.isEmpty() || written == Joined.REFUSED) {
        return;
      }
      Acknowledgement.Pending p = pending.get();
      if (written == Joined.CLAIM_TAKEN) {
        cache.hold(leadId, p.after(LeadMailer.Delivery.UNCONFIRMED));
        cache.writeJoined(leadId, Optional.empty(), Optional.empty());
        return;
      }
      LeadHistory history = cache.written();
      try {
        boolean sent = p.email().outgoing().deliver();
        history.record(
            leadId, p.after(sent ? LeadMailer.Delivery.SENT : LeadMailer.Delivery.HELD_BACK));
      } catch (RuntimeException refused) {
        history.release(leadId, p.email().action());
        history.record(
            leadId,
            acknowledge
                .acknowledgement()
                .failure(refused.getClass().getName(), String.valueOf(refused.getMessage())));
      }
    } catch (RuntimeException notAcknowledged) {
      failure.addSuppressed(notAcknowledged);
    }
  }

  /** Records (held for the joined write) that the acknowledgement could not be prepared. */
  private String recordFailure(String leadId, RuntimeException e) {
    LOG.warn("Acknowledging lead failed: {}", e.getClass().getName());
    try {
      acknowledge
          .acknowledgement()
          .recordFailure(leadId, e.getClass().getName(), String.valueOf(e.getMessage()));
      return "FAILURE_RECORDED";
    } catch (RuntimeException recordFailed) {
      LOG.warn(
          "Recording the failed acknowledgement failed too: {}: {}",
          recordFailed.getClass().getName(),
          PersonalData.scrub(String.valueOf(recordFailed.getMessage())));
      return "FAILURE_NOT_RECORDED";
    }
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
        // The class and a scrubbed message only: SES names the refused addresses in its messages.
        LOG.warn(
            "Recording the failed acknowledgement failed too: {}: {}",
            recordFailed.getClass().getName(),
            PersonalData.scrub(String.valueOf(recordFailed.getMessage())));
        return "FAILURE_NOT_RECORDED";
      }
    }
  }
}
