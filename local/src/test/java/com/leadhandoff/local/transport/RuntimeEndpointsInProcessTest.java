package com.leadhandoff.local.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.clock.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The runtime's own services through real SDK clients, once over HTTP and once handed over
 * in-process: the same results and the same typed errors, the DynamoDB engine's meter counts both,
 * the runtime's fault injection applies to both, and nothing in-process touches the network.
 */
class RuntimeEndpointsInProcessTest {
  private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

  private final List<URI> networkRequests = new ArrayList<>();

  @Test
  void dynamoDb_sameAnswersAndErrors_andTheMeterCountsEveryRequest() {
    try (LocalRuntime runtime = runtime(SdkTransport.IN_PROCESS);
        DynamoDbClient socket = dynamo(runtime, UrlConnectionHttpClient.create());
        DynamoDbClient inProcess = dynamo(runtime, inProcessClient())) {
      socket.createTable(
          t ->
              t.tableName("Transport")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                  .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
      long before = puts(runtime);

      // WHEN the same conditional put is made twice each way
      for (DynamoDbClient client : List.of(socket, inProcess)) {
        String id = client == socket ? "over-http" : "in-process";
        client.putItem(
            p ->
                p.tableName("Transport")
                    .item(Map.of("id", AttributeValue.fromS(id)))
                    .conditionExpression("attribute_not_exists(id)"));
      }
      AwsServiceException overHttp =
          assertThrows(AwsServiceException.class, () -> putAgain(socket, "over-http"));
      AwsServiceException handedOver =
          assertThrows(AwsServiceException.class, () -> putAgain(inProcess, "in-process"));

      // THEN the same typed error, and the engine metered all four puts
      assertEquals(overHttp.getClass(), handedOver.getClass());
      assertEquals(overHttp.statusCode(), handedOver.statusCode());
      assertEquals(
          overHttp.awsErrorDetails().errorCode(), handedOver.awsErrorDetails().errorCode());
      assertEquals(
          overHttp.awsErrorDetails().errorMessage(), handedOver.awsErrorDetails().errorMessage());
      assertEquals(before + 4, puts(runtime));
      assertEquals(
          inProcess.getItem(g -> g.tableName("Transport").key(key("over-http"))).item(),
          socket.getItem(g -> g.tableName("Transport").key(key("over-http"))).item());
      assertEquals(List.of(), networkRequests);
    }
  }

  @Test
  void dynamoDb_unsignedInProcess_answersAsSignedOverHttp() {
    try (LocalRuntime runtime = runtime(SdkTransport.IN_PROCESS);
        DynamoDbClient socket = dynamo(runtime, UrlConnectionHttpClient.create());
        DynamoDbClient unsigned =
            DynamoDbClient.builder()
                .endpointOverride(runtime.services().dynamoEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(inProcessClient())
                .putAuthScheme(new InProcessAuthScheme())
                .build()) {
      // GIVEN a table made over HTTP, signed
      socket.createTable(
          t ->
              t.tableName("Unsigned")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                  .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

      // WHEN the unsigned in-process client writes and describes it
      unsigned.putItem(p -> p.tableName("Unsigned").item(key("in-process")));
      String arn = unsigned.describeTable(d -> d.tableName("Unsigned")).table().tableArn();

      // THEN the engine answers as to the signed client: the same region in the ARN, the same item
      assertEquals(socket.describeTable(d -> d.tableName("Unsigned")).table().tableArn(), arn);
      assertTrue(arn.startsWith("arn:aws:dynamodb:us-east-1:"), arn);
      assertEquals(
          key("in-process"),
          socket.getItem(g -> g.tableName("Unsigned").key(key("in-process"))).item());
      assertEquals(List.of(), networkRequests);
    }
  }

  @Test
  void ses_refusedRecipientFault_appliesInProcessToo() {
    try (LocalRuntime runtime = runtime(SdkTransport.IN_PROCESS);
        SesV2Client socket = ses(runtime, UrlConnectionHttpClient.create());
        SesV2Client inProcess = ses(runtime, inProcessClient())) {
      // GIVEN SES told to refuse a recipient
      runtime.faults().rejectRecipient("rep@example.com");

      // WHEN both clients email it
      AwsServiceException overHttp =
          assertThrows(AwsServiceException.class, () -> send(socket, "rep@example.com"));
      AwsServiceException handedOver =
          assertThrows(AwsServiceException.class, () -> send(inProcess, "rep@example.com"));

      // THEN both are refused alike; another recipient's email reaches the outbox
      assertEquals(overHttp.getClass(), handedOver.getClass());
      assertEquals(
          overHttp.awsErrorDetails().errorCode(), handedOver.awsErrorDetails().errorCode());
      assertEquals(
          overHttp.awsErrorDetails().errorMessage(), handedOver.awsErrorDetails().errorMessage());
      String messageId = send(inProcess, "other@example.com");
      assertTrue(runtime.outbox().byMessageId(messageId).isPresent());
      assertEquals(List.of(), networkRequests);
    }
  }

  @Test
  void stepFunctions_sameTypedError() {
    try (LocalRuntime runtime = runtime(SdkTransport.IN_PROCESS);
        SfnClient socket = sfn(runtime, UrlConnectionHttpClient.create());
        SfnClient inProcess = sfn(runtime, inProcessClient())) {
      String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:missing";
      Function<SfnClient, AwsServiceException> describe =
          client ->
              assertThrows(
                  AwsServiceException.class,
                  () -> client.describeStateMachine(d -> d.stateMachineArn(arn)));

      AwsServiceException overHttp = describe.apply(socket);
      AwsServiceException handedOver = describe.apply(inProcess);

      assertEquals(overHttp.getClass(), handedOver.getClass());
      assertEquals(
          overHttp.awsErrorDetails().errorMessage(), handedOver.awsErrorDetails().errorMessage());
      assertEquals(List.of(), networkRequests);
    }
  }

  @Test
  void runtimeOnSockets_registersNothing_soCallsGoOverTheNetwork() {
    try (LocalRuntime runtime = runtime(SdkTransport.SOCKET);
        SfnClient client = sfn(runtime, inProcessClient())) {
      client.listStateMachines();

      assertEquals(1, networkRequests.size());
      assertEquals(runtime.baseUrl().getPort(), networkRequests.get(0).getPort());
    }
  }

  // ---- helpers ----

  private static LocalRuntime runtime(SdkTransport transport) {
    return LocalRuntime.builder()
        .projectRoot(Projects.echo())
        .port(0)
        .inMemory(true)
        .clock(new VirtualClock(MONDAY))
        .sdkTransport(transport)
        .out(new PrintStream(new ByteArrayOutputStream()))
        .start();
  }

  /** The in-process client, its network side recorded. */
  private SdkHttpClient inProcessClient() {
    SdkHttpClient network = UrlConnectionHttpClient.create();
    return new InProcessHttpClient(
        new SdkHttpClient() {
          @Override
          public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            networkRequests.add(request.httpRequest().getUri());
            return network.prepareRequest(request);
          }

          @Override
          public void close() {
            network.close();
          }
        });
  }

  private static long puts(LocalRuntime runtime) {
    return runtime.dynamoCapacity().orElseThrow().calls().getOrDefault("PutItem", 0L);
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  private static void putAgain(DynamoDbClient client, String id) {
    client.putItem(
        p ->
            p.tableName("Transport").item(key(id)).conditionExpression("attribute_not_exists(id)"));
  }

  private static String send(SesV2Client client, String to) {
    return client
        .sendEmail(
            e ->
                e.fromEmailAddress("leads@example.com")
                    .destination(d -> d.toAddresses(to))
                    .content(
                        c ->
                            c.simple(
                                s ->
                                    s.subject(t -> t.data("Hello"))
                                        .body(b -> b.text(t -> t.data("Hi."))))))
        .messageId();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  private static DynamoDbClient dynamo(LocalRuntime runtime, SdkHttpClient http) {
    return DynamoDbClient.builder()
        .endpointOverride(runtime.services().dynamoEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(http)
        .build();
  }

  private static SesV2Client ses(LocalRuntime runtime, SdkHttpClient http) {
    return SesV2Client.builder()
        .endpointOverride(runtime.baseUrl().resolve(LocalRuntime.SES_PATH))
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(http)
        .build();
  }

  private static SfnClient sfn(LocalRuntime runtime, SdkHttpClient http) {
    return SfnClient.builder()
        .endpointOverride(runtime.baseUrl().resolve(LocalRuntime.STEP_FUNCTIONS_PATH))
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(http)
        .build();
  }
}
