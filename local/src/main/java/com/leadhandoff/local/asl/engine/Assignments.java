package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.JsonataScope;
import com.leadhandoff.local.asl.model.DataFlow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sets a state's assignments when it exits, and runs a catcher's Assign and Output. */
final class Assignments {
  private Assignments() {}

  /**
   * Sets what the exiting state assigned and lists it in its StateExited details as {@code
   * assignedVariables} (each value as JSON text) with {@code assignedVariablesDetails}, the shape
   * of the API's StateExitedEventDetails.
   */
  static void commit(Run run, ObjectNode details) {
    Map<String, JsonNode> values = run.pendingAssign;
    run.pendingAssign = null;
    if (values == null || values.isEmpty()) {
      return;
    }
    run.variables.assign(values);
    ObjectNode assigned = details.putObject("assignedVariables");
    values.forEach((name, value) -> assigned.put(name, Json.write(value)));
    details.putObject("assignedVariablesDetails").put("truncated", false);
  }

  /**
   * The output of a state whose catcher {@code index} caught the error: JSONPath places the error
   * output at the catcher's ResultPath; JSONata gives the catcher's Output (default: the error
   * output, {@code $states.errorOutput}). The catcher's Assign sees the error output as {@code $}
   * or {@code $states.errorOutput}.
   */
  static JsonNode caught(
      StateCall call, int index, ObjectNode errorOutput, Optional<String> resultPath) {
    DataFlow flow = call.flow();
    DataFlow.Outcome catcher = flow.catcher(index);
    if (flow.jsonata()) {
      JsonataScope scope = call.jsonata(Optional.empty()).withErrorOutput(errorOutput);
      StateData.assignJsonata(call, List.of(catcher.assign()), scope);
      return StateData.output(catcher.output(), scope, errorOutput);
    }
    StateData.assignPaths(
        call, List.of(catcher.assign()), call.scope(call.rawInput()).withInput(errorOutput));
    return InputOutput.placeAt(call.rawInput(), errorOutput, resultPath);
  }
}
