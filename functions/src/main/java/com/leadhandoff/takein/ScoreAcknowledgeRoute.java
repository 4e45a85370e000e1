package com.leadhandoff.takein;

import com.leadhandoff.acknowledgement.AcknowledgeLeadHandler;
import com.leadhandoff.acknowledgement.Acknowledgement;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.Joined;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.routing.Route;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreLeadHandler;
import com.leadhandoff.takein.TakeInLeadHandler.Taken;
import com.leadhandoff.workflow.Turns;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Take In Lead's steps for a lead that was not merged: Score Lead, Acknowledge Lead and Route Lead,
 * whose own writes are held back ({@link InvocationCache#join}) and made in one TransactWriteItems,
 * then the acknowledgement's email; and what a retry, a refused email or a failed route does
 * instead (docs/failures.md, "Emails after a crash").
 */
final class ScoreAcknowledgeRoute {
  // Under the handler's name, as these lines were logged before the flow had a class of its own.
  private static final Logger LOG = LoggerFactory.getLogger(TakeInLeadHandler.class);

  private final ScoreLeadHandler score;
  private final AcknowledgeLeadHandler acknowledge;
  private final RouteLeadHandler route;
  private final InvocationCache cache;

  ScoreAcknowledgeRoute(
      ScoreLeadHandler score,
      AcknowledgeLeadHandler acknowledge,
      RouteLeadHandler route,
      InvocationCache cache) {
    this.score = score;
    this.acknowledge = acknowledge;
    this.route = route;
    this.cache = cache;
  }

  /** Runs the three steps for lead {@code leadId}, again once if another try scored it first. */
  Taken run(String leadId) {
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
        return TakeInLeadHandler.notRecorded(notRecorded);
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
      return TakeInLeadHandler.notRecorded(recordFailed);
    }
  }
}
