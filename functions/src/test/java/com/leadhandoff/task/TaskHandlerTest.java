package com.leadhandoff.task;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** Which failures of a step the state machine retries (TransientFailure) and which it catches. */
class TaskHandlerTest {
  record Input(String leadId) {}

  /** A step that fails with {@code failure}. */
  private static final class Failing extends TaskHandler<Input, Input> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      super(Input.class);
      this.failure = failure;
    }

    @Override
    protected Input handle(Input input) {
      throw failure;
    }
  }

  private static RuntimeException invoke(RuntimeException failure) {
    return assertThrows(
        RuntimeException.class,
        () ->
            new Failing(failure)
                .handleRequest(
                    new ByteArrayInputStream(
                        "{\"leadId\":\"lead-1\"}".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    null));
  }

  private static TransactionCanceledException cancelled(String... codes) {
    CancellationReason[] reasons = new CancellationReason[codes.length];
    for (int i = 0; i < codes.length; i++) {
      reasons[i] = CancellationReason.builder().code(codes[i]).build();
    }
    return TransactionCanceledException.builder()
        .message("Transaction cancelled")
        .cancellationReasons(reasons)
        .statusCode(400)
        .build();
  }

  @Test
  void aWriteThatMetAnOngoingTransaction_isRetried() {
    TransactionConflictException conflict =
        TransactionConflictException.builder()
            .message("Transaction is ongoing for the item")
            .statusCode(400)
            .build();

    RuntimeException thrown = invoke(conflict);

    assertSame(TransientFailure.class, thrown.getClass());
    assertSame(conflict, thrown.getCause());
  }

  @Test
  void aTransactionCancelledOnlyByAConflict_isRetried() {
    TransactionCanceledException cancelled = cancelled("None", "TransactionConflict", "None");

    RuntimeException thrown = invoke(cancelled);

    assertSame(TransientFailure.class, thrown.getClass());
    assertSame(cancelled, thrown.getCause());
  }

  @Test
  void aTransactionCancelledByACondition_isNotRetried_evenWithAConflictBeside() {
    TransactionCanceledException cancelled =
        cancelled("ConditionalCheckFailed", "TransactionConflict");

    assertSame(cancelled, invoke(cancelled));
  }

  @Test
  void aTransactionCancelledWithoutReasons_isNotRetried() {
    TransactionCanceledException cancelled =
        TransactionCanceledException.builder().message("cancelled").statusCode(400).build();

    assertSame(cancelled, invoke(cancelled));
  }

  @Test
  void aFailedCondition_isNotRetried() {
    ConditionalCheckFailedException failed =
        ConditionalCheckFailedException.builder()
            .message("The conditional request failed")
            .statusCode(400)
            .build();

    assertSame(failed, invoke(failed));
  }

  @Test
  void anotherFailure_isRethrownAsItIs() {
    IllegalStateException failure = new IllegalStateException("lead gone");

    assertSame(failure, invoke(failure));
  }
}
