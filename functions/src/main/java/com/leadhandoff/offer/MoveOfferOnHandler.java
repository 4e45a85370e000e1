package com.leadhandoff.offer;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.routing.Route;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.task.OwnAnswer;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import com.leadhandoff.workflow.Turns;
import java.util.Map;

/**
 * "Move Offer On": what happens when a wait of "Offer To Rep" ends without an acceptance. Invoked
 * with {@code .waitForTaskToken}, it answers its own token with the route of the next wait, which
 * lands at {@code $.route}:
 *
 * <ul>
 *   <li>the wait timed out and a reminder is due: the same offer with that reminder next, without
 *       any I/O (this step is the one transition a reminder costs besides its wait);
 *   <li>the last wait timed out, or the rep declined: the offer is closed ({@link
 *       CloseOfferHandler}) and the lead routed to the next rep ({@link RouteLeadHandler}).
 * </ul>
 *
 * Or with a {@link Turns}: {@code AcceptedMeanwhile} when the rep accepted as the last wait ended,
 * {@code OffersExhausted} when no rep is left (the manager gets the lead), {@code NoRepAvailable}
 * when none was ever eligible.
 */
public final class MoveOfferOnHandler
    extends TaskHandler<MoveOfferOnHandler.Input, MoveOfferOnHandler.Output> {
  /** The error Step Functions fails a task with when its wait times out. */
  static final String TIMEOUT = "States.Timeout";

  /**
   * The task's payload.
   *
   * @param route the offer whose wait ended ({@code $.route})
   * @param failure how it ended, as the Catch put it: {@code States.Timeout} or {@code
   *     OfferDeclined} under {@code Error}
   * @param taskToken the token this step answers
   */
  public record Input(String leadId, Route route, Map<String, Object> failure, String taskToken) {}

  /**
   * What was done; the execution history shows it.
   *
   * @param move REMINDER_DUE, OFFERED_ON, or the turn the task was failed with
   * @param closed how the offer was closed; absent when a reminder was due
   */
  public record Output(String offerId, String move, String closed) {}

  private final CloseOfferHandler close;
  private final RouteLeadHandler route;
  private final OwnAnswer answers;

  /** For Lambda: each step from the function's settings. */
  public MoveOfferOnHandler() {
    this(
        new CloseOfferHandler(),
        new RouteLeadHandler(),
        // Callbacks need no state machine ARN: the task token names the waiting task.
        new OwnAnswer(new StepFunctionsWorkflow(AwsClients.stepFunctions(), "")));
  }

  /** For tests: the steps to run and where the answer goes. */
  public MoveOfferOnHandler(CloseOfferHandler close, RouteLeadHandler route, OwnAnswer answers) {
    super(Input.class);
    this.close = close;
    this.route = route;
    this.answers = answers;
  }

  @Override
  protected Output handle(Input input) {
    Route offered = input.route();
    if (input.leadId() == null || offered == null || offered.offerId() == null) {
      throw new IllegalArgumentException("Move Offer On needs leadId and the route of an offer");
    }
    if (input.taskToken() == null || input.failure() == null) {
      throw new IllegalArgumentException("Move Offer On needs taskToken and failure");
    }
    String error = String.valueOf(input.failure().get("Error"));
    String token = input.taskToken();
    boolean timedOut = TIMEOUT.equals(error);
    if (timedOut && offered.next() != null && offered.next().due()) {
      answers.succeed(token, offered.remindNext());
      return new Output(offered.offerId(), "REMINDER_DUE", null);
    }
    if (!timedOut && !OfferAnswers.DECLINED_ERROR.equals(error)) {
      throw new IllegalArgumentException(
          "Move Offer On moves on from a timeout or a decline, not from " + error);
    }
    OfferCloser.Closed closed =
        close.apply(
            new CloseOfferHandler.Input(
                input.leadId(),
                offered.offerId(),
                timedOut ? OfferCloser.Reason.TIMED_OUT : OfferCloser.Reason.DECLINED));
    String how = closed.outcome().name();
    if (closed.outcome() == OfferCloser.Outcome.ACCEPTED) {
      return new Output(
          offered.offerId(),
          answers.turn(
              token, Turns.ACCEPTED_MEANWHILE, offered.repName() + " accepted as the wait ended"),
          how);
    }
    if (!closed.offersLeft()) {
      return new Output(
          offered.offerId(),
          answers.turn(
              token, Turns.OFFERS_EXHAUSTED, "The lead was offered to every rep it may be"),
          how);
    }
    Route next = route.apply(new RouteLeadHandler.Input(input.leadId()));
    if (next.found()) {
      answers.succeed(token, next);
      return new Output(offered.offerId(), "OFFERED_ON", how);
    }
    String turn = next.offersMade() == 0 ? Turns.NO_REP_AVAILABLE : Turns.OFFERS_EXHAUSTED;
    return new Output(offered.offerId(), answers.turn(token, turn, next.reason()), how);
  }
}
