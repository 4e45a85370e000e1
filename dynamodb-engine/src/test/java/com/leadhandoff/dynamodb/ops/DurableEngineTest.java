package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** A durable engine keeps tables, indexes, TTL settings and items across a reopen. */
class DurableEngineTest {
  @TempDir Path dir;

  @Test
  void indexesAndExpiryWorkAfterAReopen() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    long now = clock.instant().getEpochSecond();
    try (DynamoDbEngine engine = DynamoDbEngine.durable(dir, clock)) {
      DynamoDbServer server = engine.serve(0);
      try (DynamoDbClient ddb = EngineTest.client(server)) {
        ddb.createTable(
            b ->
                b.tableName("reopened")
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(
                        EngineTest.key(
                            "pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                    .attributeDefinitions(
                        EngineTest.def(
                            "pk",
                            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        EngineTest.def(
                            "g",
                            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                    .globalSecondaryIndexes(
                        i ->
                            i.indexName("byG")
                                .keySchema(
                                    EngineTest.key(
                                        "g",
                                        software.amazon.awssdk.services.dynamodb.model.KeyType
                                            .HASH))
                                .projection(p -> p.projectionType("ALL"))));
        ddb.updateTimeToLive(
            b ->
                b.tableName("reopened")
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
        ddb.putItem(
            b ->
                b.tableName("reopened")
                    .item(EngineTest.item("pk", "a", "g", "x", "exp", now + 60)));
        ddb.putItem(b -> b.tableName("reopened").item(EngineTest.item("pk", "b", "g", "x")));
      }
    }
    clock.advance(java.time.Duration.ofMinutes(2));
    try (DynamoDbEngine engine = DynamoDbEngine.durable(dir, clock)) {
      DynamoDbServer server = engine.serve(0);
      try (DynamoDbClient ddb = EngineTest.client(server)) {
        var r =
            ddb.query(
                b ->
                    b.tableName("reopened")
                        .indexName("byG")
                        .keyConditionExpression("g = :x")
                        .expressionAttributeValues(Map.of(":x", EngineTest.s("x"))));
        assertEquals(1, r.count());
        assertEquals("b", r.items().get(0).get("pk").s());
      }
    }
    try (DynamoDbEngine engine = DynamoDbEngine.durable(dir, clock)) {
      DynamoDbServer server = engine.serve(0);
      try (DynamoDbClient ddb = EngineTest.client(server)) {
        assertEquals(1L, ddb.describeTable(b -> b.tableName("reopened")).table().itemCount());
      }
    }
  }

  @Test
  void tablesAndItemsSurviveAReopen() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    String t;
    try (DynamoDbEngine engine = DynamoDbEngine.durable(dir, clock)) {
      DynamoDbServer server = engine.serve(0);
      try (DynamoDbClient ddb = EngineTest.client(server)) {
        t = "durable-" + System.nanoTime();
        String name = t;
        ddb.createTable(
            b ->
                b.tableName(name)
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(
                        EngineTest.key(
                            "pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                    .attributeDefinitions(
                        EngineTest.def(
                            "pk",
                            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S)));
        ddb.updateTimeToLive(
            b ->
                b.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
        ddb.putItem(b -> b.tableName(name).item(EngineTest.item("pk", "a", "v", 1)));
        ddb.putItem(b -> b.tableName(name).item(EngineTest.item("pk", "b", "v", 2)));
        ddb.deleteItem(b -> b.tableName(name).key(EngineTest.item("pk", "b")));
        ddb.updateItem(
            b ->
                b.tableName(name)
                    .key(EngineTest.item("pk", "a"))
                    .updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", EngineTest.n("5"))));
      }
    }
    try (DynamoDbEngine engine = DynamoDbEngine.durable(dir, clock)) {
      DynamoDbServer server = engine.serve(0);
      try (DynamoDbClient ddb = EngineTest.client(server)) {
        String name = t;
        assertEquals(
            EngineTest.item("pk", "a", "v", 5),
            ddb.getItem(b -> b.tableName(name).key(EngineTest.item("pk", "a"))).item());
        assertFalse(ddb.getItem(b -> b.tableName(name).key(EngineTest.item("pk", "b"))).hasItem());
        assertEquals(1L, ddb.describeTable(b -> b.tableName(name)).table().itemCount());
        assertEquals(
            TimeToLiveStatus.ENABLED,
            ddb.describeTimeToLive(b -> b.tableName(name))
                .timeToLiveDescription()
                .timeToLiveStatus());
        assertTrue(ddb.listTables().tableNames().contains(name));
      }
    }
  }
}
