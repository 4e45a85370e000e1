package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Requests DynamoDB refuses, refused with its exception types and wording. */
class ValidationTest extends EngineTest {

  @Test
  void unknownReturnValuesIsAnEnumViolation() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.updateItem(
                    b -> b.tableName(t).key(item("pk", "a")).returnValues("EVERYTHING")));
    assertEquals(
        "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD,"
            + " NONE, UPDATED_NEW]",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void deleteRefusesReturnValuesAllNew() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")).returnValues("ALL_NEW")));
    assertEquals("ReturnValues can only be ALL_OLD or NONE", e.awsErrorDetails().errorMessage());
  }

  @Test
  void keysOnlyGlobalIndexRefusesSelectAllAttributesAndProjectsKeys() {
    String t = name();
    ddb.createTable(
        CreateTableRequest.builder()
            .tableName(t)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(def("pk", ScalarAttributeType.S), def("g", ScalarAttributeType.S))
            .globalSecondaryIndexes(
                GlobalSecondaryIndex.builder()
                    .indexName("keys")
                    .keySchema(key("g", KeyType.HASH))
                    .projection(
                        Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                    .build())
            .build());
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "g", "x", "other", 1)));
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.query(
                    b ->
                        b.tableName(t)
                            .indexName("keys")
                            .select(Select.ALL_ATTRIBUTES)
                            .keyConditionExpression("g = :g")
                            .expressionAttributeValues(Map.of(":g", s("x")))));
    assertTrue(e.awsErrorDetails().errorMessage().contains("projection type is not ALL"));
    var scan = ddb.scan(b -> b.tableName(t).indexName("keys"));
    assertEquals(List.of(item("pk", "a", "g", "x")), scan.items());
  }

  @Test
  void invalidExclusiveStartKeyIsRefused() {
    String t = table("S");
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.query(
                    b ->
                        b.tableName(t)
                            .keyConditionExpression("pk = :p")
                            .exclusiveStartKey(item("pk", "p"))
                            .expressionAttributeValues(Map.of(":p", s("p")))));
    assertTrue(
        e.awsErrorDetails().errorMessage().startsWith("The provided starting key is invalid"));
  }

  @Test
  void batchGetOfMoreThan100KeysIsRefused() {
    String t = table(null);
    List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys =
        new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("pk", "k" + i));
    }
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.batchGetItem(
                    b ->
                        b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys).build()))));
    assertEquals(
        "Too many items requested for the BatchGetItem call", e.awsErrorDetails().errorMessage());
  }

  @Test
  void transactionOfMoreThan100ActionsIsRefused() {
    String t = table(null);
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      items.add(
          TransactWriteItem.builder()
              .put(Put.builder().tableName(t).item(item("pk", "k" + i)).build())
              .build());
    }
    var e =
        assertThrows(
            DynamoDbException.class, () -> ddb.transactWriteItems(b -> b.transactItems(items)));
    assertTrue(e.awsErrorDetails().errorMessage().contains("less than or equal to 100"));
  }

  @Test
  void projectionExpressionNeedsSelectSpecificAttributes() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.scan(
                    b -> b.tableName(t).select(Select.ALL_ATTRIBUTES).projectionExpression("pk")));
    assertEquals(
        "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES",
        e.awsErrorDetails().errorMessage());
    var missing =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.scan(b -> b.tableName(t).select(Select.SPECIFIC_ATTRIBUTES)));
    assertEquals(
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get"
            + " SPECIFIC_ATTRIBUTES",
        missing.awsErrorDetails().errorMessage());
  }

  @Test
  void billingModeCanBeSwitched() {
    String t = table(null);
    ddb.updateTable(
        b ->
            b.tableName(t)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(
                    ProvisionedThroughput.builder()
                        .readCapacityUnits(3L)
                        .writeCapacityUnits(4L)
                        .build()));
    var d = ddb.describeTable(b -> b.tableName(t)).table();
    assertEquals(BillingMode.PROVISIONED, d.billingModeSummary().billingMode());
    assertEquals(4L, d.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void firstKeySchemaElementMustBeHash() {
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.createTable(
                    b ->
                        b.tableName(name())
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(key("pk", KeyType.RANGE))
                            .attributeDefinitions(def("pk", ScalarAttributeType.S))));
    assertEquals(
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void undefinedKeyAttributeIsRefused() {
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.createTable(
                    b ->
                        b.tableName(name())
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(key("pk", KeyType.HASH))
                            .attributeDefinitions(def("other", ScalarAttributeType.S))));
    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .startsWith(
                "One or more parameter values were invalid: Some index key attributes are not"
                    + " defined in AttributeDefinitions"));
  }
}
