package com.leadhandoff.local.sfn;

import static com.leadhandoff.local.sfn.Requests.epochSeconds;
import static com.leadhandoff.local.sfn.Requests.object;
import static com.leadhandoff.local.sfn.Requests.optional;
import static com.leadhandoff.local.sfn.Requests.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.teststate.InspectionData;
import com.leadhandoff.local.asl.teststate.InspectionLevel;
import com.leadhandoff.local.asl.teststate.TestStateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operations that answer with a run's result: StartSyncExecution (an EXPRESS execution, start
 * to end) and TestState (one state), as the Step Functions API reference shapes them.
 */
final class SyncOperations {
  /** Express executions are billed in 64 MB steps; the local runtime reports the smallest. */
  private static final long BILLED_MEMORY_MB = 64;

  /** ...and in 100 ms steps of duration, rounded up (Step Functions pricing, Express). */
  private static final long BILLED_DURATION_STEP_MS = 100;

  private final StepFunctionsBackend backend;

  SyncOperations(StepFunctionsBackend backend) {
    this.backend = backend;
  }

  Map<String, Function<JsonNode, ObjectNode>> operations() {
    return Map.of("StartSyncExecution", this::startSync, "TestState", this::testState);
  }

  private ObjectNode startSync(JsonNode r) {
    ExecutionDescription e =
        backend.startSyncExecution(
            required(r, "stateMachineArn"), optional(r, "name"), optional(r, "input").orElse("{}"));
    Instant stop = e.stopDate().orElse(e.startDate());
    ObjectNode out =
        object()
            .put("executionArn", e.executionArn())
            .put("stateMachineArn", e.stateMachineArn())
            .put("name", e.name())
            .put("startDate", epochSeconds(e.startDate()))
            .put("stopDate", epochSeconds(stop))
            .put("status", e.status().name())
            .put("input", e.input());
    out.putObject("inputDetails").put("included", true);
    e.output().ifPresent(o -> out.put("output", o));
    e.output().ifPresent(o -> out.putObject("outputDetails").put("included", true));
    e.error().ifPresent(o -> out.put("error", o));
    e.cause().ifPresent(o -> out.put("cause", o));
    long millis = Duration.between(e.startDate(), stop).toMillis();
    long billed =
        Math.max(1, (millis + BILLED_DURATION_STEP_MS - 1) / BILLED_DURATION_STEP_MS)
            * BILLED_DURATION_STEP_MS;
    out.putObject("billingDetails")
        .put("billedMemoryUsedInMB", BILLED_MEMORY_MB)
        .put("billedDurationInMilliseconds", billed);
    return out;
  }

  private ObjectNode testState(JsonNode r) {
    InspectionLevel level =
        optional(r, "inspectionLevel").map(InspectionLevel::of).orElse(InspectionLevel.INFO);
    TestStateResult result =
        backend.testState(required(r, "definition"), optional(r, "input").orElse("{}"), level);
    ObjectNode out = object().put("status", result.status().name());
    result.output().ifPresent(o -> out.put("output", o));
    result.error().ifPresent(o -> out.put("error", o));
    result.cause().ifPresent(o -> out.put("cause", o));
    result.nextState().ifPresent(o -> out.put("nextState", o));
    result.inspectionData().ifPresent(d -> out.set("inspectionData", inspection(d)));
    return out;
  }

  private static ObjectNode inspection(InspectionData d) {
    ObjectNode out = object();
    put(out, "input", d.input());
    put(out, "afterInputPath", d.afterInputPath());
    put(out, "afterParameters", d.afterParameters());
    put(out, "result", d.result());
    put(out, "afterResultSelector", d.afterResultSelector());
    put(out, "afterResultPath", d.afterResultPath());
    return out;
  }

  private static void put(ObjectNode out, String member, Optional<String> value) {
    value.ifPresent(v -> out.put(member, v));
  }
}
