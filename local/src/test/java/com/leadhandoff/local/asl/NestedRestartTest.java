package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.T0;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.ExecutionStore;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.RestoredExecutions;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An execution inside a Parallel or Map state when the local runtime stops carries on after a
 * restart: each branch and iteration from where it was, as the top level does (Wait timers due when
 * they were, an interrupted Lambda task invoked again, a callback task's token still valid).
 */
class NestedRestartTest {
  private static final String CONFIRM = FN + "Confirm";
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Test:exec-1";

  @TempDir Path dir;
  private final List<EngineFixture> engines = new ArrayList<>();
  private RestoredExecutions restored;

  @AfterEach
  void closeEngines() {
    engines.forEach(EngineFixture::close);
  }

  private EngineFixture engineAt(Instant start, Path folder) {
    EngineFixture engine = new EngineFixture(start, FileExecutionStore.in(folder));
    engine.function("Confirm", p -> json("\"sent\""));
    engines.add(engine);
    return engine;
  }

  private Path executions() {
    return dir.resolve("executions");
  }

  /** A new engine on {@code folder} at {@code at}, its machine created and executions restored. */
  private EngineFixture restart(Instant at, Path folder, String definition) {
    EngineFixture second = engineAt(at, folder);
    second.engine.createStateMachine("Test", definition);
    restored = second.engine.restoreExecutions();
    second.engine.awaitIdle();
    return second;
  }

  /** A Parallel state 'Both' with these branches, each {@code {'StartAt':…,'States':{…}}}. */
  private static String parallel(String... branches) {
    return q(
        "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
            + String.join(",", branches)
            + "]}}}");
  }

  private static String waitThenEnd(String name, int seconds) {
    return "{'StartAt':'"
        + name
        + "','States':{'"
        + name
        + "':{'Type':'Wait','Seconds':"
        + seconds
        + ",'End':true}}}";
  }

  private static final String CONFIRM_BRANCH =
      "{'StartAt':'Confirm','States':{'Confirm':{'Type':'Task','Resource':'"
          + CONFIRM
          + "','End':true}}}";

  private static long count(EngineFixture engine, String type) {
    return engine.eventTypes(ARN).stream().filter(type::equals).count();
  }

  private static void assertUnbrokenIds(EngineFixture engine) {
    List<HistoryEvent> history = engine.engine.getExecutionHistory(ARN);
    assertEquals(
        LongStream.rangeClosed(1, history.size()).boxed().toList(),
        history.stream().map(HistoryEvent::id).toList());
  }

  // ---- Parallel ----

  @Test
  void parallelBranchesInWaitStates_resumeAtTheirOriginalTimes_andTheParallelSucceeds() {
    // GIVEN a Parallel whose branches wait 60 s and 120 s (then confirm) when the engine stops
    String definition =
        parallel(
            waitThenEnd("Short", 60),
            "{'StartAt':'Long','States':{'Long':{'Type':'Wait','Seconds':120,'Next':'Confirm'},"
                + "'Confirm':{'Type':'Task','Resource':'"
                + CONFIRM
                + "','End':true}}}");
    engineAt(T0, executions()).run(definition, "{\"lead\":\"L1\"}");
    engines.get(0).close();

    // WHEN a new engine restores it at T0 + 30 s and time passes
    EngineFixture second = restart(T0.plusSeconds(30), executions(), definition);
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    second.clock.advanceTo(T0.plusSeconds(119));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    assertEquals(1, count(second, "WaitStateExited"), "the short wait ended at T0 + 60 s");
    second.clock.advanceTo(T0.plusSeconds(120));

    // THEN the second branch confirms at T0 + 120 s and the Parallel succeeds with both results
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[{\"lead\":\"L1\"},\"sent\"]"), second.output(ARN));
    assertEquals(List.of(T0.plusSeconds(120)), second.invocationTimes(CONFIRM));
    assertEquals(1, count(second, "ParallelStateEntered"));
    assertEquals(2, count(second, "WaitStateEntered"));
    assertUnbrokenIds(second);
  }

  @Test
  void parallelWithOneBranchEnded_keepsItsResult_andRunsOnlyTheOtherAfterRestart() {
    // GIVEN a Parallel whose first branch (a Pass) ended and whose second waits 60 s
    String definition =
        parallel(
            "{'StartAt':'Note','States':{'Note':{'Type':'Pass','Result':'noted','End':true}}}",
            waitThenEnd("Hold", 60));
    engineAt(T0, executions()).run(definition, "{\"lead\":\"L1\"}");
    engines.get(0).close();

    // WHEN it is restored and the wait ends
    EngineFixture second = restart(T0.plusSeconds(10), executions(), definition);
    second.clock.advanceTo(T0.plusSeconds(60));

    // THEN the first branch's result is kept and it did not run again
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[\"noted\",{\"lead\":\"L1\"}]"), second.output(ARN));
    assertEquals(1, count(second, "PassStateEntered"));
  }

  @Test
  void lambdaTaskInABranch_killedWhileItRan_isInvokedAgainAndTheParallelSucceeds() {
    // GIVEN the files as they were while a branch's Confirm Lambda ran, the other branch entered
    Path atCrash = dir.resolve("at-crash");
    EngineFixture first = engineAt(T0, executions());
    first.function(
        "Confirm",
        p -> {
          copyFolder(executions(), atCrash);
          return json("\"sent\"");
        });
    String definition = parallel(CONFIRM_BRANCH, waitThenEnd("Hold", 60));
    first.run(definition, "{}");
    first.close();

    // WHEN a new engine restores from those files at T0 + 5 s
    EngineFixture second = restart(T0.plusSeconds(5), atCrash, definition);

    // THEN Confirm is invoked again (at least once), and the execution succeeds once Hold ends
    assertEquals(List.of(T0.plusSeconds(5)), second.invocationTimes(CONFIRM));
    second.clock.advanceTo(T0.plusSeconds(65));
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[\"sent\",{}]"), second.output(ARN));
    assertEquals(1, count(second, "TaskStateEntered"));
    assertEquals(1, count(second, "WaitStateEntered"));
    assertUnbrokenIds(second);
  }

  @Test
  void killedWhileATaskRanAsAnotherBranchWasBetweenSteps_redoesTheWorkFromTheLastSnapshot() {
    // GIVEN a branch whose inner Parallel had just ended (its output not yet computed) when the
    // other branch's Confirm Lambda started, and the files as they were while it ran
    String definition =
        parallel(
            "{'StartAt':'Inner','States':{'Inner':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'Note','States':{'Note':{'Type':'Pass','End':true}}}]}}}",
            "{'StartAt':'One','States':{'One':{'Type':'Pass','Next':'Two'},"
                + "'Two':{'Type':'Pass','Next':'Confirm'},"
                + "'Confirm':{'Type':'Task','Resource':'"
                + CONFIRM
                + "','End':true}}}");
    Path atCrash = dir.resolve("at-crash");
    EngineFixture first = engineAt(T0, executions());
    first.function(
        "Confirm",
        p -> {
          copyFolder(executions(), atCrash);
          return json("\"sent\"");
        });
    first.run(definition, "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, first.describe(ARN).status());
    first.close();

    assertEquals(
        "notBegun",
        FileExecutionStore.in(atCrash).loadAll().snapshots().get(0).at("/progress/kind").asText(),
        "the snapshot as Confirm started was not taken: Inner's branch was between steps");

    // WHEN a new engine restores from those files
    EngineFixture second = restart(T0.plusSeconds(5), atCrash, definition);

    // THEN it carries on from the last snapshot taken whole, invoking Confirm again, and succeeds
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    assertEquals(List.of(T0.plusSeconds(5)), second.invocationTimes(CONFIRM));
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[[{}],\"sent\"]"), second.output(ARN));
    assertUnbrokenIds(second);
  }

  @Test
  void variablesOfABranchAndOfTheTopLevel_surviveARestart() {
    // GIVEN team assigned at the top level and rep in a branch that then waits
    String definition =
        q(
            "{'StartAt':'Remember','States':{"
                + "'Remember':{'Type':'Pass','Assign':{'team':'east'},'Next':'Both'},"
                + "'Both':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'Note','States':{"
                + "'Note':{'Type':'Pass','Assign':{'rep':'r1'},'Next':'Hold'},"
                + "'Hold':{'Type':'Wait','Seconds':60,'Next':'Show'},"
                + "'Show':{'Type':'Pass','Parameters':{'team.$':'$team','rep.$':'$rep'},"
                + "'End':true}}}]}}}");
    engineAt(T0, executions()).run(definition, "{}");
    engines.get(0).close();

    // WHEN it is restored and the wait ends
    EngineFixture second = restart(T0.plusSeconds(10), executions(), definition);
    second.clock.advanceTo(T0.plusSeconds(60));

    // THEN the branch reads both variables as before the stop
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[{\"team\":\"east\",\"rep\":\"r1\"}]"), second.output(ARN));
  }

  @Test
  void retryInABranch_afterRestart_retriesAtItsOriginalTime() {
    // GIVEN a branch whose task failed once and waits 10 s before its retry
    String definition =
        parallel(
            "{'StartAt':'Confirm','States':{'Confirm':{'Type':'Task','Resource':'"
                + CONFIRM
                + "','Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':10,"
                + "'BackoffRate':1,'MaxAttempts':2}],'End':true}}}");
    EngineFixture first = engineAt(T0, executions());
    first.function(
        "Confirm",
        p -> {
          throw com.leadhandoff.local.asl.engine.LambdaFailure.functionError(
              "Transient", "down", List.of());
        });
    first.run(definition, "{}");
    first.close();

    // WHEN it is restored at T0 + 3 s
    EngineFixture second = restart(T0.plusSeconds(3), executions(), definition);
    second.clock.advanceTo(T0.plusSeconds(9));
    assertEquals(List.of(), second.invocationTimes(CONFIRM));
    second.clock.advanceTo(T0.plusSeconds(10));

    // THEN the retry runs at T0 + 10 s, and succeeds
    assertEquals(List.of(T0.plusSeconds(10)), second.invocationTimes(CONFIRM));
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[\"sent\"]"), second.output(ARN));
  }

  /** A branch asking {@code function} (a callback task) with its token in the payload. */
  private static String askBranch(String state, String function) {
    return "{'StartAt':'"
        + state
        + "','States':{'"
        + state
        + "':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
        + "'Parameters':{'FunctionName':'"
        + FN
        + function
        + "','Payload':{'token.$':'$$.Task.Token'}},'TimeoutSeconds':300,'End':true}}}";
  }

  private static final String TWO_ASKS = parallel(askBranch("AskA", "A"), askBranch("AskB", "B"));

  /**
   * Runs TWO_ASKS in a first engine and stops it; returns the tokens branches A and B were given.
   */
  private List<String> twoAsksThenStop() {
    EngineFixture first = engineAt(T0, executions());
    first.function("A", p -> json("{}"));
    first.function("B", p -> json("{}"));
    first.run(TWO_ASKS, "{}");
    List<String> tokens =
        List.of(first.lastToken(FN + "A", "token"), first.lastToken(FN + "B", "token"));
    first.close();
    return tokens;
  }

  @Test
  void callbackTasksInBranches_answeredWithTheirOldTokensAfterRestart_resumeTheRightBranches() {
    // GIVEN two branches each waiting for a callback when the engine stopped
    List<String> tokens = twoAsksThenStop();

    // WHEN a new engine restores it and each token is answered, B first
    EngineFixture second = restart(T0.plusSeconds(60), executions(), TWO_ASKS);
    assertEquals(new RestoredExecutions(0, 1, 0, List.of()), restored);
    second.engine.sendTaskSuccess(tokens.get(1), "{\"who\":\"b\"}");
    second.engine.awaitIdle();
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.engine.sendTaskSuccess(tokens.get(0), "{\"who\":\"a\"}");
    second.engine.awaitIdle();

    // THEN each answer is its own branch's result, and no task was invoked again
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[{\"who\":\"a\"},{\"who\":\"b\"}]"), second.output(ARN));
    assertEquals(List.of(), second.invocationTimes(FN + "A"));
    assertEquals(2, count(second, "TaskStateEntered"));
    assertUnbrokenIds(second);
  }

  @Test
  void callbackTaskInABranch_afterRestart_timesOutAtItsOriginalDeadline() {
    // GIVEN two branches waiting for callbacks with a 300 s timeout from T0
    twoAsksThenStop();

    // WHEN a new engine restores it at T0 + 100 s and nobody answers
    EngineFixture second = restart(T0.plusSeconds(100), executions(), TWO_ASKS);
    second.clock.advanceTo(T0.plusSeconds(299));
    assertEquals(ExecutionStatus.RUNNING, second.describe(ARN).status());
    second.clock.advanceTo(T0.plusSeconds(300));

    // THEN the execution fails with States.Timeout at T0 + 300 s
    assertEquals(ExecutionStatus.FAILED, second.describe(ARN).status());
    assertEquals("States.Timeout", second.describe(ARN).error().orElseThrow());
    assertEquals(T0.plusSeconds(300), second.describe(ARN).stopDate().orElseThrow());
  }

  @Test
  void answerKeptBeforeAKill_forABranchsToken_isRecordedOnRestart() {
    // GIVEN branch B's answer kept by the engine, but the kill came before the next snapshot
    List<String> tokens = twoAsksThenStop();
    FileExecutionStore.in(executions())
        .saveAnswer(
            ARN,
            json(
                "{\"executionArn\":\""
                    + ARN
                    + "\",\"token\":\""
                    + tokens.get(1)
                    + "\",\"answer\":{\"kind\":\"success\",\"output\":{\"who\":\"b\"}}}"));

    // WHEN a new engine restores it and A is answered
    EngineFixture second = restart(T0.plusSeconds(60), executions(), TWO_ASKS);
    assertEquals(1, count(second, "TaskSucceeded"), "B's answer is recorded at restart");
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> second.engine.sendTaskSuccess(tokens.get(1), "{}"));
    second.engine.sendTaskSuccess(tokens.get(0), "{\"who\":\"a\"}");
    second.engine.awaitIdle();

    // THEN both branches' answers are in the output
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[{\"who\":\"a\"},{\"who\":\"b\"}]"), second.output(ARN));
  }

  @Test
  void twoBranchesAnsweredBeforeAKill_bothAnswersAreRecordedOnRestart() {
    // GIVEN two branches waiting for callbacks, and a kill that came after both answers were
    // acknowledged but before any snapshot took them: the store saves answers, no snapshots
    List<String> tokens = twoAsksThenStop();
    SnapshotsFrozen frozen = new SnapshotsFrozen(FileExecutionStore.in(executions()));
    EngineFixture second = new EngineFixture(T0.plusSeconds(10), frozen);
    engines.add(second);
    second.engine.createStateMachine("Test", TWO_ASKS);
    second.engine.restoreExecutions();
    second.engine.awaitIdle();
    frozen.frozen = true;
    second.engine.sendTaskSuccess(tokens.get(0), "{\"who\":\"a\"}");
    second.engine.sendTaskSuccess(tokens.get(1), "{\"who\":\"b\"}");
    second.engine.awaitIdle();
    second.close();

    // WHEN a new engine restores from that folder
    EngineFixture third = restart(T0.plusSeconds(20), executions(), TWO_ASKS);

    // THEN neither answer is lost: both branches end with them
    assertEquals(ExecutionStatus.SUCCEEDED, third.describe(ARN).status());
    assertEquals(json("[{\"who\":\"a\"},{\"who\":\"b\"}]"), third.output(ARN));
  }

  /** A store that stops saving snapshots once frozen, as a kill would, and still keeps answers. */
  private static final class SnapshotsFrozen implements ExecutionStore {
    private final ExecutionStore inner;
    volatile boolean frozen;

    SnapshotsFrozen(ExecutionStore inner) {
      this.inner = inner;
    }

    @Override
    public void save(String executionArn, JsonNode snapshot) {
      if (!frozen) {
        inner.save(executionArn, snapshot);
      }
    }

    @Override
    public Loaded loadAll() {
      return inner.loadAll();
    }

    @Override
    public void saveAnswer(String executionArn, JsonNode answer) {
      inner.saveAnswer(executionArn, answer);
    }

    @Override
    public Map<String, JsonNode> answers() {
      return inner.answers();
    }

    @Override
    public void deleteAnswer(String executionArn) {
      inner.deleteAnswer(executionArn);
    }
  }

  @Test
  void mapIterationWaitingOnACallback_resumesWithItsOldToken() {
    // GIVEN a Map whose two iterations wait for callbacks when the engine stopped
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemProcessor':"
                + askBranch("Ask", "A")
                + ",'End':true}}}");
    EngineFixture first = engineAt(T0, executions());
    List<String> tokens = new ArrayList<>();
    first.function(
        "A",
        p -> {
          synchronized (tokens) {
            tokens.add(p.path("token").asText());
          }
          return json("{}");
        });
    first.run(definition, "[1,2]");
    first.close();

    // WHEN a new engine restores it and both tokens are answered
    EngineFixture second = restart(T0.plusSeconds(60), executions(), definition);
    for (String token : tokens) {
      second.engine.sendTaskSuccess(token, "\"done\"");
    }
    second.engine.awaitIdle();

    // THEN the Map succeeds with both answers
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[\"done\",\"done\"]"), second.output(ARN));
  }

  @Test
  void branchStateMissingFromTheNewDefinition_failsNamingIt() {
    // GIVEN a branch waiting in Hold when the engine stopped
    engineAt(T0, executions()).run(parallel(waitThenEnd("Hold", 60)), "{}");
    engines.get(0).close();

    // WHEN the new definition's branch has no Hold
    EngineFixture second =
        restart(T0.plusSeconds(10), executions(), parallel(waitThenEnd("Pause", 60)));

    // THEN the execution fails naming the state and where it was
    assertEquals(ExecutionStatus.FAILED, second.describe(ARN).status());
    assertEquals(
        "The local runtime restarted with a state machine definition that has no state 'Hold' in"
            + " a branch of Parallel state 'Both', where this execution was running.",
        second.describe(ARN).cause().orElseThrow());
  }

  @Test
  void parallelSavedByAnOlderRuntimeWithoutItsBranches_isFailedSayingSo() {
    // GIVEN a snapshot in the older format, which kept only the Parallel state's name
    String definition = parallel(waitThenEnd("Hold", 60));
    engineAt(T0, executions()).run(definition, "{}");
    engines.get(0).close();
    FileExecutionStore store = FileExecutionStore.in(executions());
    ObjectNode saved = (ObjectNode) store.loadAll().snapshots().get(0);
    saved.set("progress", json("{\"kind\":\"inParallel\",\"stateName\":\"Both\"}"));
    store.save(ARN, saved);

    // WHEN a new engine restores it
    EngineFixture second = restart(T0.plusSeconds(10), executions(), definition);

    // THEN it is read, and failed with a cause that says why
    assertEquals(ExecutionStatus.FAILED, second.describe(ARN).status());
    assertEquals(
        "The local runtime stopped while the execution was in Parallel state 'Both', and was"
            + " saved by an older local runtime without its branches.",
        second.describe(ARN).cause().orElseThrow());
  }

  // ---- Map ----

  private static final String MAP_OF_WAITS =
      q(
          "{'StartAt':'Each','States':{'Each':{'Type':'Map','MaxConcurrency':1,"
              + "'ItemProcessor':{'StartAt':'Hold','States':{"
              + "'Hold':{'Type':'Wait','SecondsPath':'$','End':true}}},'End':true}}}");

  @Test
  void stopAfterRestart_insideAMap_recordsTheWaitingIterationAndTheMapAborted() {
    // GIVEN a Map over [10, 20, 30], one at a time, restored with its second iteration waiting
    EngineFixture first = engineAt(T0, executions());
    first.run(MAP_OF_WAITS, "[10,20,30]");
    first.clock.advanceTo(T0.plusSeconds(15));
    first.close();
    EngineFixture second = restart(T0.plusSeconds(20), executions(), MAP_OF_WAITS);

    // WHEN the execution is stopped
    second.engine.stopExecution(ARN, Optional.of("Stopped"), Optional.of("by a test"));
    second.engine.awaitIdle();

    // THEN the stop records the open iteration and the Map as aborted, as it does before a
    // restart (StopInsideParallelAndMapTest), and then the execution
    List<String> types = second.eventTypes(ARN);
    List<String> tail = types.subList(types.size() - 3, types.size());
    assertEquals(List.of("MapIterationAborted", "MapStateAborted", "ExecutionAborted"), tail);
  }

  @Test
  void mapWithSomeIterationsEndedAndOneWaiting_resumesWithoutRepeatingTheEndedOnes() {
    // GIVEN a Map over [10, 20, 30], one at a time: the first ended, the second waits to T0 + 30 s
    EngineFixture first = engineAt(T0, executions());
    first.run(MAP_OF_WAITS, "[10,20,30]");
    first.clock.advanceTo(T0.plusSeconds(15));
    assertEquals(1, count(first, "MapIterationSucceeded"));
    first.close();

    // WHEN a new engine restores it at T0 + 20 s and time passes
    EngineFixture second = restart(T0.plusSeconds(20), executions(), MAP_OF_WAITS);
    second.clock.advanceTo(T0.plusSeconds(29));
    assertEquals(1, count(second, "MapIterationSucceeded"));
    second.clock.advanceTo(T0.plusSeconds(30));
    assertEquals(2, count(second, "MapIterationSucceeded"), "the second ended at T0 + 30 s");
    second.clock.advanceTo(T0.plusSeconds(60));

    // THEN the third ran after it, and the Map succeeded with every result in item order
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[10,20,30]"), second.output(ARN));
    assertEquals(3, count(second, "MapIterationStarted"));
    assertEquals(3, count(second, "WaitStateEntered"));
    assertUnbrokenIds(second);
  }

  @Test
  void mapIterationsKilledWhileALambdaRan_areInvokedAgainAndTheMapSucceeds() {
    // GIVEN the files as they were while the first iteration's Confirm ran, the second not begun
    Path atCrash = dir.resolve("at-crash");
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map',"
                + "'ItemProcessor':{'StartAt':'Confirm','States':{"
                + "'Confirm':{'Type':'Task','Resource':'"
                + CONFIRM
                + "','End':true}}},'End':true}}}");
    EngineFixture first = engineAt(T0, executions());
    first.function(
        "Confirm",
        p -> {
          if (!Files.exists(atCrash)) {
            copyFolder(executions(), atCrash);
          }
          return json("\"sent\"");
        });
    first.run(definition, "[1,2]");
    first.close();

    // WHEN a new engine restores from those files
    EngineFixture second = restart(T0.plusSeconds(5), atCrash, definition);

    // THEN each iteration's task runs (the interrupted one again) and the Map succeeds
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[\"sent\",\"sent\"]"), second.output(ARN));
    assertEquals(2, second.invocationTimes(CONFIRM).size());
    assertEquals(2, count(second, "MapIterationStarted"));
    assertEquals(2, count(second, "TaskStateEntered"));
    assertUnbrokenIds(second);
  }

  @Test
  void mapIterationsWaitingInParallel_keepTheirCountsAndLimitsAcrossARestart() {
    // GIVEN a Map tolerating one failure, two iterations waiting and one failed already
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ToleratedFailureCount':1,"
                + "'ItemProcessor':{'StartAt':'Which?','States':{"
                + "'Which?':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':0,"
                + "'Next':'Broken'}],'Default':'Hold'},"
                + "'Broken':{'Type':'Fail','Error':'Bad','Cause':'zero'},"
                + "'Hold':{'Type':'Wait','SecondsPath':'$','End':true}}},'End':true}}}");
    engineAt(T0, executions()).run(definition, "[0,30,40]");
    engines.get(0).close();

    // WHEN it is restored and the waits end
    EngineFixture second = restart(T0.plusSeconds(10), executions(), definition);
    second.clock.advanceTo(T0.plusSeconds(40));

    // THEN the failure is still counted and tolerated, and its error output kept in place
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    JsonNode output = second.output(ARN);
    assertEquals("Bad", output.at("/0/Error").asText());
    assertEquals(List.of(30, 40), List.of(output.get(1).asInt(), output.get(2).asInt()));
    assertEquals(3, output.size());
  }

  @Test
  void parallelInsideMapIterations_resumesEveryLevel() {
    // GIVEN a Map whose iterations each run a Parallel of two waits (item seconds, then 50 s)
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemProcessor':{'StartAt':'Both',"
                + "'States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'ByItem','States':{'ByItem':{'Type':'Wait','SecondsPath':'$',"
                + "'End':true}}},"
                + "{'StartAt':'Fixed','States':{'Fixed':{'Type':'Wait','Seconds':50,"
                + "'End':true}}}]}}},'End':true}}}");
    EngineFixture first = engineAt(T0, executions());
    first.run(definition, "[10,20]");
    first.clock.advanceTo(T0.plusSeconds(15));
    first.close();

    // WHEN a new engine restores it at T0 + 18 s
    EngineFixture second = restart(T0.plusSeconds(18), executions(), definition);
    second.clock.advanceTo(T0.plusSeconds(49));
    assertEquals(2, count(second, "WaitStateExited"), "the item waits ended at T0 + 10 and 20 s");
    second.clock.advanceTo(T0.plusSeconds(50));

    // THEN every wait ended once, at its time, and the Map has each iteration's Parallel output
    assertEquals(ExecutionStatus.SUCCEEDED, second.describe(ARN).status());
    assertEquals(json("[[10,10],[20,20]]"), second.output(ARN));
    assertEquals(4, count(second, "WaitStateEntered"));
    assertEquals(T0.plusSeconds(50), second.describe(ARN).stopDate().orElseThrow());
    assertUnbrokenIds(second);
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
