package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Runs the real statemachines/lead-handoff.asl.json on a virtual clock with fake functions. */
class LeadHandoffDefinitionTest {
  private static final Map<String, String> SUBSTITUTIONS =
      Map.ofEntries(
          Map.entry("MatchLeadFunctionArn", FN + "MatchLead"),
          Map.entry("ScoreLeadFunctionArn", FN + "ScoreLead"),
          Map.entry("AcknowledgeLeadFunctionArn", FN + "AcknowledgeLead"),
          Map.entry("NurtureLeadFunctionArn", FN + "NurtureLead"),
          Map.entry("RecycleLeadFunctionArn", FN + "RecycleLead"),
          Map.entry("RouteLeadFunctionArn", FN + "RouteLead"),
          Map.entry("OfferToRepFunctionArn", FN + "OfferToRep"),
          Map.entry("CloseOfferFunctionArn", FN + "CloseOffer"),
          Map.entry("RemindRepFunctionArn", FN + "RemindRep"),
          Map.entry("EscalateToManagerFunctionArn", FN + "EscalateToManager"),
          Map.entry("QueueLeadFunctionArn", FN + "QueueLead"),
          Map.entry("FollowUpFunctionArn", FN + "FollowUp"),
          Map.entry("ParkLeadFunctionArn", FN + "ParkLead"));

  private EngineFixture fixture;
  private String machine;

  @BeforeEach
  void createMachine() throws IOException {
    String raw = Files.readString(definitionFile());
    fixture = new EngineFixture();
    fixture
        .function("MatchLead", p -> json("{\"merged\":false}"))
        .function("ScoreLead", p -> json("{\"qualified\":true,\"score\":80}"))
        .function("AcknowledgeLead", p -> json("{\"outcome\":\"ACKNOWLEDGED\"}"))
        .function("QueueLead", p -> json("{\"role\":\"QUEUE\"}"))
        .function(
            "RouteLead",
            p ->
                json(
                    "{\"found\":true,\"repId\":\"rep-1\",\"offerId\":\"offer-1\","
                        + "\"timeoutSeconds\":900,\"waitSeconds\":900,\"next\":{\"due\":false}}"))
        .function("OfferToRep", p -> json("{\"sent\":true}"))
        .function("RemindRep", p -> json("{\"result\":\"SENT\"}"))
        .function("FollowUp", p -> json("{}"))
        .function("CloseOffer", p -> json("{\"outcome\":\"TIMED_OUT\",\"offersLeft\":false}"))
        .function("EscalateToManager", p -> json("{}"))
        .function("ParkLead", p -> json("{}"));
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

  @Test
  void acceptedOffer_followsUpAndSucceeds() {
    // GIVEN a lead that scores as qualified and a rep to offer it to
    String arn = start();

    // WHEN the rep accepts the offer through the task token
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    String token = fixture.lastToken(FN + "OfferToRep", "taskToken");
    fixture.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    fixture.engine.awaitIdle();

    // THEN the lead is followed up and the execution succeeds at Handed Off
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(
        List.of(
            "Match Lead",
            "Duplicate?",
            "Score Lead",
            "Acknowledge Lead",
            "Qualified?",
            "Route Lead",
            "Rep Found?",
            "Offer To Rep",
            "Accepted?",
            "Follow Up",
            "Handed Off"),
        fixture.statesEntered(arn));
    assertEquals("ACCEPTED", fixture.output(arn).path("answer").path("outcome").asText());
    assertEquals(
        "offer-1", fixture.invocations.get(4).payload().path("route").path("offerId").asText());
  }

  @Test
  void offerNotAnsweredBeforeDeadline_recordsMissedOfferAndEscalates() {
    // GIVEN an offer waiting for the rep with a 900 s deadline
    String arn = start();
    String token = fixture.lastToken(FN + "OfferToRep", "taskToken");

    // WHEN 899 s pass, the offer still waits; at 900 s it times out
    fixture.clock.advance(Duration.ofSeconds(899));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));
    fixture.engine.awaitIdle();

    // THEN the miss is recorded, the manager gets it, and a late accept is refused
    List<String> states = fixture.statesEntered(arn);
    assertTrue(states.contains("Record Missed Offer"), states.toString());
    assertEquals("Escalated", states.get(states.size() - 1));
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    HistoryEvent timedOut =
        fixture.engine.getExecutionHistory(arn).stream()
            .filter(e -> e.type().equals("TaskTimedOut"))
            .findFirst()
            .orElseThrow();
    assertEquals("States.Timeout", timedOut.detail("error").orElseThrow());
    assertEquals(
        EngineFixture.T0.plusSeconds(900), fixture.invocationTimes(FN + "CloseOffer").get(0));
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}"));
  }

  /** Route Lead's answer for a 900 s offer with reminders after 450 s and 720 s. */
  private static final String ROUTE_WITH_REMINDERS =
      "{\"found\":true,\"repId\":\"rep-1\",\"offerId\":\"offer-1\",\"timeoutSeconds\":900,"
          + "\"waitSeconds\":450,\"next\":{\"due\":true,\"number\":1,\"waitSeconds\":270,"
          + "\"next\":{\"due\":true,\"number\":2,\"waitSeconds\":180,\"next\":{\"due\":false}}}}";

  @Test
  void offerWithReminders_remindsAtEachOne_thenRecordsTheMissAtTheDeadline() {
    // GIVEN an offer whose route has two reminders
    fixture.function("RouteLead", p -> json(ROUTE_WITH_REMINDERS));
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

    // THEN each reminder went out at its own time, and the miss is recorded at the deadline
    assertEquals(
        List.of(EngineFixture.T0.plusSeconds(450), EngineFixture.T0.plusSeconds(720)),
        fixture.invocationTimes(FN + "RemindRep"));
    List<Integer> numbers =
        fixture.invocations.stream()
            .filter(i -> i.payload().has("reminder"))
            .map(i -> i.payload().path("reminder").path("number").asInt())
            .toList();
    assertEquals(List.of(1, 2), numbers);
    assertEquals(
        EngineFixture.T0.plusSeconds(900), fixture.invocationTimes(FN + "CloseOffer").get(0));
    List<String> states = fixture.statesEntered(arn);
    assertEquals(
        List.of(
            "Offer To Rep",
            "Reminder Due?",
            "Remind Rep",
            "Move To Next Reminder",
            "Reminder Due?",
            "Remind Rep",
            "Move To Next Reminder",
            "Reminder Due?",
            "Record Missed Offer"),
        states.subList(7, 16));
  }

  @Test
  void answerAfterAReminder_resumesTheRemindersWait() {
    // GIVEN an offer that has had its first reminder
    fixture.function("RouteLead", p -> json(ROUTE_WITH_REMINDERS));
    String arn = start();
    fixture.clock.advance(Duration.ofSeconds(450));
    fixture.engine.awaitIdle();

    // WHEN the rep accepts, which resumes the wait whose token the reminder stored
    String token = fixture.lastToken(FN + "RemindRep", "taskToken");
    fixture.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    fixture.engine.awaitIdle();

    // THEN the lead is followed up and no second reminder is sent
    fixture.clock.advance(Duration.ofSeconds(900));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(1, fixture.invocationTimes(FN + "RemindRep").size());
    List<String> states = fixture.statesEntered(arn);
    assertEquals(
        List.of("Remind Rep", "Accepted?", "Follow Up", "Handed Off"),
        states.subList(states.size() - 4, states.size()));
  }

  @Test
  void unqualifiedLead_isNurtured() {
    // GIVEN a lead that does not qualify
    fixture.function("ScoreLead", p -> json("{\"qualified\":false}"));
    fixture.function("NurtureLead", p -> json("{}"));

    // WHEN it runs
    String arn = start();

    // THEN it ends at Nurtured without an offer
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(
        List.of(
            "Match Lead",
            "Duplicate?",
            "Score Lead",
            "Acknowledge Lead",
            "Qualified?",
            "Nurture Lead",
            "Nurtured"),
        fixture.statesEntered(arn));
  }

  @Test
  void secondSubmissionOfAnOpenLead_isMerged_andNeitherScoredNorOffered() {
    // GIVEN a lead Match Lead merges into an open lead of the same address
    fixture.function("MatchLead", p -> json("{\"merged\":true,\"mergedInto\":\"lead-0\"}"));

    // WHEN it runs
    String arn = start();

    // THEN the prospect is thanked and it ends at Merged: no score, no offer
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(
        List.of("Match Lead", "Duplicate?", "Acknowledge Merged Lead", "Merged"),
        fixture.statesEntered(arn));
    assertTrue(fixture.invocationTimes(FN + "ScoreLead").isEmpty());
    assertTrue(fixture.invocationTimes(FN + "OfferToRep").isEmpty());
  }

  @Test
  void mergedLeadsAcknowledgementFailing_isRecorded_andTheMergeStands() {
    // GIVEN a merged lead whose acknowledgement SES refuses, and whose recording fails too
    fixture.function("MatchLead", p -> json("{\"merged\":true,\"mergedInto\":\"lead-0\"}"));
    fixture.function(
        "AcknowledgeLead",
        p -> {
          throw LambdaFailure.functionError(
              "software.amazon.awssdk.services.sesv2.model.MessageRejectedException",
              "Email address is not verified",
              List.of());
        });

    // WHEN it runs
    String arn = start();

    // THEN the failure is handed to the recording step, and the run still ends at Merged
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(
        List.of(
            "Match Lead",
            "Duplicate?",
            "Acknowledge Merged Lead",
            "Record Failed Merged Acknowledgement",
            "Merged"),
        fixture.statesEntered(arn));
    assertEquals(
        "software.amazon.awssdk.services.sesv2.model.MessageRejectedException",
        fixture.invocations.get(2).payload().path("failure").path("Error").asText());
  }

  @Test
  void acknowledgementFailing_isRecorded_andTheHandoffGoesOn() {
    // GIVEN SES refuses the acknowledgement: the step fails with an error no Retry names
    fixture.function(
        "AcknowledgeLead",
        p -> {
          if (p.has("failure")) {
            return json("{\"outcome\":\"FAILURE_RECORDED\"}");
          }
          throw LambdaFailure.functionError(
              "software.amazon.awssdk.services.sesv2.model.MessageRejectedException",
              "Email address is not verified",
              List.of());
        });

    // WHEN the lead runs
    String arn = start();

    // THEN the failure is handed to the recording step, and the lead is offered as usual
    assertEquals(
        List.of(
            "Match Lead",
            "Duplicate?",
            "Score Lead",
            "Acknowledge Lead",
            "Record Failed Acknowledgement",
            "Qualified?",
            "Route Lead",
            "Rep Found?",
            "Offer To Rep"),
        fixture.statesEntered(arn));
    JsonNode recorded = fixture.invocations.get(3).payload();
    assertEquals(
        "software.amazon.awssdk.services.sesv2.model.MessageRejectedException",
        recorded.path("failure").path("Error").asText());
    assertEquals("lead-1", recorded.path("leadId").asText());
  }

  @Test
  void evenRecordingTheFailedAcknowledgementFailing_doesNotStopTheHandoff() {
    fixture.function(
        "AcknowledgeLead",
        p -> {
          throw LambdaFailure.functionError("java.lang.IllegalStateException", "broken", List.of());
        });

    String arn = start();

    List<String> states = fixture.statesEntered(arn);
    assertEquals(
        List.of("Record Failed Acknowledgement", "Qualified?", "Route Lead"), states.subList(4, 7));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status(), "waiting on the rep");
  }

  @Test
  void noRepEverOffered_isQueued_whileAnEndedLadderEscalates() {
    // GIVEN routing finds nobody for a lead no rep was ever offered
    fixture.function(
        "RouteLead", p -> json("{\"found\":false,\"reason\":\"all paused\",\"offersMade\":0}"));

    String arn = start();

    assertEquals(
        List.of("Route Lead", "Rep Found?", "Queue Lead", "Queued"),
        fixture.statesEntered(arn).subList(5, 9));
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(0, fixture.invocationTimes(FN + "EscalateToManager").size());

    // AND a lead that had offers before goes to the manager
    fixture.function(
        "RouteLead", p -> json("{\"found\":false,\"reason\":\"ladder ended\",\"offersMade\":3}"));
    String ended = start("lead-2");
    List<String> states = fixture.statesEntered(ended);
    assertEquals(
        List.of("Escalate To Manager", "Escalated"),
        states.subList(states.size() - 2, states.size()));
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
