package com.leadhandoff.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.local.dynamo.LocalDynamo;
import com.leadhandoff.local.dynamo.Tables;
import com.leadhandoff.local.transport.InProcessAuthScheme;
import com.leadhandoff.local.transport.InProcessEndpoints;
import com.leadhandoff.local.transport.InProcessHttpService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Where one DynamoDB call's CPU goes: the same lead-sized PutItem, one thread, through the SDK
 * client the functions use, (1) answered in-process with a canned reply (the SDK's own work:
 * marshalling, endpoint rules, signing, unmarshalling), (2) handed in-process to the engine, no
 * socket (adds the engine's JSON and the put itself), (3) through the local runtime's in-process
 * transport to the engine's HTTP handler, unsigned (what the functions' calls cost in the runtime
 * by default: adds the wire's request parsing, headers and CRC32, less the signing) and (4) sent
 * over HTTP to the engine (adds the JDK URL-connection client and the JDK HTTP server). Prints the
 * process CPU time per call of each, after a warm-up:
 *
 * <pre>
 *   java -cp local/target/lead-handoff-local.jar com.leadhandoff.local.bench.CallCost [--calls 20000]
 * </pre>
 */
public final class CallCost {
  private CallCost() {}

  public static void main(String[] args) {
    int calls = args.length == 2 && args[0].equals("--calls") ? Integer.parseInt(args[1]) : 20_000;
    try (DynamoDbClient canned = cannedClient()) {
      System.out.printf(
          Locale.ROOT,
          "SDK only (canned reply): %.3f ms CPU per PutItem%n",
          cpuPerCall(canned, calls));
    }
    try (DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC());
        DynamoDbClient direct = client(new EngineInProcess(engine))) {
      createTable(direct);
      System.out.printf(
          Locale.ROOT,
          "SDK + engine, no socket: %.3f ms CPU per PutItem%n",
          cpuPerCall(direct, calls));
    }
    try (LocalDynamo dynamo = LocalDynamo.start(Optional.empty(), Clock.systemUTC());
        InProcessEndpoints.Registration served =
            InProcessEndpoints.register(
                dynamo.endpoint().getPort(), dynamo.contexts().orElseThrow());
        DynamoDbClient inProcess =
            DynamoDbClient.builder()
                .applyMutation(
                    b ->
                        configure(
                            b,
                            new InProcessHttpService().createHttpClientBuilder().build(),
                            dynamo.endpoint()))
                // As the runtime builds the functions' clients: in-process calls go unsigned.
                .putAuthScheme(new InProcessAuthScheme())
                .build()) {
      createTable(inProcess);
      System.out.printf(
          Locale.ROOT,
          "SDK + runtime's in-process transport to the engine's handler: %.3f ms CPU per PutItem%n",
          cpuPerCall(inProcess, calls));
    }
    try (LocalDynamo dynamo = LocalDynamo.start(Optional.empty(), Clock.systemUTC());
        DynamoDbClient http = Tables.client(dynamo.endpoint())) {
      createTable(http);
      System.out.printf(
          Locale.ROOT,
          "SDK + engine over HTTP:  %.3f ms CPU per PutItem%n",
          cpuPerCall(http, calls));
    }
    System.exit(0);
  }

  private static void createTable(DynamoDbClient client) {
    client.createTable(
        t ->
            t.tableName("CallCost")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("leadId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("leadId").keyType(KeyType.HASH)));
  }

  /** Warms up with {@code calls} puts, then returns the process CPU ms per put of as many more. */
  private static double cpuPerCall(DynamoDbClient client, int calls) {
    for (int n = 0; n < calls; n++) {
      put(client, n);
    }
    try (HeapWatch watch = new HeapWatch()) {
      for (int n = calls; n < 2 * calls; n++) {
        put(client, n);
      }
      return watch.cpuNanos() / 1e6 / calls;
    }
  }

  private static void put(DynamoDbClient client, int n) {
    client.putItem(
        p ->
            p.tableName("CallCost")
                .item(HandoffBenchmark.leadItem(n))
                .conditionExpression("attribute_not_exists(leadId)"));
  }

  private static DynamoDbClient cannedClient() {
    return client(new CannedReply());
  }

  private static DynamoDbClient client(SdkHttpClient transport) {
    return client(transport, URI.create("http://localhost:1"));
  }

  private static DynamoDbClient client(SdkHttpClient transport, URI endpoint) {
    return DynamoDbClient.builder().applyMutation(b -> configure(b, transport, endpoint)).build();
  }

  private static void configure(
      DynamoDbClientBuilder builder, SdkHttpClient transport, URI endpoint) {
    builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(transport);
  }

  /** A 200 response with {@code body} and its CRC32, as the SDK checks it. */
  private static HttpExecuteResponse reply(int status, byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return HttpExecuteResponse.builder()
        .response(
            SdkHttpResponse.builder()
                .statusCode(status)
                .putHeader("Content-Length", String.valueOf(body.length))
                .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
                .build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
        .build();
  }

  /** Hands each request's JSON to the engine in this JVM and returns its answer, no socket. */
  private static final class EngineInProcess implements SdkHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbEngine engine;

    EngineInProcess(DynamoDbEngine engine) {
      this.engine = engine;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElseThrow();
          JsonNode body = JSON.readTree(request.contentStreamProvider().orElseThrow().newStream());
          try {
            JsonNode answer = engine.handle(target.substring(target.indexOf('.') + 1), body);
            return reply(200, JSON.writeValueAsBytes(answer));
          } catch (DynamoDbException e) {
            return reply(e.status(), JSON.writeValueAsBytes(e.body()));
          }
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }

  /** Reads each request's body and answers {@code {}} with its CRC32, as DynamoDB would. */
  private static final class CannedReply implements SdkHttpClient {
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          if (request.contentStreamProvider().isPresent()) {
            request.contentStreamProvider().get().newStream().readAllBytes();
          }
          return reply(200, BODY);
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
