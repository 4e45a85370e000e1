package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.model.TaskResource;
import java.util.Optional;
import java.util.Set;

/**
 * The Arguments of a JSONata Task calling {@code lambda:invoke}: FunctionName and Payload, as
 * Parameters carry them in JSONPath; a callback task must hand out {@code
 * $states.context.Task.Token}.
 */
final class TaskArguments {
  private static final Set<String> INVOKE_ARGUMENTS = Set.of("FunctionName", "Payload");

  private TaskArguments() {}

  static void check(JsonNode state, Optional<JsonNode> arguments, String where, Problems p) {
    String resource = state.path("Resource").asText("");
    if (!resource.startsWith(TaskResource.LambdaInvoke.INVOKE)) {
      return;
    }
    if (arguments.isEmpty()) {
      p.add(where, resource + " needs Arguments with FunctionName and Payload");
      return;
    }
    JsonNode args = arguments.get();
    if (Jsonata.isExpression(args)) {
      return; // its shape is only known when it runs
    }
    if (!args.isObject() || !args.has("FunctionName")) {
      p.add(where, resource + " needs Arguments.FunctionName");
    } else {
      args.fieldNames()
          .forEachRemaining(
              field -> {
                if (!INVOKE_ARGUMENTS.contains(field)) {
                  p.add(where, "lambda:invoke argument '" + field + "' is not supported");
                }
              });
    }
    if (resource.equals(TaskResource.LambdaInvoke.WAIT_FOR_TASK_TOKEN)
        && !args.toString().contains("$states.context.Task.Token")) {
      p.add(
          where, "a .waitForTaskToken task must pass $states.context.Task.Token in its Arguments");
    }
  }
}
