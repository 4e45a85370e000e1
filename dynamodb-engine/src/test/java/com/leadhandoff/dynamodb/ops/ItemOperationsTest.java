package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * PutItem, GetItem and DeleteItem through the SDK (API Reference, "PutItem", "GetItem",
 * "DeleteItem").
 */
class ItemOperationsTest extends EngineTest {

  @Test
  void putThenGetReturnsTheItem() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", 42, "s", "x")));
    GetItemResponse got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")));
    assertEquals(item("pk", "a", "n", 42, "s", "x"), got.item());
  }

  @Test
  void getOfAbsentItemHasNoItem() {
    String t = table(null);
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "none"))).hasItem());
  }

  @Test
  void putReplacesTheWholeItemAndReturnsAllOld() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1)));
    var r =
        ddb.putItem(
            b -> b.tableName(t).item(item("pk", "a", "y", 2)).returnValues(ReturnValue.ALL_OLD));
    assertEquals(item("pk", "a", "x", 1), r.attributes());
    assertEquals(
        item("pk", "a", "y", 2), ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item());
  }

  @Test
  void putRefusesReturnValuesOtherThanAllOldOrNone() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.putItem(
                    b ->
                        b.tableName(t)
                            .item(item("pk", "a"))
                            .returnValues(ReturnValue.UPDATED_NEW)));
    assertEquals("ReturnValues can only be ALL_OLD or NONE", e.awsErrorDetails().errorMessage());
  }

  @Test
  void putWithoutTheKeyIsRefused() {
    String t = table("S");
    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1))));
    assertEquals(
        "One or more parameter values were invalid: Missing the key sk in the item",
        e.awsErrorDetails().errorMessage());
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
  }

  @Test
  void putWithAKeyOfTheWrongTypeIsRefused() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class, () -> ddb.putItem(b -> b.tableName(t).item(item("pk", 1))));
    assertEquals(
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual:"
            + " N",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void putWithAnEmptyStringKeyIsRefused() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class, () -> ddb.putItem(b -> b.tableName(t).item(item("pk", ""))));
    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .contains("The AttributeValue for a key attribute cannot contain an empty string"));
  }

  @Test
  void getWithAKeyNotMatchingTheSchemaIsRefused() {
    String t = table("S");
    var e =
        assertThrows(
            DynamoDbException.class, () -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))));
    assertEquals(
        "The provided key element does not match the schema", e.awsErrorDetails().errorMessage());
  }

  @Test
  void itemOfMoreThan400KbIsRefused() {
    String t = table(null);
    String big = "x".repeat(400 * 1024);
    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "big", big))));
    assertEquals(
        "Item size has exceeded the maximum allowed size", e.awsErrorDetails().errorMessage());
  }

  @Test
  void operationsOnAMissingTableAreResourceNotFound() {
    assertThrows(
        ResourceNotFoundException.class,
        () -> ddb.getItem(b -> b.tableName("nope-" + name()).key(item("pk", "a"))));
  }

  @Test
  void conditionalPutFailsWhenTheItemExists() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    var e =
        assertThrows(
            ConditionalCheckFailedException.class,
            () ->
                ddb.putItem(
                    b ->
                        b.tableName(t)
                            .item(item("pk", "a", "v", 2))
                            .conditionExpression("attribute_not_exists(pk)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals("The conditional request failed", e.awsErrorDetails().errorMessage());
    assertEquals(item("pk", "a", "v", 1), e.item());
  }

  @Test
  void deleteReturnsTheOldItemAndRemovesIt() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    var r =
        ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")).returnValues(ReturnValue.ALL_OLD));
    assertEquals(item("pk", "a", "v", 1), r.attributes());
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem());
  }

  @Test
  void conditionalDeleteFailsWhenTheConditionDoesNotHold() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    assertThrows(
        ConditionalCheckFailedException.class,
        () ->
            ddb.deleteItem(
                b ->
                    b.tableName(t)
                        .key(item("pk", "a"))
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n("2")))));
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem());
  }

  @Test
  void projectionExpressionReturnsOnlyTheNamedAttributes() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1, "y", 2, "z", 3)));
    var got =
        ddb.getItem(
            b ->
                b.tableName(t)
                    .key(item("pk", "a"))
                    .projectionExpression("x, #y")
                    .expressionAttributeNames(Map.of("#y", "y")));
    assertEquals(item("x", 1, "y", 2), got.item());
  }

  @Test
  void unusedExpressionAttributeValuesAreRefused() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.putItem(
                    b ->
                        b.tableName(t)
                            .item(item("pk", "a"))
                            .conditionExpression("attribute_not_exists(pk)")
                            .expressionAttributeValues(Map.of(":b", n("1")))));
    assertTrue(e.awsErrorDetails().errorMessage().contains("unused"), e.getMessage());
  }

  @Test
  void legacyExpectedIsRefusedNamingConditionExpression() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.putItem(
                    b ->
                        b.tableName(t)
                            .item(item("pk", "a"))
                            .expected(
                                Map.of(
                                    "pk",
                                    software.amazon.awssdk.services.dynamodb.model
                                        .ExpectedAttributeValue.builder()
                                        .exists(false)
                                        .build()))));
    assertTrue(e.awsErrorDetails().errorMessage().contains("ConditionExpression"));
  }

  @Test
  void tableArnIsAcceptedInPlaceOfTheName() {
    String t = table(null);
    String arn = ddb.describeTable(b -> b.tableName(t)).table().tableArn();
    assertEquals("arn:aws:dynamodb:us-west-2:000000000000:table/" + t, arn);
    ddb.putItem(b -> b.tableName(arn).item(item("pk", "a")));
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem());
  }

  @Test
  void allDataTypesRoundTrip() {
    String t = table(null);
    Map<String, AttributeValue> it =
        item(
            "pk", "a",
            "n", n("-1.50"),
            "b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("hi")),
            "bool", AttributeValue.fromBool(true),
            "nul", AttributeValue.fromNul(true),
            "l", AttributeValue.fromL(java.util.List.of(s("x"), n("1"))),
            "m", AttributeValue.fromM(Map.of("k", s("v"))),
            "ss", AttributeValue.fromSs(java.util.List.of("a", "b")),
            "ns", AttributeValue.fromNs(java.util.List.of("1", "2")));
    ddb.putItem(b -> b.tableName(t).item(it));
    Map<String, AttributeValue> got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item();
    assertEquals("-1.5", got.get("n").n());
    assertEquals(it.get("m"), got.get("m"));
    assertEquals(it.get("l"), got.get("l"));
    assertEquals(it.get("b"), got.get("b"));
    assertEquals(9, got.size());
  }
}
