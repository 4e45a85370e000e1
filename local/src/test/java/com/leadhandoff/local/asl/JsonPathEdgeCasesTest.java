package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.json;
import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JSONPath at its edges, per the developer guide's "Using JSONPath paths" and "Reference Paths":
 * wildcards and slices, missing paths and their causes, bracket names with escaped quotes.
 */
class JsonPathEdgeCasesTest {
  private final EngineFixture fixture = new EngineFixture();
  private final IntrinsicProbe probe = new IntrinsicProbe(fixture);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void wildcardsAndSlicesOverAbsentData_giveAnEmptyArray() {
    probe.run("$.missing[*]", "{}");
    assertEquals(json("[]"), probe.value());
    probe.run("$.missing[0:2]", "{}");
    assertEquals(json("[]"), probe.value());
    probe.run("$.items[*].x", "{\"items\":[{\"x\":1},{\"y\":2},{\"x\":3}]}");
    assertEquals(json("[1,3]"), probe.value());
  }

  @Test
  void missingParametersPath_failsWithRuntimeQuotingFieldAndInput() {
    probe.run("$.application.address", "{\"flagged\":false}");
    assertEquals("States.Runtime", probe.error());
    assertEquals(
        "An error occurred while executing the state 'A' (entered at the event id #2). The JSONPath"
            + " '$.application.address' specified for the field 'value.$' could not be found in the"
            + " input '{\"flagged\":false}'",
        probe.cause());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "ExecutionFailed"), probe.eventTypes());
  }

  @Test
  void missingInputPath_failsWithTheJsonPathLibrarysReason() {
    String arn =
        fixture.run(
            q(
                "{'StartAt':'First','States':{'First':{'Type':'Pass','Next':'A'},'A':{'Type':'Pass','InputPath':'$.Payload','End':true}}}"),
            "{\"x\":1}");
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    // event ids: 1 started, 2 First entered, 3 First exited, 4 A entered
    assertEquals(
        "An error occurred while executing the state 'A' (entered at the event id #4). Invalid path"
            + " '$.Payload' : No results for path: $['Payload']",
        fixture.describe(arn).cause().orElseThrow());
  }

  @Test
  void missingChoiceVariable_failsWithAwsWording() {
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Is Dataset?','States':{'Is Dataset?':{'Type':'Choice','Choices':[{'Variable':'$.kind','StringEquals':'x','Next':'Done'}],'Default':'Done'},'Done':{'Type':'Succeed'}}}"),
            "{}");
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    assertEquals(
        "An error occurred while executing the state 'Is Dataset?' (entered at the event id #2)."
            + " Invalid path '$.kind': The choice state's condition path references an invalid"
            + " value.",
        fixture.describe(arn).cause().orElseThrow());
  }

  @Test
  void bracketNamesWithEscapedQuotes_readAndWrite() {
    // GIVEN names holding quotes, read with $['it\'s'] and $["say \"hi\""], written by ResultPath
    ObjectNode definition = Json.object();
    definition.put("StartAt", "A");
    ObjectNode state = definition.putObject("States").putObject("A");
    state.put("Type", "Pass");
    state.putObject("Parameters").put("a.$", "$['it\\'s']").put("b.$", "$[\"say \\\"hi\\\"\"]");
    state.put("ResultPath", "$['it\\'s too']");
    state.put("End", true);

    // WHEN it runs
    String arn = fixture.run(Json.write(definition), "{\"it's\":1,\"say \\\"hi\\\"\":2}");

    // THEN both names were read and the result written under the escaped name
    assertEquals(
        json("{\"it's\":1,\"say \\\"hi\\\"\":2,\"it's too\":{\"a\":1,\"b\":2}}"),
        fixture.output(arn));
  }
}
