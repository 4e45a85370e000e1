package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real statemachines/lead-handoff.asl.json on a virtual clock with fake functions. The
 * fakes of Take In Lead and Move Offer On answer their own task token, as the real ones do.
 */
class LeadHandoffDefinitionTest {
  private static final Map<String, String> SUBSTITUTIONS =
      Map.ofEntries(
          Map.entry("TakeInLeadFunctionArn", FN + "TakeInLead"),
          Map.entry("NurtureLeadFunctionArn", FN + "NurtureLead"),
          Map.entry("RecycleLeadFunctionArn", FN + "RecycleLead"),
          Map.entry("OfferToRepFunctionArn", FN + "OfferToRep"),
          Map.entry("MoveOfferOnFunctionArn", FN + "MoveOfferOn"),
          Map.entry("CloseOfferFunctionArn", FN + "CloseOffer"),
          Map.entry("EscalateToManagerFunctionArn", FN + "EscalateToManager"),
          Map.entry("QueueLeadFunctionArn", FN + "QueueLead"),
          Map.entry("FollowUpFunctionArn", FN + "FollowUp"),
          Map.entry("ParkLeadFunctionArn", FN + "ParkLead"));

  /** Take In Lead's route for a 900 s offer without reminders. */
  private static final String ROUTE =
      "{\"found\":true,\"repId\":\"rep-1\",\"offerId\":\"offer-1\","
          + "\"timeoutSeconds\":900,\"waitSeconds\":900,\"next\":{\"due\":false}}";

  /** Take In Lead's route for a 900 s offer with reminders after 450 s and 720 s. */
  private static final String ROUTE_WITH_REMINDERS =
      "{\"found\":true,\"repId\":\"rep-1\",\"offerId\":\"offer-1\",\"timeoutSeconds\":900,"
          + "\"waitSeconds\":450,\"next\":{\"due\":true,\"number\":1,\"waitSeconds\":270,"
          + "\"next\":{\"due\":true,\"number\":2,\"waitSeconds\":180,\"next\":{\"due\":false}}}}";

  private EngineFixture fixture;
  private String machine;

  @BeforeEach
  void createMachine() throws IOException {
    String raw = Files.readString(definitionFile());
    fixture = new EngineFixture();
    takeInAnswers(ROUTE);
    fixture
        .function("QueueLead", p -> json("{\"role\":\"QUEUE\"}"))
        .function("NurtureLead", p -> json("{}"))
        .function("OfferToRep", p -> json("{\"sent\":true}"))
        .function("FollowUp", p -> json("{}"))
        .function("EscalateToManager", p -> json("{}"))
        .function("ParkLead", p -> json("{}"));
    // Move Offer On as the real one decides: the next reminder when one is due, else a turn.
    moveOnTurnsAtTheDeadline("OffersExhausted");
    machine =
        fixture.engine.createStateMachine(
            "LeadHandoff", DefinitionSubstitutions.apply(raw, SUBSTITUTIONS));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Path definitionFile() {
    Path fromModule = Path.of("../statemachines/lead-handoff.asl.json");
    return Files.exists(fromModule) ? fromModule : Path.of("statemachines/lead-handoff.asl.json");
  }

  /** Take In Lead answers its token with {@code route}. */
  private void takeInAnswers(String route) {
    fixture.function(
        "TakeInLead",
        p -> {
          fixture.engine.sendTaskSuccess(p.path("taskToken").asText(), route);
          return json("{}");
        });
  }

  /** Take In Lead fails its task with the turn {@code error}. */
  private void takeInTurns(String error) {
    fixture.function(
        "TakeInLead",
        p -> {
          fixture.engine.sendTaskFailure(
              p.path("taskToken").asText(), Optional.of(error), Optional.of("the test's turn"));
          return json("{}");
        });
  }

  /**
   * Move Offer On moves to the route's next reminder while one is due, then turns {@code error}.
   */
  private void moveOnTurnsAtTheDeadline(String error) {
    fixture.function(
        "MoveOfferOn",
        p -> {
          String token = p.path("taskToken").asText();
          JsonNode route = p.path("route");
          JsonNode next = route.path("next");
          boolean timedOut = p.path("failure").path("Error").asText().equals("States.Timeout");
          if (timedOut && next.path("due").asBoolean()) {
            ObjectNode reminded = ((ObjectNode) route).deepCopy();
            reminded.put("waitSeconds", next.path("waitSeconds").asInt());
            reminded.set("next", next.path("next"));
            reminded.put("reminder", next.path("number").asInt());
            fixture.engine.sendTaskSuccess(token, reminded.toString());
          } else {
            fixture.engine.sendTaskFailure(
                token, Optional.of(error), Optional.of("the test's turn"));
          }
          return json("{}");
        });
  }

  @Test
  void acceptedOffer_followsUpAndSucceeds_inThreeTransitions() {
    // GIVEN a lead Take In Lead routes to a rep
    String arn = start();

    // WHEN the rep accepts the offer through the task token
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    String token = fixture.lastToken(FN + "OfferToRep", "taskToken");
    fixture.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    fixture.engine.awaitIdle();

    // THEN Follow Up gets the answer and the execution succeeds
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(List.of("Take In Lead", "Offer To Rep", "Follow Up"), fixture.statesEntered(arn));
    assertEquals("ACCEPTED", fixture.output(arn).path("answer").path("outcome").asText());
    assertEquals(
        "offer-1", fixture.invocations.get(1).payload().path("route").path("offerId").asText());
    assertEquals(
        "ACCEPTED", fixture.invocations.get(2).payload().path("answer").path("outcome").asText());
  }

  @Test
  void offerNotAnsweredBeforeDeadline_movesTheOfferOn_andAnEndedLadderEscalates() {
    // GIVEN an offer waiting for the rep with a 900 s deadline
    String arn = start();
    String token = fixture.lastToken(FN + "OfferToRep", "taskToken");

    // WHEN 899 s pass, the offer still waits; at 900 s it times out
    fixture.clock.advance(Duration.ofSeconds(899));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));
    fixture.engine.awaitIdle();

    // THEN Move Offer On hears of the timeout, its turn takes the lead to the manager, and a late
    // accept is refused
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Move Offer On", "Escalate To Manager"),
        fixture.statesEntered(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    HistoryEvent timedOut =
        fixture.engine.getExecutionHistory(arn).stream()
            .filter(e -> e.type().equals("TaskTimedOut"))
            .findFirst()
            .orElseThrow();
    assertEquals("States.Timeout", timedOut.detail("error").orElseThrow());
    assertEquals(
        EngineFixture.T0.plusSeconds(900), fixture.invocationTimes(FN + "MoveOfferOn").get(0));
    assertEquals("OffersExhausted", fixture.output(arn).path("turn").path("Error").asText());
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}"));
  }

  @Test
  void offerWithReminders_waitsUntilEachOne_thenMovesOnAtTheDeadline() {
    // GIVEN an offer whose route has two reminders
    takeInAnswers(ROUTE_WITH_REMINDERS);
    String arn = start();

    // WHEN nobody answers for the whole window
    fixture.clock.advance(Duration.ofSeconds(450));
    fixture.engine.awaitIdle();
    fixture.clock.advance(Duration.ofSeconds(270));
    fixture.engine.awaitIdle();
    fixture.clock.advance(Duration.ofSeconds(179));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));
    fixture.engine.awaitIdle();

    // THEN each reminder's wait started at its own time, naming it, and the deadline moved on
    assertEquals(
        List.of(
            EngineFixture.T0, EngineFixture.T0.plusSeconds(450), EngineFixture.T0.plusSeconds(720)),
        fixture.invocationTimes(FN + "OfferToRep"));
    List<Integer> reminders =
        fixture.invocations.stream()
            .filter(i -> i.function().equals(FN + "OfferToRep"))
            .map(i -> i.payload().path("route").path("reminder").asInt(0))
            .toList();
    assertEquals(List.of(0, 1, 2), reminders, "0: the offer itself");
    assertEquals(
        List.of(
            EngineFixture.T0.plusSeconds(450),
            EngineFixture.T0.plusSeconds(720),
            EngineFixture.T0.plusSeconds(900)),
        fixture.invocationTimes(FN + "MoveOfferOn"));
    assertEquals(
        List.of(
            "Take In Lead",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Move Offer On",
            "Offer To Rep",
            "Move Offer On",
            "Escalate To Manager"),
        fixture.statesEntered(arn),
        "no Choice or Pass state per reminder");
  }

  @Test
  void answerAfterAReminder_resumesTheRemindersWait() {
    // GIVEN an offer that has had its first reminder
    takeInAnswers(ROUTE_WITH_REMINDERS);
    String arn = start();
    fixture.clock.advance(Duration.ofSeconds(450));
    fixture.engine.awaitIdle();

    // WHEN the rep accepts, which resumes the wait whose token the reminder stored
    String token = fixture.lastToken(FN + "OfferToRep", "taskToken");
    fixture.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    fixture.engine.awaitIdle();

    // THEN the lead is followed up and no second reminder is due
    fixture.clock.advance(Duration.ofSeconds(900));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(2, fixture.invocationTimes(FN + "OfferToRep").size());
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Move Offer On", "Offer To Rep", "Follow Up"),
        fixture.statesEntered(arn));
  }

  @Test
  void declinedOffer_movesOnToTheNextRepsOffer() {
    // GIVEN Move Offer On routes a declined lead to a second rep
    String arn = start();
    fixture.function(
        "MoveOfferOn",
        p -> {
          fixture.engine.sendTaskSuccess(
              p.path("taskToken").asText(), ROUTE.replace("offer-1", "offer-2"));
          return json("{}");
        });

    // WHEN the rep declines
    fixture.engine.sendTaskFailure(
        fixture.lastToken(FN + "OfferToRep", "taskToken"),
        Optional.of("OfferDeclined"),
        Optional.of("not my territory"));
    fixture.engine.awaitIdle();

    // THEN Move Offer On hears of the decline and the second offer waits
    JsonNode moved = fixture.invocations.get(2).payload();
    assertEquals("OfferDeclined", moved.path("failure").path("Error").asText());
    assertEquals("offer-1", moved.path("route").path("offerId").asText());
    assertEquals(
        "offer-2", fixture.invocations.get(3).payload().path("route").path("offerId").asText());
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Move Offer On", "Offer To Rep"),
        fixture.statesEntered(arn));
  }

  @Test
  void acceptedAsTheLastWaitEnded_isFollowedUp() {
    // GIVEN Move Offer On finds the offer accepted when the deadline's timeout reaches it
    moveOnTurnsAtTheDeadline("AcceptedMeanwhile");
    String arn = start();

    // WHEN the deadline passes
    fixture.clock.advance(Duration.ofSeconds(900));
    fixture.engine.awaitIdle();

    // THEN Follow Up gets the turn as the answer and the execution succeeds
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Move Offer On", "Follow Up"),
        fixture.statesEntered(arn));
    assertEquals(
        "AcceptedMeanwhile",
        fixture.invocations.get(3).payload().path("answer").path("Error").asText());
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
  }

  @Test
  void unqualifiedLead_isNurtured() {
    // GIVEN Take In Lead turns the lead to nurture
    takeInTurns("LeadNotQualified");

    // WHEN it runs
    String arn = start();

    // THEN it ends at Nurture Lead without an offer
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(List.of("Take In Lead", "Nurture Lead"), fixture.statesEntered(arn));
  }

  @Test
  void secondSubmissionOfAnOpenLead_isMerged_andNeitherScoredNorOffered() {
    // GIVEN Take In Lead merges the lead into an open lead of the same address
    takeInTurns("LeadMerged");

    // WHEN it runs
    String arn = start();

    // THEN it ends at Merged: no offer
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(List.of("Take In Lead", "Merged"), fixture.statesEntered(arn));
    assertTrue(fixture.invocationTimes(FN + "OfferToRep").isEmpty());
  }

  @Test
  void noRepEverOffered_isQueued() {
    // GIVEN Take In Lead finds nobody for a lead no rep was ever offered
    takeInTurns("NoRepAvailable");

    String arn = start();

    assertEquals(List.of("Take In Lead", "Queue Lead"), fixture.statesEntered(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(0, fixture.invocationTimes(FN + "EscalateToManager").size());
  }

  @Test
  void takeInLeadThatNeverAnswers_isParkedAfterItsTimeout() {
    // GIVEN a Take In Lead that returns without answering its token
    fixture.function("TakeInLead", p -> json("{}"));
    String arn = start();

    // WHEN its 900 s timeout passes
    fixture.clock.advance(Duration.ofSeconds(900));
    fixture.engine.awaitIdle();

    // THEN the lead is parked: never left waiting forever
    assertEquals(
        List.of("Take In Lead", "Park Lead", "Needs Attention"), fixture.statesEntered(arn));
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
  }

  @Test
  void followUpRefusingTheAnswer_parksTheLead() {
    // GIVEN a Follow Up that refuses what the wait ended with
    fixture.function(
        "FollowUp",
        p -> {
          throw LambdaFailure.functionError(
              "com.leadhandoff.followup.UnexpectedAnswer", "not an acceptance", List.of());
        });
    String arn = start();

    // WHEN the wait ends with something other than an acceptance
    fixture.engine.sendTaskSuccess(
        fixture.lastToken(FN + "OfferToRep", "taskToken"), "{\"outcome\":\"MAYBE\"}");
    fixture.engine.awaitIdle();

    // THEN the lead is parked
    assertEquals(
        List.of("Take In Lead", "Offer To Rep", "Follow Up", "Park Lead", "Needs Attention"),
        fixture.statesEntered(arn));
  }

  private String start() {
    return start("lead-1");
  }

  private String start(String leadId) {
    String arn =
        fixture
            .engine
            .startExecution(machine, Optional.of(leadId), "{\"leadId\":\"" + leadId + "\"}")
            .executionArn();
    fixture.engine.awaitIdle();
    return arn;
  }
}
