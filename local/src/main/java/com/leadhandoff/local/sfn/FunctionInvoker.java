package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.LambdaInvoker;
import com.leadhandoff.local.faults.Faults;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.lambda.NoSuchFunctionException;
import com.leadhandoff.local.template.LocalNames;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's Lambda calls answered by the template's in-process functions. A handler that throws
 * becomes a function error whose type is the exception's class name, which is what the Java Lambda
 * runtime reports and what a state's Retry and Catch match; a function the template does not
 * declare is {@code Lambda.ResourceNotFoundException}, as the Lambda service integration names it.
 * A function {@link Faults#throttleLambda throttled} on purpose fails with {@code
 * Lambda.TooManyRequestsException} without running, as a throttled invoke does; one {@link
 * Faults#holdLambda held back} succeeds with no result without running, its payload handed on.
 */
public final class FunctionInvoker implements LambdaInvoker {
  private final Functions functions;
  private final Faults faults;

  /** Invokes {@code functions}, throttling them as {@code faults} says. */
  public FunctionInvoker(Functions functions, Faults faults) {
    this.functions = functions;
    this.faults = faults;
  }

  @Override
  public JsonNode invoke(String function, JsonNode payload) throws LambdaFailure {
    String name = LocalNames.functionName(function);
    if (faults.takeThrottle(name)) {
      throw LambdaFailure.serviceError(
          "Lambda.TooManyRequestsException", "Rate Exceeded. (Service: Lambda, Status Code: 429)");
    }
    Optional<CompletableFuture<JsonNode>> hold = faults.takeHold(name);
    if (hold.isPresent()) {
      hold.get().complete(payload.deepCopy());
      return NullNode.getInstance();
    }
    Invocation result;
    try {
      result = functions.invoke(function, payload);
    } catch (NoSuchFunctionException e) {
      throw LambdaFailure.serviceError("Lambda.ResourceNotFoundException", e.getMessage());
    }
    if (result instanceof Invocation.Failure failure) {
      throw LambdaFailure.functionError(
          failure.errorType(), failure.errorMessage(), failure.stackTrace());
    }
    return ((Invocation.Success) result).json();
  }
}
