package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.eval.VariablePaths;
import com.leadhandoff.local.asl.model.Seconds;
import com.leadhandoff.local.asl.model.TaskResource;
import com.leadhandoff.local.asl.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Task: a Lambda function called directly (LambdaFunction* events), through {@code lambda:invoke}
 * (Task* events, Invoke response as result) or {@code .waitForTaskToken} (Task* events; the result
 * is whatever SendTaskSuccess sends, within TimeoutSeconds and HeartbeatSeconds).
 */
final class TaskRunner {
  private static final String LAMBDA = "lambda";

  private TaskRunner() {}

  /**
   * Runs one attempt of the task.
   *
   * @param attempt its token (for a callback task) and when it first started
   */
  static Step start(TaskState state, StateCall call, TaskAttempt attempt) {
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    Optional<Long> timeout = seconds(state.timeout(), call, effective, "TimeoutSeconds");
    Optional<Long> heartbeat = seconds(state.heartbeat(), call, effective, "HeartbeatSeconds");
    TaskResource resource = state.resource();
    if (resource instanceof TaskResource.LambdaFunction function) {
      JsonNode payload = StateData.arguments(state.parameters(), call, effective, Optional.empty());
      return direct(state, call, function.arn(), payload, timeout);
    }
    TaskResource.LambdaInvoke invoke = (TaskResource.LambdaInvoke) resource;
    Optional<TaskToken> token = attempt.token();
    JsonNode parameters;
    try {
      parameters = StateData.arguments(state.parameters(), call, effective, token);
    } catch (StatesError e) {
      token.ifPresent(TaskToken::close);
      throw e;
    }
    ObjectNode scheduled =
        StateCall.details(
            "resourceType",
            LAMBDA,
            "resource",
            invoke.resourceName(),
            "region",
            call.services.region(),
            "parameters",
            Json.write(parameters));
    timeout.ifPresent(t -> scheduled.put("timeoutInSeconds", t));
    heartbeat.ifPresent(h -> scheduled.put("heartbeatInSeconds", h));
    call.emit("TaskScheduled", scheduled);
    Instant startedAt = call.now();
    call.emit(
        "TaskStarted",
        StateCall.details("resourceType", LAMBDA, "resource", invoke.resourceName()));
    String function = parameters.path("FunctionName").asText();
    JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
    JsonNode response;
    try {
      response =
          LambdaResponses.invokeResponse(
              LambdaResponses.invoke(call.services.lambda(), function, payload),
              call.services.random());
    } catch (LambdaFailure failure) {
      token.ifPresent(TaskToken::close);
      return taskFailed(call, invoke, failure.errorType(), failure.cause());
    }
    if (token.isEmpty()) {
      if (timeout.isPresent() && !call.now().isBefore(startedAt.plusSeconds(timeout.get()))) {
        return taskTimedOut(call, invoke, ErrorNames.TIMEOUT);
      }
      call.emit("TaskSucceeded", succeeded(invoke, response));
      return succeed(state, call, response);
    }
    call.emit(
        "TaskSubmitted",
        StateCall.withOutput(
            StateCall.details("resourceType", LAMBDA, "resource", invoke.resourceName()),
            response));
    // The timeout runs from when the task first started, as in Step Functions, also when a
    // restart invoked it again.
    token
        .get()
        .arm(
            call.services.clock(),
            timeout.map(attempt.startedAt()::plusSeconds),
            heartbeat.map(Duration::ofSeconds));
    return new Step.Suspended(new Waiting.Callback(token.get()));
  }

  /** A callback task's token was closed: by SendTaskSuccess/Failure or by a timeout. */
  static Step resume(TaskState state, StateCall call, TaskResult result) {
    TaskResource.LambdaInvoke invoke = (TaskResource.LambdaInvoke) state.resource();
    if (result instanceof TaskResult.Success success) {
      call.emit("TaskSucceeded", succeeded(invoke, success.output()));
      return succeed(state, call, success.output());
    }
    if (result instanceof TaskResult.Failure failure) {
      return taskFailed(call, invoke, failure.error(), failure.cause());
    }
    return taskTimedOut(call, invoke, ((TaskResult.TimedOut) result).error());
  }

  private static Step direct(
      TaskState state, StateCall call, String arn, JsonNode payload, Optional<Long> timeout) {
    ObjectNode scheduled = StateCall.details("resource", arn, "input", Json.write(payload));
    scheduled.putObject("inputDetails").put("truncated", false);
    timeout.ifPresent(t -> scheduled.put("timeoutInSeconds", t));
    call.emit("LambdaFunctionScheduled", scheduled);
    Instant startedAt = call.now();
    call.emit("LambdaFunctionStarted", Json.object());
    JsonNode output;
    try {
      output = LambdaResponses.invoke(call.services.lambda(), arn, payload);
    } catch (LambdaFailure failure) {
      call.emit(
          "LambdaFunctionFailed",
          StateCall.details("error", failure.errorType(), "cause", failure.cause()));
      return new Step.Failed(failure.errorType(), failure.cause());
    }
    // An in-process handler cannot be interrupted; a run past TimeoutSeconds still times out.
    if (timeout.isPresent() && !call.now().isBefore(startedAt.plusSeconds(timeout.get()))) {
      String cause = "The function ran longer than TimeoutSeconds (" + timeout.get() + " s)";
      call.emit(
          "LambdaFunctionTimedOut", StateCall.details("error", ErrorNames.TIMEOUT, "cause", cause));
      return new Step.Failed(ErrorNames.TIMEOUT, cause);
    }
    call.emit("LambdaFunctionSucceeded", StateCall.withOutput(Json.object(), output));
    return succeed(state, call, output);
  }

  private static Step succeed(TaskState state, StateCall call, JsonNode result) {
    return Step.transition(
        state.transition(),
        StateData.finish(call, state.io(), state.results(), result, Optional.empty()));
  }

  private static ObjectNode succeeded(TaskResource.LambdaInvoke invoke, JsonNode output) {
    return StateCall.withOutput(
        StateCall.details("resourceType", LAMBDA, "resource", invoke.resourceName()), output);
  }

  private static Step taskFailed(
      StateCall call, TaskResource.LambdaInvoke invoke, String error, String cause) {
    call.emit(
        "TaskFailed",
        StateCall.details(
            "resourceType",
            LAMBDA,
            "resource",
            invoke.resourceName(),
            "error",
            error,
            "cause",
            cause));
    return new Step.Failed(error, cause);
  }

  private static Step taskTimedOut(StateCall call, TaskResource.LambdaInvoke invoke, String error) {
    String cause =
        error.equals(ErrorNames.HEARTBEAT_TIMEOUT)
            ? "No heartbeat within HeartbeatSeconds"
            : "The task did not complete within TimeoutSeconds";
    call.emit(
        "TaskTimedOut",
        StateCall.details(
            "resourceType",
            LAMBDA,
            "resource",
            invoke.resourceName(),
            "error",
            error,
            "cause",
            cause));
    return new Step.Failed(error, cause);
  }

  /**
   * TimeoutSeconds/HeartbeatSeconds ({@code name}), their Path forms read from the effective input
   * (or the context object), a variable, or a JSONata expression.
   */
  private static Optional<Long> seconds(
      Optional<Seconds> spec, StateCall call, JsonNode effective, String name) {
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    if (spec.get() instanceof Seconds.Fixed fixed) {
      return Optional.of(fixed.seconds());
    }
    if (spec.get() instanceof Seconds.FromExpression expression) {
      return Optional.of(JsonataStates.seconds(expression.expression(), name, call));
    }
    String field = name + "Path";
    String path = ((Seconds.FromPath) spec.get()).path();
    JsonNode value =
        VariablePaths.parse(path).isPresent()
            ? VariablePaths.readEither(effective, path, call.run.variables)
                .orElseThrow(
                    () ->
                        new StatesError(
                            ErrorNames.RUNTIME,
                            "Invalid path '" + path + "' : " + field + " could not be found"))
            : JsonPaths.require(effective, call.context(), path, ErrorNames.RUNTIME);
    if (!value.isIntegralNumber() || value.asLong() <= 0) {
      throw new StatesError(
          ErrorNames.RUNTIME, field + " '" + path + "' is not a positive integer: " + value);
    }
    return Optional.of(value.asLong());
  }
}
