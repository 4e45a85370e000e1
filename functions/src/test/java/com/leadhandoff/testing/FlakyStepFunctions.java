package com.leadhandoff.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * A Step Functions client whose StartExecution fails with a 503 the next {@link #failNext} times,
 * then behaves as the service does: one execution per name, a repeat with the same input answered
 * with it while it runs, ExecutionAlreadyExists once it is {@link #close closed}.
 */
public final class FlakyStepFunctions implements SfnClient {
  private final Clock clock;
  private final Map<String, StartExecutionResponse> executions = new LinkedHashMap<>();
  private final Map<String, String> inputs = new LinkedHashMap<>();
  private final List<String> closed = new ArrayList<>();
  private int failures;
  private int calls;

  public FlakyStepFunctions(Clock clock) {
    this.clock = clock;
  }

  /** Makes the next {@code count} starts fail as an unavailable service does. */
  public synchronized void failNext(int count) {
    failures = count;
  }

  /** Plays the named execution ending. */
  public synchronized void close(String name) {
    closed.add(name);
  }

  /** Execution names started, in order. */
  public synchronized List<String> started() {
    return List.copyOf(executions.keySet());
  }

  /** StartExecution calls made, failed ones included. */
  public synchronized int calls() {
    return calls;
  }

  @Override
  public synchronized StartExecutionResponse startExecution(StartExecutionRequest request) {
    calls++;
    if (failures > 0) {
      failures--;
      throw SfnException.builder()
          .statusCode(503)
          .awsErrorDetails(
              AwsErrorDetails.builder()
                  .errorCode("ServiceUnavailable")
                  .errorMessage("Service Unavailable")
                  .build())
          .message("Service Unavailable (Service: Sfn, Status Code: 503)")
          .build();
    }
    String name = request.name();
    StartExecutionResponse existing = executions.get(name);
    if (existing != null) {
      if (closed.contains(name) || !inputs.get(name).equals(request.input())) {
        throw ExecutionAlreadyExistsException.builder()
            .message("Execution Already Exists: '" + existing.executionArn() + "'")
            .build();
      }
      return existing;
    }
    StartExecutionResponse started =
        StartExecutionResponse.builder()
            .executionArn(
                request.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + name)
            .startDate(clock.instant())
            .build();
    executions.put(name, started);
    inputs.put(name, request.input());
    return started;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
