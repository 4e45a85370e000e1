package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.JsonataScope;
import com.leadhandoff.local.asl.eval.Scope;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.model.DataFlow;
import java.time.Instant;
import java.util.Optional;

/** What a state runner sees of its execution while it runs one state of one run. */
final class StateCall {
  final Execution execution;
  final Run run;
  final Services services;
  private JsonNode context;

  StateCall(Execution execution, Run run, Services services) {
    this.execution = execution;
    this.run = run;
    this.services = services;
  }

  JsonNode rawInput() {
    return run.stateInput;
  }

  Instant now() {
    return services.clock().now();
  }

  /** Scope for paths in this state: {@code $} is {@code input}, {@code $$} the context object. */
  Scope scope(JsonNode input) {
    return scope(input, Optional.empty());
  }

  Scope scope(JsonNode input, Optional<TaskToken> token) {
    return new Scope(
        input, contextObject(token), services.random(), ErrorNames.RUNTIME, run.variables);
  }

  /** How data flows through this state: its query language, Assign, Arguments and Output. */
  DataFlow flow() {
    return run.program.flow(run.stateName);
  }

  /** What this state's JSONata expressions see: {@code $states} and the variables. */
  JsonataScope jsonata(Optional<TaskToken> token) {
    return new JsonataScope(
        run.stateInput,
        Optional.empty(),
        Optional.empty(),
        contextObject(token),
        run.variables,
        run.stateName,
        run.enteredEventId,
        services.random(),
        now());
  }

  /** The context object ({@code $$}) of the state as it runs now (built once per call). */
  JsonNode context() {
    if (context == null) {
      context = contextObject(Optional.empty());
    }
    return context;
  }

  private static final String STATE_FAILURE_PREFIX =
      "An error occurred while executing the state '";

  /**
   * {@code cause} with the prefix Step Functions gives the causes of errors it raises while running
   * a state: "An error occurred while executing the state 'X' (entered at the event id #N). ".
   */
  String stateFailureCause(String cause) {
    if (cause.startsWith(STATE_FAILURE_PREFIX)) {
      return cause; // a JSONata evaluation error words its own, with the field it names
    }
    return STATE_FAILURE_PREFIX
        + run.stateName
        + "' (entered at the event id #"
        + run.enteredEventId
        + "). "
        + cause;
  }

  /** Appends an event to the history, chained to this run's previous event. */
  void emit(String type, ObjectNode details) {
    execution
        .record(type, run.lastEventId, details, now())
        .ifPresent(event -> run.lastEventId = event.id());
  }

  /** The context object ({@code $$}) as the developer guide documents it. */
  private JsonNode contextObject(Optional<TaskToken> token) {
    ObjectNode context = Json.object();
    ObjectNode exec = context.putObject("Execution");
    exec.put("Id", execution.arn);
    exec.set("Input", execution.inputJson.deepCopy());
    exec.put("Name", execution.name);
    exec.put("RoleArn", execution.machine.roleArn());
    exec.put("StartTime", Timestamps.format(execution.startDate));
    exec.put("RedriveCount", 0);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", execution.machine.arn());
    machine.put("Name", execution.machine.name());
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", Timestamps.format(run.enteredTime));
    state.put("Name", run.stateName);
    // RetryCount shows only where Retry exists: on Task, Parallel and Map states, not on a Pass.
    String type = run.program.state(run.stateName).type();
    if (type.equals("Task") || type.equals("Parallel") || type.equals("Map")) {
      state.put("RetryCount", run.retryCount);
    }
    token.ifPresent(t -> context.putObject("Task").put("Token", t.value));
    return context;
  }

  /** Details with {@code field: text}, the shape of most history details. */
  static ObjectNode details(String... fieldsAndValues) {
    ObjectNode details = Json.object();
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      if (fieldsAndValues[i + 1] != null) {
        details.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
      }
    }
    return details;
  }

  /** Adds {@code output} and its {@code outputDetails} as Step Functions does. */
  static ObjectNode withOutput(ObjectNode details, JsonNode output) {
    details.put("output", Json.write(output));
    details.putObject("outputDetails").put("truncated", false);
    return details;
  }
}
