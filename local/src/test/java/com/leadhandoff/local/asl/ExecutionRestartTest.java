package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.T0;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.ExecutionStore;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.RestoredExecutions;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.asl.eval.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine with a store keeps its executions in files; a new engine on the same folder, as after a
 * restart of the local runtime, shows the closed ones and carries on the waiting ones.
 */
class ExecutionRestartTest {
  private static final String OFFER = FN + "Offer";
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Test:exec-1";
  private static final String INPUT = "{\"lead\":\"L1\",\"slaSeconds\":900}";
  private static final Instant DEADLINE = T0.plusSeconds(900);
  private static final String OFFER_THEN_CONFIRM =
      q(
          "{'StartAt':'Offer','States':{"
              + "'Offer':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
              + "'Parameters':{'FunctionName':'"
              + OFFER
              + "','Payload':{'lead.$':'$.lead','token.$':'$$.Task.Token'}},"
              + "'TimeoutSecondsPath':'$.slaSeconds','ResultPath':'$.answer',"
              + "'Catch':[{'ErrorEquals':['States.Timeout'],'ResultPath':'$.failure',"
              + "'Next':'Escalate'}],'Next':'Confirm'},"
              + "'Confirm':{'Type':'Task','Resource':'"
              + FN
              + "Confirm','ResultPath':'$.confirmed','End':true},"
              + "'Escalate':{'Type':'Pass','Result':'manager','ResultPath':'$.escalatedTo',"
              + "'End':true}}}");

  @TempDir Path dir;
  private final List<EngineFixture> engines = new ArrayList<>();
  private RestoredExecutions restored;

  @AfterEach
  void closeEngines() {
    engines.forEach(EngineFixture::close);
  }

  private EngineFixture engineAt(Instant start, Path folder) {
    EngineFixture engine = new EngineFixture(start, FileExecutionStore.in(folder));
    engine.function("Offer", p -> json("{\"emailed\":true}"));
    engine.function("Confirm", p -> json("\"sent\""));
    engines.add(engine);
    return engine;
  }

  private Path executions() {
    return dir.resolve("executions");
  }

  /** Starts the offer in a first engine and stops that engine; returns the emailed token. */
  private String offerThenStop() {
    EngineFixture first = engineAt(T0, executions());
    first.run(OFFER_THEN_CONFIRM, INPUT);
    String token = first.lastToken(OFFER, "token");
    first.close();
    return token;
  }

  /** A new engine on {@code folder} at {@code at}, its machine created and executions restored. */
  private EngineFixture restart(Instant at, Path folder, String definition) {
    EngineFixture second = engineAt(at, folder);
    second.engine.createStateMachine("Test", definition);
    restored = second.engine.restoreExecutions();
    second.engine.awaitIdle();
    return second;
  }

  @Test
  void sendTaskSuccessWithTheOldToken_afterRestart_completesTheExecution() {
    // GIVEN an execution waiting for the rep's answer when its engine stopped
    String token = offerThenStop();

    // WHEN a new engine restores it and the rep accepts with the token emailed before
    EngineFixture second = restart(T0.plusSeconds(60), executions(), OFFER_THEN_CONFIRM);
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    second.engine.awaitIdle();

    // THEN it carries on from Offer without offering again, in one unbroken history
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("ACCEPTED", second.output(ARN).at("/answer/outcome").asText());
    assertEquals("sent", second.output(ARN).path("confirmed").asText());
    assertEquals(List.of(), second.invocationTimes(OFFER));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        second.eventTypes(ARN));
    List<HistoryEvent> history = second.engine.getExecutionHistory(ARN);
    assertEquals(
        LongStream.rangeClosed(1, history.size()).boxed().toList(),
        history.stream().map(HistoryEvent::id).toList());
    assertEquals(
        history.get(5).id(), history.get(6).previousEventId(), "exit chains to the answer");
  }

  @Test
  void deadline_afterRestart_timesOutAtItsOriginalTimeIntoTheCatch() {
    // GIVEN an execution whose offer times out at T0 + 900 s, its engine stopped
    String token = offerThenStop();

    // WHEN a new engine restores it at T0 + 300 s and time passes the deadline
    EngineFixture second = restart(T0.plusSeconds(300), executions(), OFFER_THEN_CONFIRM);
    second.clock.advanceTo(DEADLINE.minusSeconds(1));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.clock.advanceTo(DEADLINE);

    // THEN the task times out at the original deadline, into the Catch, and the token is spent
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("States.Timeout", second.output(ARN).at("/failure/Error").asText());
    assertEquals("manager", second.output(ARN).path("escalatedTo").asText());
    assertEquals(DEADLINE, event(second, "TaskTimedOut").timestamp());
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> second.engine.sendTaskSuccess(token, "{}"));
  }

  @Test
  void deadlinePassedWhileStopped_timesOutAtOnceOnRestart() {
    offerThenStop();

    EngineFixture second = restart(DEADLINE.plusSeconds(3600), executions(), OFFER_THEN_CONFIRM);

    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("States.Timeout", second.output(ARN).at("/failure/Error").asText());
    assertEquals(List.of("Offer", "Escalate"), second.statesEntered(ARN));
  }

  @Test
  void closedExecution_afterRestart_keepsItsHistoryAndOutcome() {
    // GIVEN an execution that succeeded before its engine stopped
    EngineFixture first = engineAt(T0, executions());
    first.run(OFFER_THEN_CONFIRM, INPUT);
    first.engine.sendTaskSuccess(first.lastToken(OFFER, "token"), "{\"outcome\":\"ACCEPTED\"}");
    first.engine.awaitIdle();
    ExecutionDescription before = first.describe(ARN);
    List<HistoryEvent> historyBefore = first.engine.getExecutionHistory(ARN);
    first.close();

    // WHEN a new engine restores it
    EngineFixture second = restart(T0.plusSeconds(3600), executions(), OFFER_THEN_CONFIRM);

    // THEN it is described, listed and its history read exactly as before
    assertEquals(new RestoredExecutions(1, 0, 0, List.of()), restored);
    assertEquals(before, second.describe(ARN));
    assertEquals(awsJson(historyBefore), awsJson(second.engine.getExecutionHistory(ARN)));
    String machine = second.describe(ARN).stateMachineArn();
    assertEquals(
        List.of(before),
        second.engine.listExecutions(machine, Optional.of(ExecutionStatus.SUCCEEDED)));
  }

  /** Runs the offer, copying the files as they are while the offer Lambda runs (a kill -9). */
  private String offerKilledMidInvocation(Path atCrash) {
    EngineFixture first = engineAt(T0, executions());
    first.function(
        "Offer",
        p -> {
          copyFolder(executions(), atCrash);
          return json("{\"emailed\":true}");
        });
    first.run(OFFER_THEN_CONFIRM, INPUT);
    String token = first.lastToken(OFFER, "token");
    first.close();
    return token;
  }

  @Test
  void killedWhileTheOfferLambdaRan_invokesItAgainWithTheSameTokenAndTheAcceptStillWorks() {
    // GIVEN the files as they were while the offer Lambda ran: a process killed then left these
    Path atCrash = dir.resolve("at-crash");
    String emailedToken = offerKilledMidInvocation(atCrash);

    // WHEN a new engine restores from those files
    EngineFixture second = restart(T0.plusSeconds(60), atCrash, OFFER_THEN_CONFIRM);

    // THEN the offer task is invoked again (at least once), with the same input and token
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    assertEquals(List.of(T0.plusSeconds(60)), second.invocationTimes(OFFER));
    assertEquals(emailedToken, second.lastToken(OFFER, "token"));
    assertEquals("L1", second.invocations.get(0).payload().path("lead").asText());

    // AND the token emailed before the kill completes the execution, in one unbroken history
    second.engine.sendTaskSuccess(emailedToken, "{\"outcome\":\"ACCEPTED\"}");
    second.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("ACCEPTED", second.output(ARN).at("/answer/outcome").asText());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        second.eventTypes(ARN));
    List<HistoryEvent> history = second.engine.getExecutionHistory(ARN);
    assertEquals(
        LongStream.rangeClosed(1, history.size()).boxed().toList(),
        history.stream().map(HistoryEvent::id).toList());
  }

  @Test
  void killedWhileTheOfferLambdaRan_theInvokedAgainTaskKeepsItsFirstDeadline() {
    // GIVEN an offer (SLA 900 s from T0) killed mid-invocation, restored at T0 + 300 s
    Path atCrash = dir.resolve("at-crash");
    String emailedToken = offerKilledMidInvocation(atCrash);
    EngineFixture second = restart(T0.plusSeconds(300), atCrash, OFFER_THEN_CONFIRM);

    // WHEN nobody answers
    second.clock.advanceTo(DEADLINE.minusSeconds(1));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.clock.advanceTo(DEADLINE);

    // THEN it times out at T0 + 900 s, not 900 s after the restart, and the token is spent
    assertEquals("States.Timeout", second.output(ARN).at("/failure/Error").asText());
    assertEquals(DEADLINE, event(second, "TaskTimedOut").timestamp());
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> second.engine.sendTaskSuccess(emailedToken, "{}"));
  }

  @Test
  void killedAfterTheDeadlineOfAnOfferInvokedAgain_timesOutAtOnce() {
    Path atCrash = dir.resolve("at-crash");
    offerKilledMidInvocation(atCrash);

    EngineFixture second = restart(DEADLINE.plusSeconds(60), atCrash, OFFER_THEN_CONFIRM);

    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("States.Timeout", second.output(ARN).at("/failure/Error").asText());
    assertEquals(List.of("Offer", "Escalate"), second.statesEntered(ARN));
  }

  @Test
  void killedWhileAPlainTaskRan_invokesItAgainAndCompletes() {
    // GIVEN the files as they were while the Confirm Lambda (no callback) ran
    Path atCrash = dir.resolve("at-crash");
    EngineFixture first = engineAt(T0, executions());
    first.function(
        "Confirm",
        p -> {
          copyFolder(executions(), atCrash);
          return json("\"sent\"");
        });
    first.run(OFFER_THEN_CONFIRM, INPUT);
    first.engine.sendTaskSuccess(first.lastToken(OFFER, "token"), "{\"outcome\":\"ACCEPTED\"}");
    first.engine.awaitIdle();
    first.close();

    // WHEN a new engine restores from those files
    EngineFixture second = restart(T0.plusSeconds(60), atCrash, OFFER_THEN_CONFIRM);

    // THEN Confirm ran again, the offer did not, and the execution succeeded with the answer
    assertEquals(List.of(T0.plusSeconds(60)), second.invocationTimes(FN + "Confirm"));
    assertEquals(List.of(), second.invocationTimes(OFFER));
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("ACCEPTED", second.output(ARN).at("/answer/outcome").asText());
    assertEquals("sent", second.output(ARN).path("confirmed").asText());
  }

  @Test
  void killedJustAfterTheAnswerWasTaken_recordsThatAnswerOnRestart() {
    // GIVEN every save of an execution whose rep accepted, kept as a kill at that moment would
    RecordingStore recording = new RecordingStore(FileExecutionStore.in(executions()));
    EngineFixture first = new EngineFixture(T0, recording);
    engines.add(first);
    first.function("Offer", p -> json("{\"emailed\":true}"));
    first.function("Confirm", p -> json("\"sent\""));
    first.run(OFFER_THEN_CONFIRM, INPUT);
    String token = first.lastToken(OFFER, "token");
    first.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    first.engine.awaitIdle();
    first.close();
    JsonNode answered =
        recording.saves.stream()
            .filter(n -> n.at("/progress/answer/kind").asText().equals("success"))
            .findFirst()
            .orElseThrow();
    Path atCrash = dir.resolve("at-crash");
    FileExecutionStore.in(atCrash).save(ARN, answered);

    // WHEN a new engine restores from the save made just after the answer was taken
    EngineFixture second = restart(T0.plusSeconds(60), atCrash, OFFER_THEN_CONFIRM);

    // THEN the answer is not lost: the offer is not made again and the execution carries on
    assertEquals(List.of(), second.invocationTimes(OFFER));
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("ACCEPTED", second.output(ARN).at("/answer/outcome").asText());
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> second.engine.sendTaskSuccess(token, "{}"));
  }

  @Test
  void killedAfterTheAnswerWasAcknowledged_beforeTheNextSnapshot_recordsThatAnswerOnRestart() {
    // GIVEN a restored execution waiting for the rep, and a copy of its folder taken at the moment
    // the engine kept the rep's decline, before SendTaskFailure returned and before the execution
    // saved anything more: what a kill at that moment leaves
    String token = offerThenStop();
    Path atCrash = dir.resolve("at-crash");
    ExecutionStore copying =
        new CopyingOnAnswer(
            FileExecutionStore.in(executions()), () -> copyFolder(executions(), atCrash));
    EngineFixture second = new EngineFixture(T0.plusSeconds(30), copying);
    engines.add(second);
    second.function("Offer", p -> json("{\"emailed\":true}"));
    second.function("Confirm", p -> json("\"sent\""));
    second.engine.createStateMachine("Test", OFFER_THEN_CONFIRM);
    second.engine.restoreExecutions();
    second.engine.awaitIdle();
    second.engine.sendTaskSuccess(token, "{\"outcome\":\"DECLINED\"}");
    second.engine.awaitIdle();
    second.close();

    // WHEN a new engine restores from that copy
    EngineFixture third = restart(T0.plusSeconds(60), atCrash, OFFER_THEN_CONFIRM);

    // THEN the acknowledged answer is not lost: no second offer, the execution carries on with it
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    assertEquals(List.of(), third.invocationTimes(OFFER));
    assertEquals(ExecutionStatus.SUCCEEDED, third.describe(ARN).status());
    assertEquals("DECLINED", third.output(ARN).at("/answer/outcome").asText());
    assertThrows(
        StepFunctionsException.TaskTimedOut.class, () -> third.engine.sendTaskSuccess(token, "{}"));
  }

  @Test
  void keptAnswerEditedIntoNonsense_isDropped_andTheTaskWaitsOnWithItsToken() {
    // GIVEN a waiting execution whose kept answer was edited by hand into something unreadable
    String token = offerThenStop();
    FileExecutionStore.in(executions())
        .saveAnswer(
            ARN,
            json(
                "{\"executionArn\":\""
                    + ARN
                    + "\",\"token\":\""
                    + token
                    + "\","
                    + "\"answer\":{\"kind\":\"maybe\"}}"));

    // WHEN a new engine restores it
    EngineFixture second = restart(T0.plusSeconds(60), executions(), OFFER_THEN_CONFIRM);

    // THEN the runtime starts, the execution still waits, and the rep's link still answers it
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    assertEquals(java.util.Map.of(), FileExecutionStore.in(executions()).answers());
    second.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    second.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
  }

  /** A store that runs {@code atAnswer} right after it kept an answer. */
  private static final class CopyingOnAnswer implements ExecutionStore {
    private final ExecutionStore inner;
    private final Runnable atAnswer;

    CopyingOnAnswer(ExecutionStore inner, Runnable atAnswer) {
      this.inner = inner;
      this.atAnswer = atAnswer;
    }

    @Override
    public void save(String executionArn, JsonNode snapshot) {
      inner.save(executionArn, snapshot);
    }

    @Override
    public Loaded loadAll() {
      return inner.loadAll();
    }

    @Override
    public void saveAnswer(String executionArn, JsonNode answer) {
      inner.saveAnswer(executionArn, answer);
      atAnswer.run();
    }

    @Override
    public java.util.Map<String, JsonNode> answers() {
      return inner.answers();
    }

    @Override
    public void deleteAnswer(String executionArn) {
      inner.deleteAnswer(executionArn);
    }
  }

  @Test
  void snapshotTornMidRecord_isSetAsideAndTheOtherExecutionsCarryOn() throws IOException {
    // GIVEN a waiting execution, and beside it a snapshot cut short mid-record
    offerThenStop();
    Files.writeString(executions().resolve("Test~exec-2.json"), "{\"format\":1,\"history\":[{");

    // WHEN a new engine restores the folder
    EngineFixture second = restart(T0.plusSeconds(60), executions(), OFFER_THEN_CONFIRM);

    // THEN the waiting execution resumed and the torn file is named, not fatal
    assertEquals(1, restored.resumed());
    assertEquals(1, restored.notes().size());
    assertTrue(restored.notes().get(0).contains("Test~exec-2.json"), restored.notes().get(0));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
  }

  /** A store that also keeps every snapshot it was given, in order. */
  private static final class RecordingStore implements ExecutionStore {
    final List<JsonNode> saves = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ExecutionStore inner;

    RecordingStore(ExecutionStore inner) {
      this.inner = inner;
    }

    @Override
    public void save(String executionArn, JsonNode snapshot) {
      saves.add(snapshot.deepCopy());
      inner.save(executionArn, snapshot);
    }

    @Override
    public Loaded loadAll() {
      return inner.loadAll();
    }
  }

  @Test
  void waitingStateMissingFromTheNewDefinition_failsNamingIt() {
    offerThenStop();

    String renamed = OFFER_THEN_CONFIRM.replace("\"Offer\"", "\"Offer To Rep\"");
    EngineFixture second = restart(T0.plusSeconds(60), executions(), renamed);

    assertEquals(1, restored.failed());
    assertEquals(ExecutionStatus.FAILED, second.describe(ARN).status());
    assertTrue(
        second.describe(ARN).cause().orElseThrow().contains("no state 'Offer'"),
        second.describe(ARN).cause().get());
  }

  @Test
  void changedDefinitionStillHavingTheState_resumesThere() {
    // GIVEN a waiting execution, and a new definition where Confirm became a Pass state
    String token = offerThenStop();
    String changed =
        OFFER_THEN_CONFIRM.replace(
            q("'Confirm':{'Type':'Task','Resource':'" + FN + "Confirm',"),
            q("'Confirm':{'Type':'Pass','Result':'by hand',"));

    // WHEN the new engine restores it and the rep accepts
    EngineFixture second = restart(T0.plusSeconds(60), executions(), changed);
    second.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    second.engine.awaitIdle();

    // THEN it went on by the new definition
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("by hand", second.output(ARN).path("confirmed").asText());
  }

  @Test
  void waitState_afterRestart_endsAtItsOriginalTime() {
    String waitThenDone =
        q(
            "{'StartAt':'Hold','States':{'Hold':{'Type':'Wait','Seconds':600,'Next':'Done'},"
                + "'Done':{'Type':'Succeed'}}}");
    engineAt(T0, executions()).run(waitThenDone, "{}");
    engines.get(0).close();

    EngineFixture second = restart(T0.plusSeconds(300), executions(), waitThenDone);
    second.clock.advanceTo(T0.plusSeconds(599));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.clock.advanceTo(T0.plusSeconds(600));

    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(T0.plusSeconds(600), event(second, "WaitStateExited").timestamp());
  }

  @Test
  void retryInterval_afterRestart_retriesAtItsOriginalTimeWithItsCountKept() {
    // GIVEN a task that failed once at T0 and retries (once at most) after 120 s
    String retried =
        q(
            "{'StartAt':'Send','States':{'Send':{'Type':'Task','Resource':'"
                + FN
                + "Send','Retry':[{'ErrorEquals':['Transient'],'IntervalSeconds':120,"
                + "'MaxAttempts':1}],'End':true}}}");
    EngineFixture first = engineAt(T0, executions());
    first.function("Send", p -> failTransient());
    first.run(retried, "{}");
    first.close();

    // WHEN a new engine restores it at T0 + 60 s and the retry fails again
    EngineFixture second = restart(T0.plusSeconds(60), executions(), retried);
    second.function("Send", p -> failTransient());
    second.clock.advanceTo(T0.plusSeconds(119));
    assertEquals(List.of(), second.invocationTimes(FN + "Send"));
    second.clock.advanceTo(T0.plusSeconds(600));

    // THEN the retry ran once at T0 + 120 s, and no more: the attempt count survived
    assertEquals(List.of(T0.plusSeconds(120)), second.invocationTimes(FN + "Send"));
    assertEquals(ExecutionStatus.FAILED, second.describe(ARN).status());
    assertEquals("Transient", second.describe(ARN).error().orElseThrow());
  }

  @Test
  void heartbeat_afterRestart_isDueOneIntervalAfterTheLastBeatBeforeTheStop() {
    // GIVEN a callback task that must beat every 60 s, beaten at T0 + 30 s, then stopped
    String beating =
        OFFER_THEN_CONFIRM.replace(
            q("'TimeoutSecondsPath':'$.slaSeconds',"),
            q("'TimeoutSecondsPath':'$.slaSeconds','HeartbeatSeconds':60,"));
    EngineFixture first = engineAt(T0, executions());
    first.run(beating, INPUT);
    first.clock.advance(Duration.ofSeconds(30));
    first.engine.sendTaskHeartbeat(first.lastToken(OFFER, "token"));
    first.engine.awaitIdle();
    first.close();

    // WHEN it restarts at T0 + 80 s, past the first interval, and no beat comes
    EngineFixture second = restart(T0.plusSeconds(80), executions(), beating);
    second.clock.advanceTo(T0.plusSeconds(89));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.clock.advanceTo(T0.plusSeconds(90));

    // THEN the heartbeat timeout fires at T0 + 90 s (caught here as a timeout)
    assertEquals("States.HeartbeatTimeout", second.output(ARN).at("/failure/Error").asText());
    assertEquals(T0.plusSeconds(90), event(second, "TaskTimedOut").timestamp());
  }

  @Test
  void executionTimeout_countsFromTheOriginalStartAcrossARestart() {
    // GIVEN a state machine with TimeoutSeconds 600, waiting in Offer (SLA 900 s) when stopped
    String bounded = OFFER_THEN_CONFIRM.replaceFirst("\\{", "{\"TimeoutSeconds\":600,");
    engineAt(T0, executions()).run(bounded, INPUT);
    engines.get(0).close();

    // WHEN it restarts at T0 + 300 s and 300 s more pass
    EngineFixture second = restart(T0.plusSeconds(300), executions(), bounded);
    second.clock.advanceTo(T0.plusSeconds(599));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.clock.advanceTo(T0.plusSeconds(600));

    // THEN the execution timed out at T0 + 600 s, as if it had never stopped
    assertEquals(ExecutionStatus.TIMED_OUT, second.describe(ARN).status());
    assertEquals(T0.plusSeconds(600), second.describe(ARN).stopDate().orElseThrow());
  }

  @Test
  void parallelBranchWaitingOnACallback_carriesOnAfterRestartWithItsToken() {
    // GIVEN an execution whose Parallel branch waits for a callback when its engine stopped
    String parallel =
        q(
            "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'Ask','States':{'Ask':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'"
                + OFFER
                + "','Payload':{'token.$':'$$.Task.Token'}},'End':true}}}]}}}");
    EngineFixture first = engineAt(T0, executions());
    first.run(parallel, "{}");
    String token = first.lastToken(OFFER, "token");
    first.close();

    // WHEN a new engine restores it
    EngineFixture second = restart(T0.plusSeconds(60), executions(), parallel);

    // THEN it carries on, and the token emailed before the stop completes the branch
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.engine.sendTaskSuccess(token, "{\"outcome\":\"ACCEPTED\"}");
    second.engine.awaitIdle();
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals("ACCEPTED", second.output(ARN).at("/0/outcome").asText());
  }

  private static JsonNode failTransient() throws LambdaFailure {
    throw LambdaFailure.functionError("Transient", "ses down", List.of());
  }

  /** The history as GetExecutionHistory sends it (a saved 900 reads back as an int, not a long). */
  private static List<String> awsJson(List<HistoryEvent> history) {
    return history.stream().map(e -> Json.write(e.toAwsJson())).toList();
  }

  private static HistoryEvent event(EngineFixture engine, String type) {
    return engine.engine.getExecutionHistory(ARN).stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static void copyFolder(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
