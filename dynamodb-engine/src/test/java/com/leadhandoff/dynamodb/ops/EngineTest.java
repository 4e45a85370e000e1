package com.leadhandoff.dynamodb.ops;

import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Conformance tests' base: an in-memory engine served on a free port, and an SDK v2 client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineTest {
  private static final AtomicInteger TABLES = new AtomicInteger();

  protected MutableClock clock;
  protected DynamoDbEngine engine;
  protected DynamoDbServer server;
  protected DynamoDbClient ddb;

  @BeforeAll
  void start() {
    clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    engine = DynamoDbEngine.inMemory(clock);
    server = engine.serve(0);
    ddb = client(server);
  }

  static DynamoDbClient client(DynamoDbServer server) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_WEST_2)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @AfterAll
  void stop() {
    ddb.close();
    engine.close();
  }

  /** A fresh table name. */
  static String name() {
    return "t" + TABLES.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  /** A PAY_PER_REQUEST table keyed pk (S) and, if given, sk (S or N). */
  String table(String sortType) {
    String name = name();
    CreateTableRequest.Builder b =
        CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
    if (sortType == null) {
      b.keySchema(key("pk", KeyType.HASH)).attributeDefinitions(def("pk", ScalarAttributeType.S));
    } else {
      b.keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
          .attributeDefinitions(
              def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.fromValue(sortType)));
    }
    ddb.createTable(b.build());
    return name;
  }

  /** A table pk/sk (S/S) with a GSI "gsi" on g1 (S) / g2 (N), projecting ALL. */
  String tableWithGsi() {
    String name = name();
    ddb.createTable(
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
            .attributeDefinitions(
                def("pk", ScalarAttributeType.S),
                def("sk", ScalarAttributeType.S),
                def("g1", ScalarAttributeType.S),
                def("g2", ScalarAttributeType.N))
            .globalSecondaryIndexes(
                GlobalSecondaryIndex.builder()
                    .indexName("gsi")
                    .keySchema(key("g1", KeyType.HASH), key("g2", KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build())
            .build());
    return name;
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  /** An item from alternating names and values. */
  static Map<String, AttributeValue> item(Object... nameValue) {
    Map<String, AttributeValue> m = new HashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      Object v = nameValue[i + 1];
      m.put(
          (String) nameValue[i],
          v instanceof AttributeValue a
              ? a
              : v instanceof Number ? n(v.toString()) : s(String.valueOf(v)));
    }
    return m;
  }

  static String[] strings(String... s) {
    return Arrays.copyOf(s, s.length);
  }
}
