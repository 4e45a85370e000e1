package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** CreateTable through the SDK (API Reference, "CreateTable"). */
class CreateTableTest extends EngineTest {

  private static CreateTableRequest.Builder simple(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(def("pk", ScalarAttributeType.S));
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
}
