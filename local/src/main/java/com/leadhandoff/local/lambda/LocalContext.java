package com.leadhandoff.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.leadhandoff.local.template.LambdaFunction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda {@link Context} of one local invocation; its logger writes to stderr. */
final class LocalContext implements Context {
  private final LambdaFunction function;
  private final String requestId = UUID.randomUUID().toString();
  private final long deadlineNanos;
  private final LambdaLogger logger;

  LocalContext(LambdaFunction function) {
    this.function = function;
    // Remaining time is real time: it bounds how long the handler itself may run.
    this.deadlineNanos = System.nanoTime() + function.timeoutSeconds() * 1_000_000_000L;
    String prefix = "[" + function.name() + "] ";
    this.logger =
        new LambdaLogger() {
          @Override
          public void log(String message) {
            System.err.println(prefix + message);
          }

          @Override
          public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
          }
        };
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function.name();
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId;
  }

  @Override
  public String getFunctionName() {
    return function.name();
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return function.arn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  @Override
  public int getMemoryLimitInMB() {
    return function.memorySize();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
