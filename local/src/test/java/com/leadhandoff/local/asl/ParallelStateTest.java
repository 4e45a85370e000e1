package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.FN;
import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelStateTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void branches_produceAnArrayOfOutputsInBranchOrder() {
    // GIVEN one branch that waits and one that passes at once
    String definition =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"ResultPath\":\"$.both\",\"Branches\":["
            + "{\"StartAt\":\"Slow\",\"States\":{\"Slow\":{\"Type\":\"Wait\",\"Seconds\":10,\"Next\":\"A\"},"
            + "\"A\":{\"Type\":\"Pass\",\"Result\":\"a\",\"End\":true}}},"
            + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Pass\",\"InputPath\":\"$.x\",\"End\":true}}}"
            + "],\"End\":true}}}";
    String arn = fixture.run(definition, "{\"x\":1}");
    assertEquals(ExecutionStatus.RUNNING, fixture.describe(arn).status());

    // WHEN the wait ends
    fixture.clock.advance(Duration.ofSeconds(10));

    // THEN the result is [branch 0 output, branch 1 output]
    assertEquals(json("{\"x\":1,\"both\":[\"a\",1]}"), fixture.output(arn));
    List<String> types = fixture.eventTypes(arn);
    assertEquals("ParallelStateEntered", types.get(1));
    assertEquals("ParallelStateStarted", types.get(2));
    assertTrue(types.indexOf("ParallelStateSucceeded") < types.indexOf("ParallelStateExited"));
  }

  @Test
  void failingBranch_failsTheStateWithItsErrorAndStopsTheOthers() {
    // GIVEN a branch waiting on a callback and a branch whose function fails
    fixture.function("Offer", p -> json("{}"));
    fixture.function(
        "Bad",
        p -> {
          throw LambdaFailure.functionError("BadThing", "broken", List.of());
        });
    String definition =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
            + "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"Parameters\":{\"FunctionName\":\""
            + FN
            + "Offer\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}},"
            + "{\"StartAt\":\"Fails\",\"States\":{\"Fails\":{\"Type\":\"Task\",\"Resource\":\""
            + FN
            + "Bad\",\"End\":true}}}],"
            + "\"Catch\":[{\"ErrorEquals\":[\"BadThing\"],\"ResultPath\":\"$.err\",\"Next\":\"Handled\"}],\"End\":true},"
            + "\"Handled\":{\"Type\":\"Pass\",\"End\":true}}}";

    // WHEN it runs
    String arn = fixture.run(definition, "{}");

    // THEN the Parallel failed with the branch's error, was caught, and the callback is void
    assertEquals(ExecutionStatus.SUCCEEDED, fixture.describe(arn).status());
    assertEquals("BadThing", fixture.output(arn).at("/err/Error").asText());
    assertTrue(fixture.eventTypes(arn).contains("ParallelStateFailed"));
    String token = fixture.lastToken(FN + "Offer", "token");
    assertThrows(
        StepFunctionsException.TaskTimedOut.class,
        () -> fixture.engine.sendTaskSuccess(token, "{}"));
  }

  @Test
  void uncaughtBranchFailure_failsTheExecution() {
    String definition =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
            + "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Nope\",\"Cause\":\"c\"}}}"
            + "],\"End\":true}}}";
    String arn = fixture.run(definition, "{}");
    assertEquals(ExecutionStatus.FAILED, fixture.describe(arn).status());
    assertEquals("Nope", fixture.describe(arn).error().orElseThrow());
    assertEquals("c", fixture.describe(arn).cause().orElseThrow());
  }
}
