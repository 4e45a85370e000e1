package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.model.Seconds;
import com.leadhandoff.local.asl.model.TaskResource;
import com.leadhandoff.local.asl.model.TaskState;
import com.leadhandoff.local.asl.model.Template;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses Task states; only Lambda resources are accepted. */
final class TaskStateParser {
  private static final Pattern LAMBDA_ARN =
      Pattern.compile(
          "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?");
  private static final Set<String> FIELDS =
      Set.of(
          "Type",
          "Comment",
          "InputPath",
          "OutputPath",
          "Parameters",
          "ResultSelector",
          "ResultPath",
          "Resource",
          "TimeoutSeconds",
          "TimeoutSecondsPath",
          "HeartbeatSeconds",
          "HeartbeatSecondsPath",
          "Retry",
          "Catch",
          "Next",
          "End");
  private static final Set<String> INVOKE_PARAMETERS = Set.of("FunctionName", "Payload");

  private TaskStateParser() {}

  /**
   * @param jsonata whether the state is a JSONata one, whose Arguments JsonataFields checked
   */
  static TaskState parse(String name, JsonNode node, String where, Problems p, boolean jsonata) {
    Fields.onlyAllowed(node, FIELDS, where, p);
    TaskResource resource = resource(node, where, p);
    Optional<Template> parameters = TemplateParser.optional(node, "Parameters", where, p);
    if (resource instanceof TaskResource.LambdaInvoke invoke && !jsonata) {
      checkInvokeParameters(node.get("Parameters"), invoke, where, p);
    }
    Optional<Seconds> timeout = seconds(node, "TimeoutSeconds", where, p);
    Optional<Seconds> heartbeat = seconds(node, "HeartbeatSeconds", where, p);
    if (timeout.orElse(null) instanceof Seconds.Fixed t
        && heartbeat.orElse(null) instanceof Seconds.Fixed h
        && h.seconds() >= t.seconds()) {
      p.add(where, "HeartbeatSeconds must be smaller than TimeoutSeconds");
    }
    return new TaskState(
        name,
        StateParser.io(node, where, p),
        resource,
        parameters,
        StateParser.results(node, where, p),
        timeout,
        heartbeat,
        ErrorHandlingParser.retriers(node, where, p),
        ErrorHandlingParser.catchers(node, where, p),
        StateParser.transition(node, where, p));
  }

  private static TaskResource resource(JsonNode node, String where, Problems p) {
    String arn = Fields.text(node, "Resource", where, p).orElse("");
    if (arn.isEmpty()) {
      p.add(where, "a Task state needs a Resource");
    } else if (LAMBDA_ARN.matcher(arn).matches()) {
      return new TaskResource.LambdaFunction(arn);
    } else if (arn.equals(TaskResource.LambdaInvoke.INVOKE)) {
      return new TaskResource.LambdaInvoke(arn, false);
    } else if (arn.equals(TaskResource.LambdaInvoke.WAIT_FOR_TASK_TOKEN)) {
      return new TaskResource.LambdaInvoke(arn, true);
    } else if (arn.contains(":activity:")) {
      p.add(where, "Activity resources are not supported: " + arn);
    } else if (arn.startsWith("arn:aws:states:::")) {
      p.add(
          where,
          "service integration '"
              + arn.substring("arn:aws:states:::".length())
              + "' is not supported (only lambda:invoke and lambda:invoke.waitForTaskToken)");
    } else {
      p.add(where, "Resource '" + arn + "' is not a Lambda function ARN or supported integration");
    }
    return new TaskResource.LambdaFunction(arn);
  }

  private static void checkInvokeParameters(
      JsonNode parameters, TaskResource.LambdaInvoke invoke, String where, Problems p) {
    if (parameters == null || !parameters.isObject()) {
      p.add(where, invoke.arn() + " needs Parameters with FunctionName and Payload");
      return;
    }
    if (!parameters.has("FunctionName") && !parameters.has("FunctionName.$")) {
      p.add(where, invoke.arn() + " needs Parameters.FunctionName");
    }
    parameters
        .fieldNames()
        .forEachRemaining(
            field -> {
              String key = field.endsWith(".$") ? field.substring(0, field.length() - 2) : field;
              if (!INVOKE_PARAMETERS.contains(key)) {
                p.add(where, "lambda:invoke parameter '" + key + "' is not supported");
              }
            });
    // Step Functions refuses a callback task that never hands out its token; so do we.
    if (invoke.waitForTaskToken() && !parameters.toString().contains("$$.Task.Token")) {
      p.add(where, "a .waitForTaskToken task must pass $$.Task.Token in its Parameters");
    }
  }

  private static Optional<Seconds> seconds(JsonNode node, String field, String where, Problems p) {
    String pathField = field + "Path";
    if (node.has(field) && node.has(pathField)) {
      p.add(where, field + " and " + pathField + " are mutually exclusive");
    }
    if (Jsonata.isExpression(node.get(field))) {
      return Optional.of(new Seconds.FromExpression(node.get(field).asText()));
    }
    if (node.has(pathField)) {
      return Optional.of(
          new Seconds.FromPath(Paths.path(node.get(pathField), pathField, where, p)));
    }
    return Fields.positiveInteger(node, field, where, p).map(Seconds.Fixed::new);
  }
}
