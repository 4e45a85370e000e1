package com.leadhandoff.local.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.clock.ScaledClock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real timers on a sped-up clock, with many executions at once on the worker pool. */
class ScaledClockEngineTest {
  @Test
  void thousandExecutionsWithWaits_allFinishOnASpedUpClock() throws Exception {
    // GIVEN a clock running 1000x and a definition that waits 5 workflow seconds, then calls a task
    int count = 1_000;
    CountDownLatch done = new CountDownLatch(count);
    try (ScaledClock clock = new ScaledClock(1000);
        ExecutionEngine engine =
            ExecutionEngine.builder(
                    clock,
                    (function, payload) -> {
                      done.countDown();
                      return NullNode.getInstance();
                    })
                .workers(8)
                .build()) {
      String machine =
          engine.createStateMachine(
              "Bench",
              "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Wait\",\"Seconds\":5,\"Next\":\"Work\"},"
                  + "\"Work\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:W\","
                  + "\"End\":true}}}");

      // WHEN 1,000 executions start
      for (int i = 0; i < count; i++) {
        engine.startExecution(machine, Optional.of("e" + i), "{\"i\":" + i + "}");
      }

      // THEN every one reaches its task after its wait, and all succeed
      assertTrue(done.await(60, TimeUnit.SECONDS), "tasks still pending: " + done.getCount());
      engine.awaitIdle();
      assertEquals(
          count, engine.listExecutions(machine, Optional.of(ExecutionStatus.SUCCEEDED)).size());
    }
  }
}
