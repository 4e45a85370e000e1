package com.leadhandoff.local.bench;

import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.dynamo.LocalDynamo;
import com.leadhandoff.local.dynamo.Tables;
import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.transport.SdkTransport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Posts leads to the local runtime and measures how fast they become offer emails, against a bare
 * dynamodb-engine put (in memory) as the floor, in one run:
 *
 * <pre>
 *   java -cp local/target/lead-handoff-local.jar com.leadhandoff.local.bench.HandoffBenchmark \
 *       [--leads 1000] [--concurrency 8] [--warmup 200] [--project DIR]
 *       [--sdk-transport in-process|socket]
 * </pre>
 *
 * <p>Floor: the DynamoDB engine alone (in memory), one PutItem per lead of about a stored lead's
 * size, from the same number of client threads, after ten warm-up puts per warm-up lead. Handoff:
 * the whole local runtime (in memory, real clock) — {@code POST /leads} through intake, the state
 * machine's Take In Lead and Offer To Rep, until the offer email is in the outbox. Throughput is
 * leads from the first POST to the last offer email; latency is the intake call as the client sees
 * it; memory is the peak heap sampled during each phase and the process's peak resident set; CPU is
 * the process's CPU time during each phase per lead (steadier than leads per second on a machine
 * shared with other work).
 *
 * <p>The warm-up leads let the JIT compile the hot paths first (the SDK's, the handlers', the
 * engine's), as in a runtime that has been up a while; with a few dozen, the phases mostly measure
 * the compiler.
 */
public final class HandoffBenchmark {
  private static final String OFFER_SUBJECT = "New lead for you:";

  private HandoffBenchmark() {}

  public static void main(String[] args) throws Exception {
    int leads = 1000;
    int concurrency = 8;
    int warmup = 200;
    Path project = Path.of("").toAbsolutePath();
    SdkTransport transport = SdkTransport.IN_PROCESS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--leads" -> leads = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--project" -> project = Path.of(args[++i]).toAbsolutePath();
        case "--sdk-transport" -> transport = SdkTransport.of(args[++i]);
        default -> {
          System.err.println(
              "usage: [--leads N] [--concurrency N] [--warmup N] [--project DIR]"
                  + " [--sdk-transport in-process|socket]; unknown "
                  + args[i]);
          System.exit(2);
        }
      }
    }
    // As the runtime's own console has it: handlers log warnings and errors only. Set before the
    // floor's SDK client starts Log4j, which reads it once.
    if (System.getProperty("leadhandoff.logLevel") == null) {
      System.setProperty("leadhandoff.logLevel", "WARN");
    }
    System.out.printf(
        "%d leads, %d client threads, %d warm-up leads, %d CPUs, max heap %d MiB, functions' SDK"
            + " transport %s%n%n",
        leads,
        concurrency,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        transport.option());

    Result floor = floor(leads, concurrency, warmup);
    System.gc();
    Result handoff = handoff(project, leads, concurrency, warmup, transport);

    System.out.println(
        "| phase | leads/s | p50 ms | p99 ms | max ms | peak heap MiB | live heap MiB"
            + " | CPU ms per lead |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    System.out.println(floor.row("dynamodb-engine PutItem (floor)"));
    System.out.println(handoff.row("POST /leads -> offer email in outbox"));
    System.out.printf(
        Locale.ROOT,
        "%nIntake latency is POST /leads answered (202); the handoff rate runs to the last offer"
            + " email. Live heap is what a full GC leaves at the phase's end, with everything the"
            + " phase stored still in memory. Peak resident set of the process over the whole run:"
            + " %.0f MiB.%n",
        HeapWatch.peakRssMib());
    System.exit(0);
  }

  private static Result floor(int leads, int concurrency, int warmup) throws Exception {
    try (LocalDynamo dynamo = LocalDynamo.start(Optional.empty(), java.time.Clock.systemUTC());
        DynamoDbClient client = Tables.client(dynamo.endpoint())) {
      client.createTable(
          t ->
              t.tableName("BenchFloor")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("leadId")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName("leadId")
                          .keyType(KeyType.HASH)
                          .build()));
      IntConsumer put = n -> client.putItem(p -> p.tableName("BenchFloor").item(leadItem(n)));
      int warmupPuts = 10 * warmup;
      run(warmupPuts, concurrency, put);
      try (HeapWatch heap = new HeapWatch()) {
        long start = System.nanoTime();
        long[] latencies = run(leads, concurrency, n -> put.accept(warmupPuts + n));
        long elapsed = System.nanoTime() - start;
        return new Result(
            leads,
            elapsed,
            Stats.of(latencies),
            heap.peakHeapMib(),
            heap.cpuNanos(),
            HeapWatch.liveHeapMib());
      }
    }
  }

  private static Result handoff(
      Path project, int leads, int concurrency, int warmup, SdkTransport transport)
      throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.builder()
            .projectRoot(project)
            .sdkTransport(transport)
            .port(0)
            .inMemory(true)
            .out(new PrintStream(OutputStream.nullOutputStream()))
            .start()) {
      HttpClient http = HttpClient.newHttpClient();
      URI intake = runtime.baseUrl().resolve("/leads");
      IntConsumer post = n -> postLead(http, intake, n);
      run(warmup, concurrency, post);
      awaitOffers(runtime, warmup);
      try (HeapWatch heap = new HeapWatch()) {
        Instant start = runtime.clock().now();
        long[] latencies = run(leads, concurrency, n -> post.accept(1_000_000 + n));
        awaitOffers(runtime, warmup + leads);
        // Timed to the last offer's own send time, not to when the poll below noticed it.
        long elapsed = Duration.between(start, lastOfferSentAt(runtime)).toNanos();
        return new Result(
            leads,
            elapsed,
            Stats.of(latencies),
            heap.peakHeapMib(),
            heap.cpuNanos(),
            HeapWatch.liveHeapMib());
      }
    }
  }

  private static void postLead(HttpClient http, URI intake, int n) {
    String body =
        String.format(
            Locale.ROOT,
            "{\"email\":\"buyer%d@bench-%d.example\",\"firstName\":\"Bench\",\"lastName\":\"Lead"
                + " %d\",\"company\":\"Bench Co %d\",\"jobTitle\":\"VP Operations\",\"country\":"
                + "\"DE\",\"companySize\":250,\"industry\":\"Software\",\"formId\":\"demo-request\","
                + "\"pagesViewed\":[\"/pricing\",\"/case-studies/bench\"],\"utm_source\":\"g2\","
                + "\"message\":\"We would like a demo for our team of forty.\"}",
            n,
            n,
            n,
            n);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(intake)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        throw new IllegalStateException(
            "intake answered " + response.statusCode() + ": " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Instant lastOfferSentAt(LocalRuntime runtime) {
    return runtime.outbox().newestFirst().stream()
        .filter(m -> m.subject().startsWith(OFFER_SUBJECT))
        .map(SentEmail::sentAt)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  /**
   * Waits (polling the outbox) until {@code count} offer emails went out, or ten minutes. Each poll
   * copies the outbox, so it polls sparingly: it competes with the runtime being measured.
   */
  private static void awaitOffers(LocalRuntime runtime, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (offers(runtime) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + offers(runtime) + " of " + count + " offer emails after ten minutes");
      }
      Thread.sleep(100);
    }
  }

  private static long offers(LocalRuntime runtime) {
    return runtime.outbox().newestFirst().stream()
        .filter(m -> m.subject().startsWith(OFFER_SUBJECT))
        .count();
  }

  /** Runs {@code task(0..count-1)} on {@code threads} threads; returns each call's duration. */
  private static long[] run(int count, int threads, IntConsumer task) throws Exception {
    long[] nanos = new long[count];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  long start = System.nanoTime();
                  task.accept(n);
                  nanos[n] = System.nanoTime() - start;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return nanos;
  }

  /** An item about the size of a stored lead (~1 KB). */
  static Map<String, AttributeValue> leadItem(int n) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("leadId", AttributeValue.fromS("lead-bench-" + n));
    item.put("email", AttributeValue.fromS("buyer" + n + "@bench-" + n + ".example"));
    item.put("company", AttributeValue.fromS("Bench Co " + n));
    item.put("status", AttributeValue.fromS("RECEIVED"));
    item.put("submission", AttributeValue.fromS("x".repeat(900)));
    return item;
  }

  private record Result(
      int leads,
      long elapsedNanos,
      Stats latency,
      double peakHeapMib,
      long cpuNanos,
      double liveHeapMib) {
    String row(String phase) {
      return String.format(
          Locale.ROOT,
          "| %s | %.1f | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f |",
          phase,
          leads / (elapsedNanos / 1e9),
          latency.p50(),
          latency.p99(),
          latency.max(),
          peakHeapMib,
          liveHeapMib,
          cpuNanos / 1e6 / leads);
    }
  }
}
