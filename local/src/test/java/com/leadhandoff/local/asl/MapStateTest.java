package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.T0;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inline Map state, checked against the developer guide: "Using Map state in Inline mode"
 * (fields, deprecated fields, input and output processing), "ItemsPath", "ItemSelector", "Context
 * object" (Map.Item), "Distributed Map failure threshold" and the GetExecutionHistory event types.
 */
class MapStateTest {
  private static final String NOTIFY = FN + "Notify";
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  /** One Map state {@code fields} whose processor is {@code states} starting at {@code start}. */
  private static String map(String fields, String start, String states) {
    return q(
        "{'StartAt':'Each','States':{'Each':{'Type':'Map',"
            + fields
            + "'ItemProcessor':{'StartAt':'"
            + start
            + "','States':{"
            + states
            + "}},'End':true}}}");
  }

  private List<HistoryEvent> events(String arn, String type) {
    return fixture.engine.getExecutionHistory(arn).stream()
        .filter(e -> e.type().equals(type))
        .toList();
  }

  private List<Integer> indexes(String arn, String type) {
    return events(arn, type).stream().map(e -> e.details().get("index").asInt()).toList();
  }

  @Test
  void itemsPathAndItemSelector_giveTheArrayOfIterationOutputsInItemOrder() {
    // GIVEN (Inline Map fields; ItemSelector with the context object's Map.Item) three reps, the
    // first iteration waiting so that it ends last
    String definition =
        map(
            "'ItemsPath':'$.reps','ResultPath':'$.sent','ItemSelector':{"
                + "'rep.$':'$$.Map.Item.Value','at.$':'$$.Map.Item.Index','lead.$':'$.lead'},",
            "Slow?",
            "'Slow?':{'Type':'Choice','Choices':[{'Variable':'$.at','NumericEquals':0,"
                + "'Next':'Pause'}],'Default':'Done'},"
                + "'Pause':{'Type':'Wait','Seconds':5,'Next':'Done'},"
                + "'Done':{'Type':'Pass','End':true}");
    String arn = fixture.run(definition, "{\"lead\":\"L1\",\"reps\":[\"ann\",\"bob\",\"cy\"]}");
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());

    // WHEN the wait ends
    fixture.clock.advance(Duration.ofSeconds(5));

    // THEN the output is one result per item in item order, and the history shows the iterations
    assertEquals(
        json(
            q(
                "{'lead':'L1','reps':['ann','bob','cy'],'sent':["
                    + "{'rep':'ann','at':0,'lead':'L1'},{'rep':'bob','at':1,'lead':'L1'},"
                    + "{'rep':'cy','at':2,'lead':'L1'}]}")),
        fixture.output(arn));
    List<String> types = fixture.eventTypes(arn);
    assertEquals(
        List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted"), types.subList(0, 3));
    assertEquals(3, events(arn, "MapStateStarted").get(0).details().get("length").asInt());
    assertEquals(List.of(0, 1, 2), indexes(arn, "MapIterationStarted"));
    assertEquals(List.of(1, 2, 0), indexes(arn, "MapIterationSucceeded"));
    assertEquals("Each", events(arn, "MapIterationSucceeded").get(0).detail("name").orElseThrow());
    assertEquals(
        List.of("MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"),
        types.subList(types.size() - 3, types.size()));
  }

  @Test
  void deprecatedIteratorAndParameters_runLikeItemProcessorAndItemSelector() {
    // GIVEN (Inline Map "Deprecated fields") a Map with Iterator and Parameters over the input
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','Parameters':{'n.$':'$$.Map.Item.Value'},"
                + "'Iterator':{'StartAt':'Twice','States':{'Twice':{'Type':'Pass',"
                + "'Parameters':{'sum.$':'States.MathAdd($.n, $.n)'},'End':true}}},"
                + "'ResultSelector':{'sums.$':'$[*].sum'},'End':true}}}");

    // WHEN it runs on an array input (ItemsPath defaults to $)
    String arn = fixture.run(definition, "[1,2,3]");

    // THEN each item went through the iterator and ResultSelector shaped the array
    assertEquals(json("{\"sums\":[2,4,6]}"), fixture.output(arn));
  }

  @Test
  void emptyItems_giveAnEmptyArrayWithoutIterations() {
    // GIVEN (Inline Map input and output processing) an empty array of items
    String definition = map("", "P", "'P':{'Type':'Pass','End':true}");

    // WHEN it runs
    String arn = fixture.run(definition, "[]");

    // THEN the output is [] and MapStateStarted reports length 0
    assertEquals(json("[]"), fixture.output(arn));
    assertEquals(0, events(arn, "MapStateStarted").get(0).details().get("length").asInt());
    assertTrue(events(arn, "MapIterationStarted").isEmpty());
    assertTrue(fixture.eventTypes(arn).contains("MapStateSucceeded"));
  }

  @Test
  void itemsThatAreNotAnArray_failTheStateWithStatesRuntime() {
    // GIVEN (ItemsPath: "that path must point to JSON array") ItemsPath pointing at an object
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.reps',"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},"
                + "'Caught':{'Type':'Pass','End':true}}}");

    // WHEN it runs
    String arn = fixture.run(definition, "{\"reps\":{\"a\":1}}");

    // THEN the execution fails with States.Runtime (which Catch never catches), naming the path
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    assertEquals(
        "An error occurred while executing the state 'Each' (entered at the event id #2)."
            + " Invalid path '$.reps' : The ItemsPath must point to a JSON array, but it points to"
            + " '{\"a\":1}'",
        fixture.describe(arn).cause().orElseThrow());
    assertTrue(events(arn, "MapStateStarted").isEmpty());
  }

  @Test
  void failingIteration_failsTheMapWithItsErrorAndAbortsTheOthers() {
    // GIVEN (Inline Map: "any iteration failure causes the Map state to fail"; "all iterations
    // stop") one iteration waiting on a callback and one whose function fails
    fixture.function("Notify", p -> json("{}"));
    fixture.function(
        "Bad",
        p -> {
          throw LambdaFailure.functionError("RepGone", "no such rep", List.of());
        });
    String definition =
        q(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.reps',"
                + "'ItemProcessor':{'StartAt':'Which?','States':{"
                + "'Which?':{'Type':'Choice','Choices':[{'Variable':'$','StringEquals':'gone',"
                + "'Next':'Fails'}],'Default':'Ask'},"
                + "'Ask':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'"
                + NOTIFY
                + "','Payload':{'token.$':'$$.Task.Token'}},'End':true},"
                + "'Fails':{'Type':'Task','Resource':'"
                + FN
                + "Bad','End':true}}},"
                + "'Catch':[{'ErrorEquals':['RepGone'],'ResultPath':'$.error','Next':'Handled'}],"
                + "'End':true},'Handled':{'Type':'Pass','End':true}}}");

    // WHEN it runs
    String arn = fixture.run(definition, "{\"reps\":[\"ann\",\"gone\"]}");

    // THEN the Map failed with the iteration's error, was caught, and the waiting one was aborted
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals("RepGone", fixture.output(arn).at("/error/Error").asText());
    assertEquals(
        "{\"errorMessage\":\"no such rep\",\"errorType\":\"RepGone\"}",
        fixture.output(arn).at("/error/Cause").asText());
    assertEquals(List.of(1), indexes(arn, "MapIterationFailed"));
    assertEquals(List.of(0), indexes(arn, "MapIterationAborted"));
    assertTrue(fixture.eventTypes(arn).contains("MapStateFailed"));
    String token = fixture.lastToken(NOTIFY, "token");
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{}"));
  }

  @Test
  void uncaughtIterationFailure_failsTheExecutionWithItsErrorAndCause() {
    // GIVEN (Inline Map fields, ProcessorConfig INLINE) an iteration reaching a Fail state
    String definition =
        map("", "F", "'F':{'Type':'Fail','Error':'Nope','Cause':'rep unknown'}")
            .replace(
                "\"ItemProcessor\":{", q("'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},"));

    // WHEN it runs
    String arn = fixture.run(definition, "[1]");

    // THEN the execution fails with the iteration's error and cause
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("Nope", fixture.describe(arn).error().orElseThrow());
    assertEquals("rep unknown", fixture.describe(arn).cause().orElseThrow());
  }

  /** A Map whose iterations wait 10 s then call Notify, with the given concurrency fields. */
  private String waitThenNotify(String fields) {
    return map(
        fields,
        "Pause",
        "'Pause':{'Type':'Wait','Seconds':10,'Next':'Call'},"
            + "'Call':{'Type':'Task','Resource':'"
            + NOTIFY
            + "','End':true}");
  }

  @Test
  void maxConcurrencyOne_runsTheIterationsOneAfterAnother() {
    // GIVEN (Inline Map fields: MaxConcurrency) three items, MaxConcurrency 1
    fixture.function("Notify", p -> p);
    String arn = fixture.run(waitThenNotify("'MaxConcurrency':1,"), "[1,2,3]");

    // WHEN 30 seconds pass
    fixture.clock.advance(Duration.ofSeconds(30));

    // THEN each iteration started when the one before ended
    assertEquals(
        List.of(T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30)),
        fixture.invocationTimes(NOTIFY));
    assertEquals(json("[1,2,3]"), fixture.output(arn));
  }

  @Test
  void maxConcurrencyPath_readsTheLimitFromTheInput() {
    // GIVEN (Inline Map fields: MaxConcurrencyPath) four items and a limit of 2 in the input
    fixture.function("Notify", p -> p);
    String definition =
        waitThenNotify("'InputPath':'$.job','ItemsPath':'$.items','MaxConcurrencyPath':'$.limit',");
    String arn = fixture.run(definition, "{\"job\":{\"limit\":2,\"items\":[1,2,3,4]}}");

    // WHEN 20 seconds pass
    fixture.clock.advance(Duration.ofSeconds(20));

    // THEN two iterations ran at a time
    Instant ten = T0.plusSeconds(10);
    Instant twenty = T0.plusSeconds(20);
    assertEquals(List.of(ten, ten, twenty, twenty), fixture.invocationTimes(NOTIFY));
    assertEquals(json("[1,2,3,4]"), fixture.output(arn));
  }

  @Test
  void maxConcurrencyZero_runsUpToFortyIterationsAtOnce() {
    // GIVEN (Inline Map: "supports up to 40 concurrent iterations"; MaxConcurrency 0 = no limit)
    // 41 items
    fixture.function("Notify", p -> p);
    String items =
        IntStream.range(0, 41)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(",", "[", "]"));
    String arn = fixture.run(waitThenNotify("'MaxConcurrency':0,"), items);

    // WHEN 20 seconds pass
    fixture.clock.advance(Duration.ofSeconds(20));

    // THEN forty ran at once and the 41st when the first of them ended
    List<Instant> expected = new java.util.ArrayList<>(Collections.nCopies(40, T0.plusSeconds(10)));
    expected.add(T0.plusSeconds(20));
    assertEquals(expected, fixture.invocationTimes(NOTIFY));
    assertEquals(json(items), fixture.output(arn));
  }

  /** A Map whose iteration fails (NotFound) for items below zero and passes the others. */
  private static String failNegatives(String fields) {
    return map(
        fields,
        "Negative?",
        "'Negative?':{'Type':'Choice','Choices':[{'Variable':'$','NumericLessThan':0,"
            + "'Next':'F'}],'Default':'P'},"
            + "'F':{'Type':'Fail','Error':'NotFound','Cause':'no rep'},"
            + "'P':{'Type':'Pass','End':true}");
  }

  @Test
  void failuresWithinToleratedFailureCount_letTheMapSucceed() {
    // GIVEN ("Distributed Map failure threshold": ToleratedFailureCount) one failure of three
    // tolerated; the failed iteration's place holds its error output
    String arn = fixture.run(failNegatives("'ToleratedFailureCount':1,"), "[1,-2,3]");

    // THEN the Map succeeds with the results in item order
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals(json(q("[1,{'Error':'NotFound','Cause':'no rep'},3]")), fixture.output(arn));
    assertEquals(List.of(1), indexes(arn, "MapIterationFailed"));
    assertTrue(fixture.eventTypes(arn).contains("MapStateSucceeded"));
  }

  @Test
  void failuresBeyondToleratedFailureCount_failWithExceedToleratedFailureThreshold() {
    // GIVEN ("Distributed Map failure threshold") two failures where one is tolerated
    String arn = fixture.run(failNegatives("'ToleratedFailureCount':1,"), "[-1,2,-3]");

    // THEN the Map fails with States.ExceedToleratedFailureThreshold
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals(
        "States.ExceedToleratedFailureThreshold", fixture.describe(arn).error().orElseThrow());
    assertEquals(
        "The specified tolerated failure threshold was exceeded",
        fixture.describe(arn).cause().orElseThrow());
    assertEquals(List.of(0, 2), indexes(arn, "MapIterationFailed"));
    assertTrue(fixture.eventTypes(arn).contains("MapStateFailed"));
  }

  @Test
  void toleratedFailurePercentagePath_isComparedWithTheShareOfFailedItems() {
    // GIVEN ("Distributed Map failure threshold": ToleratedFailurePercentage(Path)) 1 failure of
    // 4 items (25 %) against 25 %, and 2 of 4 (50 %) against 25 %
    String definition =
        failNegatives("'ItemsPath':'$.items','ToleratedFailurePercentagePath':'$.pct',");
    String within = fixture.run(definition, "{\"pct\":25,\"items\":[1,-2,3,4]}");
    String machine = fixture.engine.createStateMachine("Other", definition);
    String beyond =
        fixture
            .engine
            .startExecution(
                machine, java.util.Optional.of("e2"), "{\"pct\":25,\"items\":[1,-2,-3,4]}")
            .executionArn();
    fixture.engine.awaitIdle();

    // THEN 25 % is tolerated and 50 % is not
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(within).status());
    assertEquals(
        "States.ExceedToleratedFailureThreshold", fixture.describe(beyond).error().orElseThrow());
  }

  @Test
  void retryOnTheMap_runsEveryIterationAgain() {
    // GIVEN (Inline Map fields: Retry) an iteration whose function fails once
    int[] calls = {0};
    fixture.function(
        "Notify",
        p -> {
          if (calls[0]++ == 0) {
            throw LambdaFailure.functionError("Flaky", "try again", List.of());
          }
          return p;
        });
    String definition =
        map(
            "'Retry':[{'ErrorEquals':['Flaky'],'IntervalSeconds':1,'MaxAttempts':1}],",
            "Call",
            "'Call':{'Type':'Task','Resource':'" + NOTIFY + "','End':true}");
    String arn = fixture.run(definition, "[\"a\"]");

    // WHEN the retry interval passes
    fixture.clock.advance(Duration.ofSeconds(1));

    // THEN the Map started again and succeeded
    assertEquals(json("[\"a\"]"), fixture.output(arn));
    assertEquals(2, events(arn, "MapStateStarted").size());
    assertEquals(1, events(arn, "MapStateFailed").size());
  }

  // ---- validation (Inline Map fields; Distributed Map is refused) ----

  private static List<String> problems(String definition) {
    return assertThrows(InvalidDefinitionException.class, () -> DefinitionParser.parse(definition))
        .problems();
  }

  private static void assertProblem(List<String> problems, String expected) {
    assertTrue(problems.contains(expected), "expected " + expected + " in " + problems);
  }

  private static final String PASS = "'P':{'Type':'Pass','End':true}";

  @Test
  void distributedMode_isRefusedNamingTheField() {
    // GIVEN a Map in Distributed mode (child executions, S3 reads and writes)
    String definition =
        map("", "P", PASS)
            .replace(
                "\"ItemProcessor\":{",
                q(
                    "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"));
    // WHEN it is parsed, THEN it is refused with the field and the reason
    assertProblem(
        problems(definition),
        "State 'Each' ItemProcessor: ProcessorConfig Mode DISTRIBUTED is not supported by the local"
            + " runtime: Distributed Map needs S3; use Mode INLINE");
  }

  @Test
  void itemReaderResultWriterAndItemBatcher_areRefusedNamingEachField() {
    // GIVEN a Map with the three Distributed Map fields; WHEN it is parsed
    List<String> problems =
        problems(
            map(
                "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{}},"
                    + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject'},"
                    + "'ItemBatcher':{'MaxItemsPerBatch':10},",
                "P",
                PASS));
    // THEN each one is refused by name
    for (String field : List.of("ItemReader", "ResultWriter", "ItemBatcher")) {
      assertProblem(
          problems,
          "State 'Each': "
              + field
              + " is not supported by the local runtime: Distributed Map needs S3");
    }
  }

  @Test
  void conflictingAndMalformedFields_areEachReported() {
    // GIVEN (Inline Map fields) both forms of two fields and out-of-range numbers; WHEN parsed
    List<String> problems =
        problems(
            map(
                "'ItemSelector':{},'Parameters':{},'MaxConcurrency':2,'MaxConcurrencyPath':'$.m',"
                    + "'ToleratedFailurePercentage':101,'ToleratedFailureCount':1.5,",
                "P",
                PASS));
    // THEN every problem is reported at once
    assertProblem(problems, "State 'Each': ItemSelector and Parameters are mutually exclusive");
    assertProblem(
        problems, "State 'Each': MaxConcurrency and MaxConcurrencyPath are mutually exclusive");
    assertProblem(
        problems, "State 'Each': ToleratedFailurePercentage must be at most 100, got 101");
    assertProblem(
        problems, "State 'Each': ToleratedFailureCount must be a non-negative integer, got 1.5");
  }

  @Test
  void missingProcessorAndBadTransitionsInside_areReported() {
    // GIVEN a Map without ItemProcessor, and one whose processor goes nowhere: both are refused
    assertProblem(
        problems(q("{'StartAt':'M','States':{'M':{'Type':'Map','End':true}}}")),
        "State 'M': ItemProcessor is missing");
    assertProblem(
        problems(map("", "P", "'P':{'Type':'Pass','Next':'Nowhere'}")),
        "State 'P': Missing 'Next' target: Nowhere");
  }

  // ---- restart ----

  @Test
  void mapIterationWaitingOnACallback_carriesOnAfterRestartWithItsToken(@TempDir Path dir) {
    // GIVEN an execution whose Map iteration waits for a callback when its engine stopped
    String definition =
        map(
            "",
            "Ask",
            "'Ask':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'"
                + NOTIFY
                + "','Payload':{'token.$':'$$.Task.Token'}},'End':true}");
    String arn;
    String token;
    try (EngineFixture first = new EngineFixture(T0, FileExecutionStore.in(dir))) {
      first.function("Notify", p -> json("{}"));
      arn = first.run(definition, "[1]");
      token = first.lastToken(NOTIFY, "token");
    }

    // WHEN a new engine restores it
    try (EngineFixture second = new EngineFixture(T0.plusSeconds(60), FileExecutionStore.in(dir))) {
      second.engine.createStateMachine("Test", definition);
      second.engine.restoreExecutions();
      second.engine.awaitIdle();

      // THEN it carries on, and the token given before the stop completes the iteration
      assertEquals(ExecutionStatus.RUNNING, second.describe(arn).status());
      second.engine.sendTaskSuccess(token, "\"notified\"");
      second.engine.awaitIdle();
      assertEquals(ExecutionStatus.SUCCEEDED, second.describe(arn).status());
      assertEquals(json("[\"notified\"]"), second.output(arn));
    }
  }
}
