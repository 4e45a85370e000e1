package com.leadhandoff.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Strongly consistent BatchGetItem over any number of keys of one table. The API takes at most 100
 * keys a request (more is a ValidationException) and may answer only part of them, returning the
 * rest as {@code UnprocessedKeys} to be asked again, with exponential backoff (DynamoDB API
 * reference, "BatchGetItem"): the keys go in pages of 100, and a page's unprocessed keys are asked
 * again until none are left or the tries run out, which fails rather than answer with items
 * missing.
 */
final class BatchReads {
  /** BatchGetItem's most keys a request. */
  static final int MAX_KEYS = 100;

  /** Requests a page may take, the first included, before giving up on its unprocessed keys. */
  static final int MAX_TRIES = 8;

  private static final Duration FIRST_PAUSE = Duration.ofMillis(25);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

  /** Waits between tries; tests pass one that only notes the wait. */
  interface Pause {
    Pause SLEEP =
        wait -> {
          try {
            Thread.sleep(wait.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to read again", e);
          }
        };

    void pause(Duration wait);
  }

  private final DynamoDbClient dynamo;
  private final Pause pause;

  BatchReads(DynamoDbClient dynamo, Pause pause) {
    this.dynamo = dynamo;
    this.pause = pause;
  }

  /** The stored items of {@code keys} in {@code table}, in no particular order; none if absent. */
  List<Map<String, AttributeValue>> get(String table, List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += MAX_KEYS) {
      List<Map<String, AttributeValue>> page =
          keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
      items.addAll(page(table, page));
    }
    return items;
  }

  private List<Map<String, AttributeValue>> page(
      String table, List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<Map<String, AttributeValue>> asked = keys;
    Duration wait = FIRST_PAUSE;
    for (int tries = 1; ; tries++) {
      List<Map<String, AttributeValue>> these = asked;
      BatchGetItemResponse response =
          dynamo.batchGetItem(
              r ->
                  r.requestItems(
                      Map.of(
                          table,
                          KeysAndAttributes.builder().keys(these).consistentRead(true).build())));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      KeysAndAttributes left = response.unprocessedKeys().get(table);
      if (left == null || left.keys().isEmpty()) {
        return items;
      }
      if (tries == MAX_TRIES) {
        throw new IllegalStateException(
            "BatchGetItem left "
                + left.keys().size()
                + " of "
                + keys.size()
                + " keys of "
                + table
                + " unprocessed after "
                + MAX_TRIES
                + " tries; not answering with items missing");
      }
      pause.pause(wait);
      wait =
          wait.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait.multipliedBy(2);
      asked = left.keys();
    }
  }
}
