package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.T0;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow variables in JSONPath states, as the developer guide's "Passing data between states with
 * variables" describes them: Assign on Pass, Task, Choice, Wait and Parallel; {@code $name}
 * references in paths and intrinsic functions; one Assign's values all computed from the values
 * before it; Parallel branches reading, but not assigning, the outer scope; the name and size
 * limits.
 */
class VariablesTest {
  private final EngineFixture fixture = new EngineFixture();

  @TempDir Path dir;

  @AfterEach
  void close() {
    fixture.close();
  }

  private HistoryEvent exited(String arn, String state) {
    return fixture.engine.getExecutionHistory(arn).stream()
        .filter(e -> e.type().endsWith("StateExited"))
        .filter(e -> e.detail("name").orElse("").equals(state))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void passAssign_isReadByLaterStatesInPathsAndIntrinsics_andListedInStateExited() {
    // GIVEN a Pass assigning a constant and a value from its input, and a later state using both
    String definition =
        """
        {"StartAt":"Remember","States":{
          "Remember":{"Type":"Pass","Assign":{"count":42,"name.$":"$.user.name"},"Next":"Use"},
          "Use":{"Type":"Pass","Parameters":{
            "greeting.$":"States.Format('Hi {}', $name)","n.$":"$count","static":"$count"},
            "End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"user\":{\"name\":\"Ann\"}}");

    // THEN the later state read the variables; a key without .$ stays literal
    assertEquals(
        json("{\"greeting\":\"Hi Ann\",\"n\":42,\"static\":\"$count\"}"), fixture.output(arn));
    HistoryEvent remember = exited(arn, "Remember");
    assertEquals(
        json("{\"count\":\"42\",\"name\":\"\\\"Ann\\\"\"}"),
        remember.details().get("assignedVariables"));
    assertEquals(json("{\"truncated\":false}"), remember.details().get("assignedVariablesDetails"));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"),
        fixture.eventTypes(arn));
  }

  @Test
  void oneAssign_computesEveryValueFromTheVariablesBeforeIt() {
    // GIVEN x = 1, then a state setting x = 2 and y = $x in the same Assign
    String definition =
        """
        {"StartAt":"First","States":{
          "First":{"Type":"Pass","Assign":{"x":1},"Next":"Second"},
          "Second":{"Type":"Pass","Assign":{"x":2,"y.$":"$x"},"Next":"Show"},
          "Show":{"Type":"Pass","Parameters":{"x.$":"$x","y.$":"$y"},"End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN y holds the x from before the state, not the new one
    assertEquals(json("{\"x\":2,\"y\":1}"), fixture.output(arn));
  }

  @Test
  void taskAssign_readsTheResultAfterResultSelector_beforeResultPath() {
    // GIVEN a task whose result is selected, assigned, and placed at $.r
    fixture.function("Score", p -> json("{\"a\":{\"b\":5}}"));
    String definition =
        """
        {"StartAt":"Score","States":{
          "Score":{"Type":"Task","Resource":"%sScore",
            "ResultSelector":{"v.$":"$.a.b"},"Assign":{"score.$":"$.v"},"ResultPath":"$.r",
            "Next":"Show"},
          "Show":{"Type":"Pass","Parameters":{"score.$":"$score","r.$":"$.r"},"End":true}}}
        """
            .formatted(FN);

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the variable holds the selected value
    assertEquals(json("{\"score\":5,\"r\":{\"v\":5}}"), fixture.output(arn));
  }

  @Test
  void choiceVariables_compareVariables_andTheMatchingRuleAssigns() {
    // GIVEN the developer guide's guess-and-answer loop: Choice compares two variables
    String definition =
        """
        {"StartAt":"Setup","States":{
          "Setup":{"Type":"Pass","Assign":{"guess":"the_guess","answer":"the_answer"},
            "Next":"CheckAnswer"},
          "CheckAnswer":{"Type":"Choice","Choices":[
            {"Variable":"$guess","StringEqualsPath":"$answer","Assign":{"verdict":"right"},
             "Next":"CorrectAnswer"}],
            "Default":"WrongAnswer"},
          "CorrectAnswer":{"Type":"Pass","Parameters":{"verdict.$":"$verdict"},"End":true},
          "WrongAnswer":{"Type":"Pass","Assign":{"guess.$":"$answer"},"Next":"CheckAnswer"}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the first check fails, the guess is corrected, and the second check matches
    assertEquals(
        List.of("Setup", "CheckAnswer", "WrongAnswer", "CheckAnswer", "CorrectAnswer"),
        fixture.statesEntered(arn));
    assertEquals(json("{\"verdict\":\"right\"}"), fixture.output(arn));
  }

  @Test
  void waitSecondsPath_readsAVariable_andWaitAssignsWhenItEnds() {
    // GIVEN a wait whose seconds come from a variable
    String definition =
        """
        {"StartAt":"Start","States":{
          "Start":{"Type":"Pass","Assign":{"waitTime":30},"Next":"Pause"},
          "Pause":{"Type":"Wait","SecondsPath":"$waitTime","Assign":{"waited.$":"$waitTime"},
            "Next":"Show"},
          "Show":{"Type":"Pass","Parameters":{"waited.$":"$waited"},"End":true}}}
        """;
    String arn = fixture.run(definition, "{}");

    // WHEN 29 then 30 seconds pass
    fixture.clock.advance(Duration.ofSeconds(29));
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());
    fixture.clock.advance(Duration.ofSeconds(1));

    // THEN it waited the variable's seconds and assigned on exit
    assertEquals(json("{\"waited\":30}"), fixture.output(arn));
  }

  @Test
  void parallelBranch_readsOuterVariables_butItsOwnVanishAfterwards() {
    // GIVEN an outer variable read inside a branch, and a branch variable used after the Parallel
    String definition =
        """
        {"StartAt":"Outer","States":{
          "Outer":{"Type":"Pass","Assign":{"outer":"o"},"Next":"Fork"},
          "Fork":{"Type":"Parallel","Branches":[
            {"StartAt":"Inner","States":{"Inner":{"Type":"Pass","Assign":{"inner":1},
              "Parameters":{"seen.$":"$outer"},"End":true}}}],
            "Next":"After"},
          "After":{"Type":"Pass","Parameters":{"inner.$":"$inner"},"End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the branch saw the outer value, and its own variable is gone after the Parallel
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(ExecutionStatus.FAILED, description.status());
    // (a path Parameters cannot resolve is States.Runtime on AWS, see PathProcessingTest)
    assertEquals(Optional.of("States.Runtime"), description.error());
    assertTrue(
        description.cause().orElseThrow().contains("The variable 'inner' is not defined"),
        description.cause().orElseThrow());
    assertEquals(
        "[{\"seen\":\"o\"}]",
        exited(arn, "Fork").detail("output").orElseThrow(),
        "the Parallel's output");
  }

  @Test
  void parallelBranch_assigningAnOuterVariable_failsWithStatesRuntime() {
    // GIVEN a branch that assigns a variable of the outer scope
    String definition =
        """
        {"StartAt":"Outer","States":{
          "Outer":{"Type":"Pass","Assign":{"total":0},"Next":"Fork"},
          "Fork":{"Type":"Parallel","Branches":[
            {"StartAt":"Add","States":{"Add":{"Type":"Pass","Assign":{"total":1},"End":true}}}],
            "End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the branch, and so the Parallel, fails
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(ExecutionStatus.FAILED, description.status());
    assertEquals(Optional.of("States.Runtime"), description.error());
    assertEquals(
        Optional.of(
            "An error occurred while executing the state 'Add' (entered at the event id #6)."
                + " Cannot assign the variable 'total': it belongs to an outer scope, which a Parallel"
                + " branch or Map iteration can only read."),
        description.cause());
    assertTrue(fixture.eventTypes(arn).contains("ParallelStateFailed"));
  }

  @Test
  void catcherAssign_readsTheErrorOutput() {
    // GIVEN a failing task whose catcher assigns the error name
    fixture.function(
        "Bad",
        p -> {
          throw com.leadhandoff.local.asl.engine.LambdaFailure.functionError(
              "Boom", "it broke", List.of());
        });
    String definition =
        """
        {"StartAt":"Call","States":{
          "Call":{"Type":"Task","Resource":"%sBad","Catch":[{"ErrorEquals":["States.ALL"],
            "Assign":{"failure.$":"$.Error"},"ResultPath":null,"Next":"Show"}],"End":true},
          "Show":{"Type":"Pass","Parameters":{"failure.$":"$failure"},"End":true}}}
        """
            .formatted(FN);

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the handler sees the error name in the variable
    assertEquals(json("{\"failure\":\"Boom\"}"), fixture.output(arn));
  }

  @Test
  void valueOverTheSizeLimit_failsTheStateWithStatesRuntime() {
    // GIVEN an input string one byte over 256 KiB once written as JSON (quotes included)
    String big = "x".repeat(256 * 1024 - 1);
    String definition =
        """
        {"StartAt":"Keep","States":{
          "Keep":{"Type":"Pass","Assign":{"big.$":"$.s"},"End":true}}}
        """;

    // WHEN it is assigned
    String arn = fixture.run(definition, "{\"s\":\"" + big + "\"}");

    // THEN the state fails before assigning
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(Optional.of("States.Runtime"), description.error());
    assertEquals(
        Optional.of(
            "An error occurred while executing the state 'Keep' (entered at the event id #2)."
                + " The value assigned to the variable 'big' is 262145 bytes, which exceeds the limit of"
                + " 262144 bytes."),
        description.cause());
  }

  @Test
  void badVariableNames_areRefusedWhenTheDefinitionIsRead() {
    // GIVEN Assign keys that are reserved, start with a digit, hold a dash, or are too long
    String definition =
        """
        {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{
          "states":1,"1st":1,"a-b":1,"%s":1,"ok_1":1},"End":true}}}
        """
            .formatted("v".repeat(81));

    // WHEN it is parsed
    List<String> problems =
        assertThrows(InvalidDefinitionException.class, () -> DefinitionParser.parse(definition))
            .problems();

    // THEN each bad name is reported, the good one is not
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("'states' is reserved"), problems.toString());
    assertTrue(problems.get(1).contains("'1st' is not a valid variable name"));
    assertTrue(problems.get(2).contains("'a-b' is not a valid variable name"));
    assertTrue(problems.get(3).contains("longer than 80 characters"));
  }

  @Test
  void assignInSucceed_isRefused() {
    // GIVEN a Succeed state with Assign, which the developer guide does not allow
    String definition =
        "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\",\"Assign\":{\"a\":1}}}}";

    // WHEN it is parsed, THEN it is refused naming the state
    List<String> problems =
        assertThrows(InvalidDefinitionException.class, () -> DefinitionParser.parse(definition))
            .problems();
    assertEquals(List.of("State 'S': Assign is not allowed in a Succeed state"), problems);
  }

  @Test
  void variables_surviveARestartOfTheRuntime() {
    // GIVEN an execution that assigned a variable and is waiting when its engine stops
    String definition =
        """
        {"StartAt":"Remember","States":{
          "Remember":{"Type":"Pass","Assign":{"lead":"L-7"},"Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":60,"Next":"Show"},
          "Show":{"Type":"Pass","Parameters":{"lead.$":"$lead"},"End":true}}}
        """;
    Path store = dir.resolve("executions");
    EngineFixture first = new EngineFixture(T0, FileExecutionStore.in(store));
    String arn = first.run(definition, "{}");
    first.close();

    // WHEN a new engine restores it and the wait ends
    try (EngineFixture second =
        new EngineFixture(T0.plusSeconds(10), FileExecutionStore.in(store))) {
      second.engine.createStateMachine("Test", definition);
      second.engine.restoreExecutions();
      second.engine.awaitIdle();
      second.clock.advance(Duration.ofSeconds(60));

      // THEN the state after the wait still reads the variable
      assertEquals(ExecutionStatus.SUCCEEDED, second.describe(arn).status());
      assertEquals(json("{\"lead\":\"L-7\"}"), second.output(arn));
    }
  }
}
