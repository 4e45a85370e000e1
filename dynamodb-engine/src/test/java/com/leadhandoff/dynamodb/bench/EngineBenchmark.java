package com.leadhandoff.dynamodb.bench;

import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Throughput and latency of the engine through the real SDK over HTTP: PutItem, conditional
 * UpdateItem, Query on a GSI and TransactWriteItems, with 1, 8 and 32 client threads, in memory and
 * durable. Run it as the module README's "Benchmark" section shows; {@code -Dseconds=N} sets each
 * run's length (default 3), {@code -Dmodes=memory,durable}, {@code -Dthreads=1,8,32} and {@code
 * -Dops=PutItem,...} narrow it.
 */
public final class EngineBenchmark {
  private static final String TABLE = "bench";

  interface Op {
    void run(DynamoDbClient ddb, int thread, long i);
  }

  /**
   * The SDK's HTTP client: {@code -Dclient=apache} (the SDK's default sync client, the default
   * here) or {@code urlconnection} (the JDK's, which Lead Handoff's functions use for cold start).
   * The JDK's client writes a request's headers and body as two TCP segments without TCP_NODELAY,
   * so each call can wait on Nagle's algorithm and the server's delayed ACK: it measures the client
   * more than the engine.
   */
  private static software.amazon.awssdk.http.SdkHttpClient httpClient() {
    if ("urlconnection".equals(System.getProperty("client", "apache"))) {
      return UrlConnectionHttpClient.create();
    }
    return software.amazon.awssdk.http.apache.ApacheHttpClient.builder().maxConnections(64).build();
  }

  public static void main(String[] args) throws Exception {
    // The JDK's URLConnection keeps at most 5 idle connections per host unless told otherwise.
    System.setProperty("http.maxConnections", "128");
    int seconds = Integer.getInteger("seconds", 3);
    List<String> modes =
        Arrays.asList(System.getProperty("modes", "memory,durable,direct").split(","));
    int[] threadCounts =
        Arrays.stream(System.getProperty("threads", "1,8,32").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    System.out.printf(
        "%-8s %-20s %7s %10s %9s %9s %9s%n",
        "mode", "operation", "threads", "ops/s", "p50 ms", "p99 ms", "heap MB");
    for (String mode : modes) {
      if (mode.equals("direct")) {
        continue;
      }
      Path dir = mode.equals("durable") ? Files.createTempDirectory("bench") : null;
      try (DynamoDbEngine engine =
          dir == null
              ? DynamoDbEngine.inMemory(Clock.systemUTC())
              : DynamoDbEngine.durable(dir, Clock.systemUTC())) {
        DynamoDbServer server = engine.serve(0);
        DynamoDbClient ddb =
            DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(httpClient())
                .build();
        createTable(ddb);
        Map<String, Op> ops = new java.util.LinkedHashMap<>();
        ops.put(
            "PutItem",
            (c, t, i) ->
                c.putItem(
                    b ->
                        b.tableName(TABLE)
                            .item(
                                Map.of(
                                    "pk", s("p" + t + "-" + i),
                                    "sk", s("s"),
                                    "g", s("g" + (i % 100)),
                                    "n", n(i),
                                    "payload", s("x".repeat(200))))));
        ops.put(
            "UpdateItem(cond)",
            (c, t, i) -> {
              try {
                c.updateItem(
                    b ->
                        b.tableName(TABLE)
                            .key(Map.of("pk", s("counter" + (i % 64)), "sk", s("s")))
                            .updateExpression("SET n = if_not_exists(n, :zero) + :one")
                            .conditionExpression("attribute_not_exists(locked)")
                            .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1))));
              } catch (ConditionalCheckFailedException e) {
                // not expected; counted as done
              }
            });
        ops.put(
            "Query(GSI)",
            (c, t, i) ->
                c.query(
                    b ->
                        b.tableName(TABLE)
                            .indexName("byG")
                            .limit(10)
                            .keyConditionExpression("g = :g")
                            .expressionAttributeValues(Map.of(":g", s("g" + (i % 100))))));
        ops.put(
            "TransactWriteItems",
            (c, t, i) -> {
              try {
                c.transactWriteItems(
                    b ->
                        b.transactItems(
                            tx(Map.of("pk", s("tx" + t + "-" + i), "sk", s("a"))),
                            tx(Map.of("pk", s("tx" + t + "-" + i), "sk", s("b")))));
              } catch (TransactionCanceledException e) {
                // not expected
              }
            });
        String only = System.getProperty("ops");
        if (only != null) {
          ops.keySet().retainAll(Arrays.asList(only.split(",")));
        }
        // Warm the JIT on the whole path (SDK, HTTP, engine) before anything is measured: C2 takes
        // tens of seconds to settle on this path, and a short warm-up measures the interpreter.
        int warmup = Integer.getInteger("warmup", 20);
        for (Op op : ops.values()) {
          run(mode, "warm-up", op, ddb, 8, Math.max(1, warmup / ops.size()), false);
        }
        for (Map.Entry<String, Op> op : ops.entrySet()) {
          for (int threads : threadCounts) {
            run(mode, op.getKey(), op.getValue(), ddb, threads, 1, false);
            run(mode, op.getKey(), op.getValue(), ddb, threads, seconds, true);
          }
        }
        ddb.close();
      }
    }
    if (modes.contains("direct")) {
      direct(threadCounts, seconds);
    }
    System.exit(0);
  }

  /**
   * PutItem through {@link DynamoDbEngine#handle} without HTTP or the SDK (each request's JSON text
   * parsed, as the wire would): what the engine itself costs.
   */
  private static void direct(int[] threadCounts, int seconds) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    try (DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC())) {
      engine.handle(
          "CreateTable",
          json.readTree(
              "{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\","
                  + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                  + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}"));
      String payload = "x".repeat(200);
      Op put =
          (c, t, i) -> {
            try {
              engine.handle(
                  "PutItem",
                  json.readTree(
                      "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"p"
                          + t
                          + "-"
                          + i
                          + "\"},\"n\":{\"N\":\""
                          + i
                          + "\"},\"payload\":{\"S\":\""
                          + payload
                          + "\"}}}"));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          };
      for (int threads : threadCounts) {
        run("direct", "PutItem", put, null, threads, 1, false);
        run("direct", "PutItem", put, null, threads, seconds, true);
      }
    }
  }

  private static TransactWriteItem tx(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(TABLE).item(item).build())
        .build();
  }

  private static void createTable(DynamoDbClient ddb) {
    ddb.createTable(
        b ->
            b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(def("pk"), def("sk"), def("g"))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(key("g", KeyType.HASH), key("pk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
  }

  private static void run(
      String mode, String name, Op op, DynamoDbClient ddb, int threads, int seconds, boolean report)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 20) * 1000L);
    List<long[]> latencies = new ArrayList<>();
    long[] counts = new long[threads];
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      long[] lat = new long[200_000];
      latencies.add(lat);
      Thread w =
          new Thread(
              () -> {
                int n = 0;
                while (!stop.get()) {
                  long start = System.nanoTime();
                  op.run(ddb, me, sequence.incrementAndGet());
                  if (n < lat.length) {
                    lat[n] = System.nanoTime() - start;
                  }
                  n++;
                }
                counts[me] = n;
                done.countDown();
              });
      workers.add(w);
    }
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!report) {
      return;
    }
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      int n = (int) Math.min(counts[t], latencies.get(t).length);
      System.arraycopy(latencies.get(t), 0, all, at, n);
      at += n;
    }
    long[] sorted = Arrays.copyOf(all, at);
    Arrays.sort(sorted);
    latencies.clear();
    all = null;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    System.out.printf(
        "%-8s %-20s %7d %10.0f %9.2f %9.2f %9d%n",
        mode,
        name,
        threads,
        total / elapsed,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        heap);
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
