package com.leadhandoff.task;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.JsonTrees;
import com.leadhandoff.json.ValueTrees;
import com.leadhandoff.logging.InvocationLogging;
import com.leadhandoff.logging.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Base of the handlers the state machine calls: reads the task input as a record, runs the step,
 * writes the result. Reading JSON ourselves keeps records working the same on Lambda and locally,
 * and reading it lean ({@link JsonTrees}, {@link ValueTrees}) keeps Jackson's object mapper off a
 * function's first request.
 *
 * @param <I> the task input the state machine passes (its {@code Parameters})
 * @param <O> the step's result, placed at the state's {@code ResultPath}
 */
public abstract class TaskHandler<I, O> implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TaskHandler.class);
  private final Class<I> inputType;

  protected TaskHandler(Class<I> inputType) {
    this.inputType = inputType;
  }

  @Override
  public final void handleRequest(InputStream in, OutputStream out, Context context)
      throws IOException {
    JsonNode tree = JsonTrees.read(in.readAllBytes());
    I input = ValueTrees.treeToValue(tree, inputType);
    O output =
        InvocationLogging.run(
            context, text(tree, "leadId"), text(tree, "executionId"), () -> step(input));
    JsonTrees.write(ValueTrees.toTree(output), out);
  }

  private O step(I input) {
    String step = getClass().getSimpleName();
    try {
      O output = handle(input);
      LOG.info("{} done", step);
      return output;
    } catch (SdkException e) {
      LOG.warn("{} failed: {}", step, PersonalData.scrub(String.valueOf(e.getMessage())));
      if (e.retryable() || conflict(e)) {
        throw new TransientFailure(e.getMessage(), e);
      }
      throw e;
    } catch (RuntimeException e) {
      LOG.warn(
          "{} failed: {}: {}",
          step,
          e.getClass().getSimpleName(),
          PersonalData.scrub(String.valueOf(e.getMessage())));
      throw e;
    }
  }

  /**
   * Whether DynamoDB refused {@code e}'s request only because a transaction held one of its items
   * at that moment: a write that met an ongoing transaction ({@code TransactionConflictException},
   * HTTP 400), or a transaction cancelled with no reason but {@code TransactionConflict} (developer
   * guide, "Transaction conflict handling in DynamoDB"). Nothing was written, and the other request
   * has finished by the next try, so the state machine's retry with backoff is the answer rather
   * than Park Lead. The SDK retries neither: its retryable codes (aws-core {@code AwsErrorCode})
   * hold {@code TransactionInProgressException} but no conflict, and the exception is not {@link
   * SdkException#retryable()}.
   */
  static boolean conflict(SdkException e) {
    if (e instanceof TransactionConflictException) {
      return true;
    }
    if (!(e instanceof TransactionCanceledException cancelled)
        || !cancelled.hasCancellationReasons()) {
      return false;
    }
    boolean conflict = false;
    for (CancellationReason reason : cancelled.cancellationReasons()) {
      String code = reason.code();
      if ("TransactionConflict".equals(code)) {
        conflict = true;
      } else if (code != null && !"None".equals(code)) {
        return false;
      }
    }
    return conflict;
  }

  // Park Lead's input holds the failed state's input, with its lead id, under "input".
  private static Optional<String> text(JsonNode tree, String field) {
    JsonNode value =
        tree.path(field).isTextual() ? tree.path(field) : tree.path("input").path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** Runs the step for one input. */
  protected abstract O handle(I input);

  /**
   * Runs this step as part of another handler's invocation, e.g. one step of {@code Take In Lead}:
   * the same work as an invocation of its own, without the JSON framing and logging around it.
   */
  public final O apply(I input) {
    return handle(input);
  }
}
