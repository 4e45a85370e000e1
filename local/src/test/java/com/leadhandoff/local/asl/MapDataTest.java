package com.leadhandoff.local.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Map state with workflow variables and in JSONata, as the developer guide describes them in
 * "Passing data between states with variables" (variable scope, Assign on Map), "Map workflow
 * state" and "Transforming data with JSONata in Step Functions" (Items, ItemSelector, Output,
 * {@code $states.context.Map.Item}), and "ItemSelector (Map)".
 */
class MapDataTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private HistoryEvent exited(String arn, String state) {
    return fixture.engine.getExecutionHistory(arn).stream()
        .filter(e -> e.type().endsWith("StateExited"))
        .filter(e -> e.detail("name").orElse("").equals(state))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no exit of " + state));
  }

  private static List<String> problems(String definition) {
    return assertThrows(InvalidDefinitionException.class, () -> DefinitionParser.parse(definition))
        .problems();
  }

  @Test
  void iterations_readOuterVariables_inItemsPathAndItemSelector_andTheirOwnVanishAfterTheMap() {
    // GIVEN ("Passing data between states with variables", variable scope: a Map iteration reads
    // the outer scope) outer variables naming the items and a label, iterations assigning their own
    String definition =
        """
        {"StartAt":"Outer","States":{
          "Outer":{"Type":"Pass","Assign":{"reps":["ann","bob"],"label":"L1"},"Next":"Each"},
          "Each":{"Type":"Map","ItemsPath":"$reps",
            "ItemSelector":{"rep.$":"$$.Map.Item.Value","lead.$":"$label"},
            "ItemProcessor":{"StartAt":"Mark","States":{"Mark":{"Type":"Pass",
              "Assign":{"mine.$":"$.rep"},
              "Parameters":{"rep.$":"$.rep","lead.$":"$.lead","outer.$":"$label"},"End":true}}},
            "Next":"After"},
          "After":{"Type":"Pass","Parameters":{"mine.$":"$mine"},"End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN every iteration saw the outer variables, and their own variable is gone after the Map
    assertEquals(
        "[{\"rep\":\"ann\",\"lead\":\"L1\",\"outer\":\"L1\"},"
            + "{\"rep\":\"bob\",\"lead\":\"L1\",\"outer\":\"L1\"}]",
        exited(arn, "Each").detail("output").orElseThrow(),
        "the Map's output");
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(ExecutionStatus.FAILED, description.status());
    assertEquals(Optional.of("States.Runtime"), description.error());
    assertTrue(
        description.cause().orElseThrow().contains("The variable 'mine' is not defined"),
        description.cause().orElseThrow());
  }

  @Test
  void iterationAssigningAnOuterVariable_failsTheMapWithStatesRuntime() {
    // GIVEN (variable scope: an inner scope cannot assign an outer variable) an iteration that
    // assigns a variable of the outer scope
    String definition =
        """
        {"StartAt":"Outer","States":{
          "Outer":{"Type":"Pass","Assign":{"total":0},"Next":"Each"},
          "Each":{"Type":"Map","ItemProcessor":{"StartAt":"Add","States":{
            "Add":{"Type":"Pass","Assign":{"total":1},"End":true}}},"End":true}}}
        """;

    // WHEN it runs over two items
    String arn = fixture.run(definition, "[1,2]");

    // THEN the iteration, and so the Map, fails as a Parallel branch would
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(ExecutionStatus.FAILED, description.status());
    assertEquals(Optional.of("States.Runtime"), description.error());
    assertEquals(
        Optional.of(
            "An error occurred while executing the state 'Add' (entered at the event id #8)."
                + " Cannot assign the variable 'total': it belongs to an outer scope, which a Parallel"
                + " branch or Map iteration can only read."),
        description.cause());
    List<String> types = fixture.eventTypes(arn);
    assertTrue(types.contains("MapIterationFailed"), types.toString());
    assertTrue(types.contains("MapStateFailed"), types.toString());
  }

  @Test
  void mapAssign_inJsonPath_readsTheResultAfterResultSelector_andIsListedInStateExited() {
    // GIVEN ("Passing data between states with variables": in JSONPath, Assign on a Map reads the
    // result after ResultSelector as $) a Map that assigns the count of its results
    String definition =
        """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Echo","States":{
              "Echo":{"Type":"Pass","End":true}}},
            "ResultSelector":{"all.$":"$"},
            "Assign":{"count.$":"States.ArrayLength($.all)","first.$":"$.all[0]"},
            "ResultPath":"$.done","Next":"After"},
          "After":{"Type":"Pass","Parameters":{"count.$":"$count","first.$":"$first"},"End":true}}}
        """;

    // WHEN it runs over three items
    String arn = fixture.run(definition, "{\"items\":[7,8,9]}");

    // THEN the next state reads the variables, and the Map's StateExited lists them
    assertEquals(
        ExecutionStatus.SUCCEEDED,
        fixture.describe(arn).status(),
        fixture.describe(arn).toString());
    assertEquals(EngineFixture.json("{\"count\":3,\"first\":7}"), fixture.output(arn));
    HistoryEvent exit = exited(arn, "Each");
    assertEquals(
        EngineFixture.json("{\"count\":\"3\",\"first\":\"7\"}"),
        exit.details().get("assignedVariables"));
  }

  @Test
  void jsonataMap_itemsExpression_itemSelectorWithMapItemContext_outputAndAssign() {
    // GIVEN ("Map workflow state", JSONata: Items, ItemSelector with $states.context.Map.Item,
    // Output and Assign over $states.result) a JSONata machine whose Map reads a variable
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Keep","States":{
          "Keep":{"Type":"Pass","Assign":{"lead":"L1"},"Next":"Each"},
          "Each":{"Type":"Map","Items":"{% $states.input.reps %}",
            "ItemSelector":{"rep":"{% $states.context.Map.Item.Value %}",
              "at":"{% $states.context.Map.Item.Index %}","lead":"{% $lead %}"},
            "MaxConcurrency":"{% 1 %}",
            "ItemProcessor":{"StartAt":"Tag","States":{"Tag":{"Type":"Pass",
              "Output":"{% $states.input.rep & '@' & $states.input.at & '/' & $states.input.lead %}",
              "End":true}}},
            "Assign":{"sent":"{% $count($states.result) %}"},
            "Output":{"tags":"{% $states.result %}","from":"{% $states.input.reps[0] %}"},
            "Next":"After"},
          "After":{"Type":"Pass","Output":{"sent":"{% $sent %}","tags":"{% $states.input.tags %}"},
            "End":true}}}
        """;

    // WHEN it runs
    String arn = fixture.run(definition, "{\"reps\":[\"ann\",\"bob\"]}");

    // THEN each iteration got its item and index, and Output and Assign saw the result array
    assertEquals(
        EngineFixture.json("{\"sent\":2,\"tags\":[\"ann@0/L1\",\"bob@1/L1\"]}"),
        fixture.output(arn));
    assertEquals(
        "{\"tags\":[\"ann@0/L1\",\"bob@1/L1\"],\"from\":\"ann\"}",
        exited(arn, "Each").detail("output").orElseThrow());
    List<String> types = fixture.eventTypes(arn);
    assertEquals(2, types.stream().filter("MapIterationSucceeded"::equals).count());
  }

  @Test
  void jsonataMap_withoutItems_iteratesItsInput_andItemsMayBeALiteralArray() {
    // GIVEN ("Map workflow state": Items defaults to the state input; it may be a JSON array whose
    // strings are expressions) two JSONata Maps
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Input","States":{
          "Input":{"Type":"Map","ItemProcessor":{"StartAt":"Double","States":{
              "Double":{"Type":"Pass","Output":"{% $states.input * 2 %}","End":true}}},
            "Next":"Literal"},
          "Literal":{"Type":"Map","Items":[1,"{% $sum($states.input) %}"],
            "ItemProcessor":{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}},
            "End":true}}}
        """;

    // WHEN it runs on an array
    String arn = fixture.run(definition, "[1,2]");

    // THEN the first Map doubled its input's items and the second iterated its literal array
    assertEquals("[2,4]", exited(arn, "Input").detail("output").orElseThrow());
    assertEquals(EngineFixture.json("[1,6]"), fixture.output(arn));
  }

  @Test
  void jsonataItemsThatAreNotAnArray_failWithQueryEvaluationError() {
    // GIVEN ("Transforming data with JSONata": an expression of the wrong type is a
    // States.QueryEvaluationError) a Map whose Items expression gives an object
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Each","States":{
          "Each":{"Type":"Map","Items":"{% $states.input %}",
            "ItemProcessor":{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}},
            "End":true}}}
        """;

    // WHEN it runs on an object
    String arn = fixture.run(definition, "{\"a\":1}");

    // THEN the Map fails with the error and cause Step Functions gives for a wrong result type
    ExecutionDescription description = fixture.describe(arn);
    assertEquals(ExecutionStatus.FAILED, description.status());
    assertEquals(Optional.of("States.QueryEvaluationError"), description.error());
    assertEquals(
        Optional.of(
            "An error occurred while executing the state 'Each' (entered at the event id #2)."
                + " The JSONata expression '$states.input' specified for the field 'Items'"
                + " returned an unexpected result type. Expected 'array', but was 'object' for"
                + " value: {\"a\":1}"),
        description.cause());
    assertTrue(fixture.eventTypes(arn).contains("EvaluationFailed"));
  }

  @Test
  void jsonataToleratedFailureCount_asAnExpression_toleratesThatManyFailures() {
    // GIVEN ("Map workflow state": ToleratedFailureCount may be a JSONata expression) a Map that
    // tolerates one failed iteration, the second of two failing
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Each","States":{
          "Each":{"Type":"Map","ToleratedFailureCount":"{% $states.input.allowed %}",
            "Items":"{% $states.input.items %}",
            "ItemProcessor":{"StartAt":"Bad?","States":{
              "Bad?":{"Type":"Choice","Choices":[{"Condition":"{% $states.input = 'bad' %}",
                "Next":"Boom"}],"Default":"Ok"},
              "Boom":{"Type":"Fail","Error":"Nope","Cause":"bad item"},
              "Ok":{"Type":"Pass","End":true}}},
            "End":true}}}
        """;

    // WHEN it runs with one bad item out of two
    String arn = fixture.run(definition, "{\"allowed\":1,\"items\":[\"good\",\"bad\"]}");

    // THEN the failure is tolerated and shows in the result as its error output
    assertEquals(
        EngineFixture.json("[\"good\",{\"Error\":\"Nope\",\"Cause\":\"bad item\"}]"),
        fixture.output(arn));
  }

  @Test
  void toleratedFailureCountPath_readsAVariable() {
    // GIVEN (the ASL grammar reads ToleratedFailureCountPath, like ItemsPath, as a path or a
    // variable) an outer variable allowing one failure, and one of two iterations failing
    String definition =
        """
        {"StartAt":"Allow","States":{
          "Allow":{"Type":"Pass","Assign":{"allowed":1},"Next":"Each"},
          "Each":{"Type":"Map","ToleratedFailureCountPath":"$allowed",
            "ItemProcessor":{"StartAt":"Bad?","States":{
              "Bad?":{"Type":"Choice","Choices":[{"Variable":"$","StringEquals":"bad",
                "Next":"Boom"}],"Default":"Ok"},
              "Boom":{"Type":"Fail","Error":"Nope","Cause":"bad item"},
              "Ok":{"Type":"Pass","End":true}}},
            "End":true}}}
        """;

    // WHEN it runs with one bad item out of two
    String arn = fixture.run(definition, "[\"bad\",\"good\"]");

    // THEN the failure is tolerated
    assertEquals(
        EngineFixture.json("[{\"Error\":\"Nope\",\"Cause\":\"bad item\"},\"good\"]"),
        fixture.output(arn));
  }

  @Test
  void jsonataItemSelector_mayBeOneExpression() {
    // GIVEN ("Map workflow state", JSONata: ItemSelector is a JSON value or one expression) a Map
    // whose ItemSelector gives each iteration its index and item joined
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"Each","States":{
          "Each":{"Type":"Map",
            "ItemSelector":"{% $states.context.Map.Item.Index & ':' & $states.context.Map.Item.Value %}",
            "ItemProcessor":{"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}},
            "End":true}}}
        """;

    // WHEN it runs on two items
    String arn = fixture.run(definition, "[\"a\",\"b\"]");

    // THEN each iteration's input was the expression's value
    assertEquals(EngineFixture.json("[\"0:a\",\"1:b\"]"), fixture.output(arn));
  }

  @Test
  void mapFieldsOfTheOtherQueryLanguage_areRefused() {
    // GIVEN ("Transforming data with JSONata": JSONata states have no *Path fields or Parameters;
    // Items and Output belong to JSONata) a JSONata Map with ItemsPath and Parameters, a JSONPath
    // Map with Items and Output, and a JSONata Map whose Items is neither an array nor expression
    String definition =
        """
        {"StartAt":"A","States":{
          "A":{"Type":"Map","QueryLanguage":"JSONata","ItemsPath":"$.x","Parameters":{},
            "MaxConcurrencyPath":"$.n",
            "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"B"},
          "B":{"Type":"Map","Items":[1],"Output":{},
            "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"C"},
          "C":{"Type":"Map","QueryLanguage":"JSONata","Items":"not an expression",
            "ItemSelector":{"a":"{% $states.input. %}"},
            "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
        """;

    // WHEN it is parsed
    List<String> problems = problems(definition);

    // THEN each misplaced field is named with the JSONata parser's wording
    for (String expected :
        List.of(
            "State 'A': the field 'ItemsPath' is not supported in a JSONata state",
            "State 'A': the field 'Parameters' is not supported in a JSONata state",
            "State 'A': the field 'MaxConcurrencyPath' is not supported in a JSONata state",
            "State 'B': the field 'Items' is only supported in a JSONata state",
            "State 'B': the field 'Output' is only supported in a JSONata state",
            "State 'C': Items must be a JSON array or a JSONata expression {% ... %}, got"
                + " \"not an expression\"")) {
      assertTrue(problems.contains(expected), expected + " not in " + problems);
    }
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith(
                        "State 'C': the JSONata expression '$states.input.' in ItemSelector")),
        problems.toString());
  }
}
