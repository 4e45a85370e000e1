package com.leadhandoff.dynamodb.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The durable engine as a user runs it: {@code Main --data-dir} in a child JVM, written to by the
 * SDK over HTTP from several threads (PutItem, and TransactWriteItems of two puts and a counter
 * update), killed with SIGKILL after a random number of acknowledged writes, restarted on the same
 * folder and reopened. After every kill: each write the SDK saw succeed is there, and each
 * transaction is there whole or not at all (API Reference, TransactWriteItems: "either all of them
 * succeed or none of them succeeds"). Every round reopens a folder that has already survived the
 * earlier kills.
 */
class EngineCrashTest {
  private static final int ROUNDS = 10;
  private static final int THREADS = 4;
  private static final String TABLE = "crash";

  @Test
  void killNineUnderWriteLoad_losesNoAcknowledgedWrite_andNeverHalfATransaction(@TempDir Path dir)
      throws Exception {
    Random random = new Random();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<String, Integer> counters = new ConcurrentHashMap<>();
    long total = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Child child = Child.start(dir);
      try (DynamoDbClient client = client(child.endpoint)) {
        if (round == 0) {
          client.createTable(
              r ->
                  r.tableName(TABLE)
                      .billingMode("PAY_PER_REQUEST")
                      .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                      .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        }
        AtomicInteger acks = new AtomicInteger();
        int killAfter = 50 + random.nextInt(400);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String writer = "r" + round + "t" + t;
          Thread thread =
              new Thread(() -> write(client, writer, acknowledged, counters, acks, killAfter));
          writers.add(thread);
          thread.start();
        }
        for (Thread w : writers) {
          w.join(TimeUnit.SECONDS.toMillis(60));
        }
        child.kill(); // in case no writer reached the target
        total += acks.get();
        assertTrue(acks.get() >= killAfter, "the writers stopped early: " + child.errors());
      }

      // Reopened in this JVM: the folder's lock was released by the kill.
      try (DynamoDbEngine engine = DynamoDbEngine.durable(dir, Clock.systemUTC());
          DynamoDbServer server = engine.serve(0);
          DynamoDbClient client = client(server.endpoint())) {
        Map<String, Map<String, AttributeValue>> items = scan(client);
        for (String key : acknowledged) {
          assertTrue(items.containsKey(key), "acknowledged " + key + " lost in round " + round);
        }
        for (String key : items.keySet()) {
          if (key.endsWith("-a")) {
            String other = key.substring(0, key.length() - 2) + "-b";
            assertTrue(
                items.containsKey(other), "half a transaction: " + key + " without " + other);
          }
        }
        counters.forEach(
            (writer, n) -> {
              int stored = Integer.parseInt(items.get("count-" + writer).get("n").n());
              assertTrue(stored >= n, writer + " counter went back from " + n + " to " + stored);
            });
      }
    }
    assertTrue(total >= ROUNDS * 50L, "too few writes to mean anything: " + total);
  }

  /** Writes until the child dies, recording what the SDK saw succeed. */
  private static void write(
      DynamoDbClient client,
      String writer,
      Set<String> acknowledged,
      Map<String, Integer> counters,
      AtomicInteger acks,
      int killAfter) {
    try {
      for (int i = 0; ; i++) {
        if (i % 2 == 0) {
          String key = writer + "-put-" + i;
          client.putItem(r -> r.tableName(TABLE).item(item(key)));
          acknowledged.add(key);
        } else {
          String tx = writer + "-tx-" + i;
          int n = i;
          client.transactWriteItems(
              r ->
                  r.transactItems(
                      put(tx + "-a"),
                      put(tx + "-b"),
                      TransactWriteItem.builder()
                          .update(
                              u ->
                                  u.tableName(TABLE)
                                      .key(Map.of("pk", s("count-" + writer)))
                                      .updateExpression("SET n = :n")
                                      .expressionAttributeValues(
                                          Map.of(":n", AttributeValue.fromN("" + n))))
                          .build()));
          acknowledged.add(tx + "-a");
          acknowledged.add(tx + "-b");
          counters.merge(writer, n, Math::max);
        }
        if (acks.incrementAndGet() == killAfter) {
          // Whoever reaches the target kills the child; the others see it die mid-request.
          Child.current().kill();
        }
      }
    } catch (RuntimeException e) {
      // The connection dropping at the kill ends this writer; what it was sending is unknown.
    }
  }

  private static TransactWriteItem put(String key) {
    return TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item(key))).build();
  }

  private static Map<String, AttributeValue> item(String key) {
    return Map.of("pk", s(key), "payload", s("x".repeat(200)));
  }

  private static AttributeValue s(String text) {
    return AttributeValue.fromS(text);
  }

  private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient client) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    client
        .scanPaginator(ScanRequest.builder().tableName(TABLE).build())
        .items()
        .forEach(item -> items.put(item.get("pk").s(), item));
    return items;
  }

  private static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.create())
        // A retried write after the kill would reach nobody; fail at once instead.
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** The engine's own {@code Main} in a child JVM on a free port. */
  private static final class Child {
    private static volatile Child current;
    private final Process process;
    private final URI endpoint;
    private final Path stderr;

    private Child(Process process, URI endpoint, Path stderr) {
      this.process = process;
      this.endpoint = endpoint;
      this.stderr = stderr;
    }

    static Child current() {
      return current;
    }

    static Child start(Path dir) throws IOException {
      Path stderr = Files.createTempFile("engine-child", ".err");
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "com.leadhandoff.dynamodb.Main",
                  "--port",
                  "0",
                  "--data-dir",
                  dir.toString())
              .redirectError(stderr.toFile())
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.contains("http://localhost:")) {
        process.destroyForcibly();
        fail("the engine did not start: " + line + " " + Files.readString(stderr));
      }
      Child child = new Child(process, URI.create(line.substring(line.indexOf("http://"))), stderr);
      current = child;
      return child;
    }

    void kill() {
      process.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String errors() throws IOException {
      return Files.readString(stderr);
    }
  }
}
