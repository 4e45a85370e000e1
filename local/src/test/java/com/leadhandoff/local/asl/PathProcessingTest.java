package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** InputPath → Parameters → task → ResultSelector → ResultPath → OutputPath, in that order. */
class PathProcessingTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void taskPaths_applyInSpecOrder() {
    // GIVEN a task that filters its input, shapes parameters and result, and places the result
    AtomicReference<String> received = new AtomicReference<>();
    fixture.function(
        "Echo",
        p -> {
          received.set(p.toString());
          return json("{\"value\":7,\"noise\":true}");
        });
    String definition =
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
            + FN
            + "Echo\",\"InputPath\":\"$.lead\",\"Parameters\":{\"id.$\":\"$.id\",\"fixed\":1,"
            + "\"exec.$\":\"$$.Execution.Name\"},\"ResultSelector\":{\"v.$\":\"$.value\"},"
            + "\"ResultPath\":\"$.lead.result\",\"OutputPath\":\"$.lead\",\"End\":true}}}";

    // WHEN it runs
    String arn = fixture.run(definition, "{\"lead\":{\"id\":\"L1\"},\"other\":1}");

    // THEN the function saw only the Parameters built from the filtered input, and the output is
    // the raw input with the selected result placed, filtered by OutputPath
    assertEquals("{\"id\":\"L1\",\"fixed\":1,\"exec\":\"exec-1\"}", received.get());
    assertEquals(json("{\"id\":\"L1\",\"result\":{\"v\":7}}"), fixture.output(arn));
  }

  @Test
  void nullResultPath_keepsInputAndNullPathsGiveEmptyObjects() {
    String definition =
        "{\"StartAt\":\"A\",\"States\":{"
            + "\"A\":{\"Type\":\"Pass\",\"Result\":{\"x\":1},\"ResultPath\":null,\"Next\":\"B\"},"
            + "\"B\":{\"Type\":\"Pass\",\"InputPath\":null,\"ResultPath\":\"$.fromEmpty\",\"Next\":\"C\"},"
            + "\"C\":{\"Type\":\"Pass\",\"OutputPath\":null,\"End\":true}}}";
    String arn = fixture.run(definition, "{\"keep\":true}");
    assertEquals(json("{}"), fixture.output(arn));
    assertEquals(
        "{\"keep\":true,\"fromEmpty\":{}}",
        fixture.engine.getExecutionHistory(arn).stream()
            .filter(e -> e.type().equals("PassStateExited"))
            .skip(1)
            .findFirst()
            .orElseThrow()
            .detail("output")
            .orElseThrow());
  }

  @Test
  void passResult_replacesParametersAndIsPlacedByResultPath() {
    String definition =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":{\"r\":true},"
            + "\"ResultPath\":\"$.deep.er\",\"End\":true}}}";
    String arn = fixture.run(definition, "{\"a\":1}");
    assertEquals(json("{\"a\":1,\"deep\":{\"er\":{\"r\":true}}}"), fixture.output(arn));
  }

  /**
   * Step Functions fails a Parameters path that matches nothing with States.Runtime (not the
   * documented States.ParameterPathFailure), as executions recorded on AWS show.
   */
  @Test
  void missingParameterPath_failsWithRuntimeErrorNamingTheField() {
    String definition =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"$.missing\"},\"End\":true}}}";
    String arn = fixture.run(definition, "{}");
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
    assertEquals(
        "An error occurred while executing the state 'A' (entered at the event id #2). The JSONPath"
            + " '$.missing' specified for the field 'x.$' could not be found in the input '{}'",
        fixture.describe(arn).cause().orElseThrow());
  }

  @Test
  void resultPathThroughAString_failsWithResultPathMatchFailure() {
    String definition =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":1,\"ResultPath\":\"$.s.x\",\"End\":true}}}";
    String arn = fixture.run(definition, "{\"s\":\"text\"}");
    assertEquals("States.ResultPathMatchFailure", fixture.describe(arn).error().orElseThrow());
  }

  @Test
  void missingInputPath_failsWithRuntimeError() {
    String definition =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$.nope\",\"End\":true}}}";
    String arn = fixture.run(definition, "{}");
    assertEquals("States.Runtime", fixture.describe(arn).error().orElseThrow());
  }

  @Test
  void intrinsicFunctions_evaluateInParameters() {
    String definition =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":{"
            + "\"f.$\":\"States.Format('Hi {}, you are {} \\\\{ok\\\\}', $.name, $.age)\","
            + "\"s.$\":\"States.JsonToString($.obj)\","
            + "\"j.$\":\"States.StringToJson($.text)\","
            + "\"a.$\":\"States.Array($.age, 'x', States.MathAdd($.age, -1))\","
            + "\"n.$\":\"States.ArrayLength($.list)\","
            + "\"u.$\":\"States.UUID()\"},\"End\":true}}}";
    String arn =
        fixture.run(
            definition,
            "{\"name\":\"Ann\",\"age\":30,\"obj\":{\"k\":[1]},\"text\":\"{\\\"z\\\":2}\",\"list\":[1,2,3]}");
    var out = fixture.output(arn);
    assertEquals("Hi Ann, you are 30 {ok}", out.get("f").asText());
    assertEquals("{\"k\":[1]}", out.get("s").asText());
    assertEquals(json("{\"z\":2}"), out.get("j"));
    assertEquals(json("[30,\"x\",29]"), out.get("a"));
    assertEquals(3, out.get("n").asInt());
    assertEquals(36, out.get("u").asText().length());
    assertEquals('4', out.get("u").asText().charAt(14));
  }
}
