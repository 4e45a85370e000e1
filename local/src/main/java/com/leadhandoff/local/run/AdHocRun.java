package com.leadhandoff.local.run;

import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.LambdaInvoker;
import com.leadhandoff.local.asl.engine.VirtualRuns;
import com.leadhandoff.local.clock.RealClock;
import com.leadhandoff.local.clock.VirtualClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs one definition once in a private engine: on a {@link VirtualClock} that jumps to each timer
 * (so Wait states and retry backoffs take no time), or on the real clock.
 */
final class AdHocRun {
  private static final String MACHINE = "AdHoc";

  // Never called: definitions with Task states are refused before they run (LambdaTasks).
  private static final LambdaInvoker NO_FUNCTIONS =
      (function, payload) -> {
        throw LambdaFailure.serviceError(
            "Lambda.ResourceNotFoundException", "The run command has no function " + function);
      };

  private AdHocRun() {}

  /**
   * Runs {@code definition} (already validated) on {@code input} to its end.
   *
   * @throws com.leadhandoff.local.asl.engine.StepFunctionsException for input that is not JSON
   */
  static RunReport run(String definition, String input, boolean virtualClock)
      throws InterruptedException {
    if (virtualClock) {
      VirtualClock clock = new VirtualClock(Instant.now());
      try (ExecutionEngine engine = ExecutionEngine.builder(clock, NO_FUNCTIONS).build()) {
        String arn = start(engine, definition, input);
        return report(engine, VirtualRuns.toEnd(engine, clock, arn));
      }
    }
    CompletableFuture<ExecutionDescription> closed = new CompletableFuture<>();
    try (RealClock clock = new RealClock();
        ExecutionEngine engine =
            ExecutionEngine.builder(clock, NO_FUNCTIONS)
                .onExecutionClosed(closed::complete)
                .build()) {
      String arn = start(engine, definition, input);
      return report(engine, awaitClosed(closed, engine, arn));
    }
  }

  private static String start(ExecutionEngine engine, String definition, String input) {
    String machine = engine.createStateMachine(MACHINE, definition);
    return engine.startExecution(machine, Optional.of("run"), input).executionArn();
  }

  private static ExecutionDescription awaitClosed(
      CompletableFuture<ExecutionDescription> closed, ExecutionEngine engine, String arn)
      throws InterruptedException {
    try {
      return closed.get();
    } catch (ExecutionException e) {
      return engine.describeExecution(arn);
    }
  }

  private static RunReport report(ExecutionEngine engine, ExecutionDescription ended) {
    List<String> entered =
        engine.getExecutionHistory(ended.executionArn()).stream()
            .filter(e -> e.type().endsWith("StateEntered"))
            .map(HistoryEvent::details)
            .map(d -> d.path("name").asText())
            .toList();
    return new RunReport(
        ended.status().name(), entered, ended.output(), ended.error(), ended.cause());
  }
}
