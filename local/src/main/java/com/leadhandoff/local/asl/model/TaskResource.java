package com.leadhandoff.local.asl.model;

/** What a Task state calls: the two Lambda forms the local runtime supports. */
public sealed interface TaskResource {
  /** The Resource string as written in the definition. */
  String arn();

  /** A Lambda function ARN as the Resource: the result is the function's raw output. */
  record LambdaFunction(String arn) implements TaskResource {}

  /**
   * {@code arn:aws:states:::lambda:invoke}, optionally {@code .waitForTaskToken}: Parameters carry
   * FunctionName and Payload; the result is the Invoke response, or the callback's output.
   */
  record LambdaInvoke(String arn, boolean waitForTaskToken) implements TaskResource {
    /** The Resource ARN of the request-response form. */
    public static final String INVOKE = "arn:aws:states:::lambda:invoke";

    /** The Resource ARN of the callback form. */
    public static final String WAIT_FOR_TASK_TOKEN = INVOKE + ".waitForTaskToken";

    /** The resource name Step Functions reports in history events. */
    public String resourceName() {
      return waitForTaskToken ? "invoke.waitForTaskToken" : "invoke";
    }
  }
}
