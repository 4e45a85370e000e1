package com.leadhandoff.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A DynamoDB-compatible engine: tables, items, indexes, expressions, transactions and TTL,
 * answering the operations of the DynamoDB API Reference. Kept in memory, or durable in a folder.
 * Serve it over HTTP with {@link #serve(int)} so the AWS SDKs and CLI can reach it.
 */
public final class DynamoDbEngine implements AutoCloseable {

  private DynamoDbEngine() {}

  /**
   * An engine that keeps nothing on disk.
   *
   * @param clock the time TTL expiry is judged by (a test's virtual clock, say)
   */
  public static DynamoDbEngine inMemory(Clock clock) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * An engine whose tables live in {@code dataDir} (created if missing): every write acknowledged
   * survives a crash of the process.
   */
  public static DynamoDbEngine durable(Path dataDir, Clock clock) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Runs one operation in-process: {@code operation} is the part of {@code X-Amz-Target} after the
   * dot (e.g. {@code PutItem}), {@code request} the JSON body; returns the JSON response or throws
   * {@link com.leadhandoff.dynamodb.error.DynamoDbException}.
   */
  public JsonNode handle(String operation, JsonNode request) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Serves the engine over HTTP on localhost {@code port} (0 picks a free one). */
  public DynamoDbServer serve(int port) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Stops serving and closes the store. */
  @Override
  public void close() {}
}
