package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.IntrinsicProbe.functionFailure;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How intrinsic functions fail, per the developer guide's "Intrinsic functions for JSONPath states"
 * (input validation of each function, "Reserved characters in intrinsic functions"): bad arguments
 * fail the state with States.Runtime (which no Retry or Catch handles) and a cause that quotes the
 * whole call; malformed escapes refuse the definition.
 */
class IntrinsicFailuresTest {
  private final EngineFixture fixture = new EngineFixture();
  private final IntrinsicProbe probe = new IntrinsicProbe(fixture);

  @AfterEach
  void close() {
    fixture.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "States.ArrayPartition($.a, 0.49)|States.ArrayPartition",
        "States.ArrayPartition('not-array', 2)|States.ArrayPartition",
        "States.ArrayRange(1, 1001, 1)|States.ArrayRange",
        "States.ArrayRange(1, 10, 0)|States.ArrayRange",
        "States.ArrayGetItem($.a, 3)|States.ArrayGetItem",
        "States.ArrayLength('x')|States.ArrayLength",
        "States.Base64Encode(123)|States.Base64Encode",
        "States.Base64Encode($.long)|States.Base64Encode",
        "States.Hash('data', 'sha-256')|States.Hash",
        "States.Hash($.long, 'MD5')|States.Hash",
        "States.Hash('hello')|States.Hash",
        "States.JsonMerge($.a, $.o, false)|States.JsonMerge",
        "States.JsonMerge($.o, $.o, $.deep)|States.JsonMerge",
        "States.StringToJson('{bad json}')|States.StringToJson",
        "States.StringToJson($.a)|States.StringToJson",
        "States.MathAdd(2147483647, 1)|States.MathAdd",
        "States.MathAdd('1', 2)|States.MathAdd",
        "States.MathAdd(1, 2, 3)|States.MathAdd",
        "States.MathRandom(1.4, 1.6)|States.MathRandom",
        "States.MathRandom(10, 5)|States.MathRandom",
        "States.StringSplit($.a, ',')|States.StringSplit",
        "States.Format('{} {}', 'x')|States.Format",
        "States.Format('{}', 'x', 'y')|States.Format",
        "States.Format('Hello {', 'x')|States.Format",
        "States.UUID(1)|States.UUID"
      })
  void invalidArguments_failTheStateWithRuntimeQuotingTheCall(String call, String function) {
    // GIVEN a Pass state calling a function with arguments it refuses
    // WHEN it runs
    probe.run(
        call, "{\"a\":[10,20,30],\"o\":{},\"deep\":true,\"long\":\"" + "a".repeat(10_001) + "\"}");

    // THEN the execution fails in the state with States.Runtime, naming the call as written
    assertEquals("States.Runtime", probe.error());
    assertEquals(functionFailure(call, "Invalid arguments in " + function), probe.cause());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "ExecutionFailed"), probe.eventTypes());
  }

  @Test
  void argumentPathMatchingNothing_namesThePathAndTheInput() {
    probe.run("States.Format('{}', $.nope)", "{\"other\":1}");
    assertEquals("States.Runtime", probe.error());
    assertEquals(
        functionFailure(
            "States.Format('{}', $.nope)",
            "The JsonPath argument for the field '$.nope' could not be found in the input"
                + " '{\"other\":1}'"),
        probe.cause());
  }

  @Test
  void argumentIndexingANonArray_givesTheJsonPathLibrarysWords() {
    probe.run("States.Format('{}', $.other[0])", "{\"other\":1}");
    assertEquals(
        functionFailure(
            "States.Format('{}', $.other[0])",
            "Filter: [0] can only be applied to arrays. Current context is: 1"),
        probe.cause());
  }

  @Test
  void nestedCallFailure_quotesTheOutermostCall() {
    probe.run("States.Format('{}', States.MathAdd($.x, 'y'))", "{\"x\":1}");
    assertEquals(
        functionFailure(
            "States.Format('{}', States.MathAdd($.x, 'y'))", "Invalid arguments in States.MathAdd"),
        probe.cause());
  }

  @Test
  void intrinsicFailure_isNotCaughtByStatesAll() {
    // GIVEN a Parallel whose branch fails an intrinsic, with Catch States.ALL
    String definition =
        EngineFixture.q(
            "{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'A','States':{'A':"
                + "{'Type':'Pass','Parameters':{'v.$':'States.MathAdd(1)'},'End':true}}}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},"
                + "'Caught':{'Type':'Succeed'}}}");

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN States.Runtime is never caught: the execution fails
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
  }

  // ---- validation: what the definition may contain ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.Format('say \\\"hi\\\"')",
        "States.Base64Decode('YWJj\\nZA==')",
        "States.Format('ends with \\')",
        "States.JsonMerge($.a, $.b, true)",
        "States.Compare($.a, $.b)",
        "States.Format(1)"
      })
  void malformedCalls_refuseTheDefinition(String call) {
    // GIVEN a call with an escape AWS does not know, deep merging, an unknown function or a
    // literal non-string template WHEN the definition is validated THEN it is refused
    InvalidDefinitionException refused =
        assertThrows(
            InvalidDefinitionException.class,
            () -> DefinitionParser.parse(IntrinsicProbe.definition(call)));
    assertTrue(refused.problems().get(0).contains("State 'A'"), refused.problems().toString());
    assertTrue(
        refused
            .getMessage()
            .startsWith(
                "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The value for the"
                    + " field 'value.$' must be a valid JSONPath or a valid intrinsic function call"),
        refused.getMessage());
    assertTrue(
        refused.getMessage().endsWith(" at /States/A/Parameters/value.$'"), refused.getMessage());
  }

  @Test
  void tenNestedFunctions_areAcceptedButNotEleven() {
    // GIVEN States.Array(...) nested 10 and 11 deep
    String ten = "States.Array(".repeat(10) + ")".repeat(10);
    String eleven = "States.Array(" + ten + ")";

    // THEN ten run, eleven refuse the definition
    probe.run(ten, "{}");
    assertEquals("[".repeat(10) + "]".repeat(10), probe.value().toString());
    assertThrows(
        InvalidDefinitionException.class,
        () -> DefinitionParser.parse(IntrinsicProbe.definition(eleven)));
  }

  @Test
  void reservedCharacters_escapedWithABackslash_areAccepted() {
    String call = "States.Format('\\'\\{\\}\\\\ {}', 'x')";
    assertDoesNotThrow(() -> DefinitionParser.parse(IntrinsicProbe.definition(call)));
    probe.run(call, "{}");
    assertEquals("'{}\\ x", probe.value().asText());
  }
}
