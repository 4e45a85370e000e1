package com.leadhandoff.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with the template's {@code Globals.Function} merged in.
 *
 * @param logicalId the resource's logical id
 * @param name the function name ({@code FunctionName}, or the logical id)
 * @param handlerClass the fully qualified handler class
 * @param handlerMethod the handler method ({@code handleRequest} when the handler names none)
 * @param environment the function's environment variables with every intrinsic resolved
 * @param timeoutSeconds the function's timeout
 * @param memorySize the function's memory in MB
 * @param routes the HttpApi routes that invoke it
 * @param eventRules the EventBridge rules that invoke it
 * @param schedules the EventBridge Scheduler schedules that invoke it
 */
public record LambdaFunction(
    String logicalId,
    String name,
    String handlerClass,
    String handlerMethod,
    Map<String, String> environment,
    int timeoutSeconds,
    int memorySize,
    List<HttpRoute> routes,
    List<EventRule> eventRules,
    List<Schedule> schedules) {
  /** The function's ARN as other resources see it locally. */
  public String arn() {
    return LocalNames.functionArn(name);
  }
}
