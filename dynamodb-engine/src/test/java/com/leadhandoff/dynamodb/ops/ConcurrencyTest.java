package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Conditional writes and transactions stay atomic under concurrency. */
class ConcurrencyTest extends EngineTest {

  @Test
  void hundredThreadsRacingAttributeNotExistsHaveExactlyOneWinner() throws Exception {
    String t = table(null);
    int threads = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger losses = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    try (DynamoDbClient client = client(server)) {
      for (int i = 0; i < threads; i++) {
        int me = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    client.putItem(
                        b ->
                            b.tableName(t)
                                .item(item("pk", "race", "winner", me))
                                .conditionExpression("attribute_not_exists(pk)"));
                    wins.incrementAndGet();
                  } catch (ConditionalCheckFailedException e) {
                    losses.incrementAndGet();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, wins.get());
    assertEquals(99, losses.get());
  }

  @Test
  void aTransactionIsNeverSeenHalfApplied() throws Exception {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 0)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "v", 0)));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger torn = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (DynamoDbClient client = client(server)) {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 1; i <= 150; i++) {
                    int v = i;
                    try {
                      client.transactWriteItems(
                          b ->
                              b.transactItems(
                                  TransactWriteItem.builder()
                                      .put(
                                          Put.builder()
                                              .tableName(t)
                                              .item(item("pk", "a", "v", v))
                                              .build())
                                      .build(),
                                  TransactWriteItem.builder()
                                      .put(
                                          Put.builder()
                                              .tableName(t)
                                              .item(item("pk", "b", "v", v))
                                              .build())
                                      .build()));
                    } catch (TransactionCanceledException e) {
                      // conflicts are allowed; half-applied state is not
                    }
                  }
                  return null;
                }));
      }
      Future<?> reader =
          pool.submit(
              () -> {
                while (!stop.get()) {
                  var r =
                      client.transactGetItems(
                          b ->
                              b.transactItems(
                                  g -> g.get(x -> x.tableName(t).key(item("pk", "a"))),
                                  g -> g.get(x -> x.tableName(t).key(item("pk", "b")))));
                  String a = r.responses().get(0).item().get("v").n();
                  String bv = r.responses().get(1).item().get("v").n();
                  if (!a.equals(bv)) {
                    torn.incrementAndGet();
                  }
                }
                return null;
              });
      for (Future<?> f : writers) {
        f.get();
      }
      stop.set(true);
      reader.get();
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, torn.get());
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> a =
        ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item();
    assertTrue(a.get("v").n().equals("150"));
  }
}
