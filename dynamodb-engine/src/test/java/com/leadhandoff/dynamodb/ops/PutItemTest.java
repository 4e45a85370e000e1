package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** PutItem through the SDK (API Reference, "PutItem"). */
class PutItemTest extends EngineTest {

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

  /** Developer Guide, "Quotas": nested attribute depth — a scalar in 31 maps or lists, not 32. */
  @Test
  void valueNestedInThirtyOneMaps_isStored_butInThirtyTwo_isRefused() {
    String t = table(null);
    AttributeValue in31 = s("deep");
    for (int i = 0; i < 31; i++) {
      in31 = AttributeValue.fromM(Map.of("a", in31));
    }
    AttributeValue in32 = AttributeValue.fromL(java.util.List.of(in31));
    Map<String, AttributeValue> ok = Map.of("pk", s("ok"), "v", in31);
    ddb.putItem(b -> b.tableName(t).item(ok));
    assertEquals(ok, ddb.getItem(b -> b.tableName(t).key(item("pk", "ok"))).item());

    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.putItem(b -> b.tableName(t).item(Map.of("pk", s("no"), "v", in32))));
    assertEquals(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels"
            + " beyond supported limit",
        e.awsErrorDetails().errorMessage());
  }

  /** Within the 4 KB limit, thousands of parentheses: an answer, never a dropped connection. */
  @Test
  void conditionOfTwoThousandNestedParentheses_isRefused_andTheServerAnswers() {
    String t = table(null);
    String deep = "(".repeat(2000) + "attribute_not_exists(pk)" + ")".repeat(2000);
    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a")).conditionExpression(deep)));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a")));
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
}
