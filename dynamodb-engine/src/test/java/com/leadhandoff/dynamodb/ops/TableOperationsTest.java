package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable and the TTL operations through
 * the SDK (API Reference).
 */
class TableOperationsTest extends EngineTest {

  private static CreateTableRequest.Builder simple(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S));
  }

  @Test
  void createdTableIsActiveAndDescribedInFull() {
    String t = tableWithGsi();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b", "g1", "x", "g2", 1)));
    TableDescription d = ddb.describeTable(b -> b.tableName(t)).table();
    assertEquals(TableStatus.ACTIVE, d.tableStatus());
    assertEquals("arn:aws:dynamodb:us-west-2:000000000000:table/" + t, d.tableArn());
    assertEquals(1L, d.itemCount());
    assertTrue(d.tableSizeBytes() > 0);
    assertNotNull(d.creationDateTime());
    assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
    assertEquals(IndexStatus.ACTIVE, d.globalSecondaryIndexes().get(0).indexStatus());
    assertEquals(1L, d.globalSecondaryIndexes().get(0).itemCount());
    assertEquals(2, d.keySchema().size());
    ddb.waiter().waitUntilTableExists(b -> b.tableName(t));
  }

  @Test
  void existingTableIsResourceInUse() {
    String t = table(null);
    var e = assertThrows(ResourceInUseException.class, () -> ddb.createTable(simple(t).build()));
    assertEquals("Table already exists: " + t, e.awsErrorDetails().errorMessage());
  }

  @Test
  void tableNameOutsideThePatternIsRefused() {
    var e =
        assertThrows(DynamoDbException.class, () -> ddb.createTable(simple("bad name!").build()));
    assertEquals(
        "1 validation error detected: Value 'bad name!' at 'tableName' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        e.awsErrorDetails().errorMessage());
    var shortName =
        assertThrows(DynamoDbException.class, () -> ddb.createTable(simple("ab").build()));
    assertTrue(
        shortName
            .awsErrorDetails()
            .errorMessage()
            .contains("Member must have length greater than or equal to 3"));
  }

  @Test
  void attributeDefinitionsMustMatchTheKeys() {
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.createTable(
                    simple(name())
                        .attributeDefinitions(
                            def("pk", ScalarAttributeType.S), def("x", ScalarAttributeType.S))
                        .build()));
    assertEquals(
        "One or more parameter values were invalid: Number of attributes in KeySchema does not"
            + " exactly match number of attributes defined in AttributeDefinitions",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void provisionedBillingNeedsThroughputAndOnDemandRefusesIt() {
    var missing =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.createTable(simple(name()).billingMode(BillingMode.PROVISIONED).build()));
    assertTrue(missing.awsErrorDetails().errorMessage().contains("ReadCapacityUnits"));
    var refused =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.createTable(
                    simple(name())
                        .provisionedThroughput(
                            ProvisionedThroughput.builder()
                                .readCapacityUnits(1L)
                                .writeCapacityUnits(1L)
                                .build())
                        .build()));
    assertTrue(refused.awsErrorDetails().errorMessage().contains("PAY_PER_REQUEST"));
    String t = name();
    ddb.createTable(
        simple(t)
            .billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(
                ProvisionedThroughput.builder()
                    .readCapacityUnits(5L)
                    .writeCapacityUnits(5L)
                    .build())
            .build());
    assertEquals(
        5L,
        ddb.describeTable(b -> b.tableName(t)).table().provisionedThroughput().readCapacityUnits());
  }

  @Test
  void localIndexNeedsTheTableHashKey() {
    String t = name();
    ddb.createTable(
        CreateTableRequest.builder()
            .tableName(t)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
            .attributeDefinitions(
                def("pk", ScalarAttributeType.S),
                def("sk", ScalarAttributeType.S),
                def("l", ScalarAttributeType.N))
            .localSecondaryIndexes(
                LocalSecondaryIndex.builder()
                    .indexName("lsi")
                    .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                    .projection(
                        Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                    .build())
            .build());
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "l", 2, "other", "x")));
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .indexName("lsi")
                    .keyConditionExpression("pk = :p AND l > :z")
                    .expressionAttributeValues(Map.of(":p", s("a"), ":z", n("0"))));
    assertEquals(item("pk", "a", "sk", "1", "l", 2), r.items().get(0));
  }

  @Test
  void listTablesPagesByName() {
    for (int i = 0; i < 3; i++) {
      table(null);
    }
    List<String> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      ListTablesResponse page = ddb.listTables(b -> b.limit(2).exclusiveStartTableName(from));
      assertTrue(page.tableNames().size() <= 2);
      all.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
    } while (start != null);
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(null);
    assertEquals(sorted, all);
    assertTrue(all.size() >= 3);
  }

  @Test
  void deletedTableIsGone() {
    String t = table(null);
    assertEquals(
        TableStatus.DELETING,
        ddb.deleteTable(b -> b.tableName(t)).tableDescription().tableStatus());
    var e =
        assertThrows(ResourceNotFoundException.class, () -> ddb.describeTable(b -> b.tableName(t)));
    assertEquals(
        "Requested resource not found: Table: " + t + " not found",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void createdGlobalIndexIsBackfilledAndDeletedOneGone() {
    String t = table("S");
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "g", "x")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "sk", "1")));
    ddb.updateTable(
        b ->
            b.tableName(t)
                .attributeDefinitions(def("g", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .create(
                            CreateGlobalSecondaryIndexAction.builder()
                                .indexName("byG")
                                .keySchema(key("g", KeyType.HASH))
                                .projection(
                                    Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())
                        .build()));
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .indexName("byG")
                    .keyConditionExpression("g = :x")
                    .expressionAttributeValues(Map.of(":x", s("x"))));
    assertEquals(1, r.count());
    ddb.updateTable(
        b ->
            b.tableName(t)
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byG").build())
                        .build()));
    assertFalse(ddb.describeTable(b -> b.tableName(t)).table().hasGlobalSecondaryIndexes());
  }

  @Test
  void timeToLiveExpiresItemsByTheEngineClock() {
    String t = table(null);
    ddb.updateTimeToLive(
        b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
    assertEquals(
        TimeToLiveStatus.ENABLED,
        ddb.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().timeToLiveStatus());
    long now = clock.instant().getEpochSecond();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "soon", "exp", now + 60)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "later", "exp", now + 3600)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "never", "exp", "not a number")));
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "soon"))).hasItem());
    clock.advance(java.time.Duration.ofSeconds(61));
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "soon"))).hasItem());
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "later"))).hasItem());
    clock.advance(java.time.Duration.ofHours(2));
    assertEquals(1, ddb.scan(b -> b.tableName(t)).count());
    var again =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.updateTimeToLive(
                    b ->
                        b.tableName(t)
                            .timeToLiveSpecification(s -> s.enabled(true).attributeName("exp"))));
    assertEquals("TimeToLive is already enabled", again.awsErrorDetails().errorMessage());
  }
}
