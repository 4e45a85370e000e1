package com.leadhandoff.task;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.leadhandoff.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Base of the handlers the state machine calls: reads the task input as a record, runs the step,
 * writes the result. Reading JSON ourselves keeps records working the same on Lambda and locally.
 *
 * @param <I> the task input the state machine passes (its {@code Parameters})
 * @param <O> the step's result, placed at the state's {@code ResultPath}
 */
public abstract class TaskHandler<I, O> implements RequestStreamHandler {
  private final Class<I> inputType;

  protected TaskHandler(Class<I> inputType) {
    this.inputType = inputType;
  }

  @Override
  public final void handleRequest(InputStream in, OutputStream out, Context context)
      throws IOException {
    I input = Json.MAPPER.readValue(in, inputType);
    O output;
    try {
      output = handle(input);
    } catch (SdkException e) {
      if (e.retryable()) {
        throw new TransientFailure(e.getMessage(), e);
      }
      throw e;
    }
    Json.MAPPER.writeValue(out, output);
  }

  /** Runs the step for one input. */
  protected abstract O handle(I input);
}
