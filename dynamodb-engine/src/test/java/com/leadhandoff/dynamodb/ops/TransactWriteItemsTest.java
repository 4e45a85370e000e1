package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** TransactWriteItems through the SDK (API Reference, "TransactWriteItems"). */
class TransactWriteItemsTest extends EngineTest {

  private static TransactWriteItem put(String t, Map<String, ?> item) {
    @SuppressWarnings("unchecked")
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> i =
        (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>) item;
    return TransactWriteItem.builder().put(Put.builder().tableName(t).item(i).build()).build();
  }

  @Test
  void allActionsApplyTogether() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "gone")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "counter", "n", 1)));
    ddb.transactWriteItems(
        b ->
            b.transactItems(
                put(t, item("pk", "new")),
                TransactWriteItem.builder()
                    .delete(Delete.builder().tableName(t).key(item("pk", "gone")).build())
                    .build(),
                TransactWriteItem.builder()
                    .update(
                        Update.builder()
                            .tableName(t)
                            .key(item("pk", "counter"))
                            .updateExpression("SET n = n + :one")
                            .expressionAttributeValues(Map.of(":one", n("1")))
                            .build())
                    .build()));
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "new"))).hasItem());
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "gone"))).hasItem());
    assertEquals(
        "2", ddb.getItem(b -> b.tableName(t).key(item("pk", "counter"))).item().get("n").n());
  }

  @Test
  void aFailedConditionCancelsEverythingWithReasons() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "taken", "v", 7)));
    var e =
        assertThrows(
            TransactionCanceledException.class,
            () ->
                ddb.transactWriteItems(
                    b ->
                        b.transactItems(
                            put(t, item("pk", "fresh")),
                            TransactWriteItem.builder()
                                .conditionCheck(
                                    ConditionCheck.builder()
                                        .tableName(t)
                                        .key(item("pk", "taken"))
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .returnValuesOnConditionCheckFailure(
                                            ReturnValuesOnConditionCheckFailure.ALL_OLD)
                                        .build())
                                .build())));
    assertEquals(
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None,"
            + " ConditionalCheckFailed]",
        e.awsErrorDetails().errorMessage());
    assertEquals("None", e.cancellationReasons().get(0).code());
    assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(1).code());
    assertEquals("The conditional request failed", e.cancellationReasons().get(1).message());
    assertEquals(item("pk", "taken", "v", 7), e.cancellationReasons().get(1).item());
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "fresh"))).hasItem());
  }

  @Test
  void cancellationReasonItem_isTheItemAFailedPutFound_onlyWhenThePutAskedForAllOld() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "held", "v", 1)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "also", "v", 2)));
    var e =
        assertThrows(
            TransactionCanceledException.class,
            () ->
                ddb.transactWriteItems(
                    b ->
                        b.transactItems(
                            conditionalPut(t, "held", ReturnValuesOnConditionCheckFailure.ALL_OLD),
                            conditionalPut(t, "free", ReturnValuesOnConditionCheckFailure.ALL_OLD),
                            conditionalPut(t, "also", ReturnValuesOnConditionCheckFailure.NONE))));
    assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(0).code());
    assertEquals(item("pk", "held", "v", 1), e.cancellationReasons().get(0).item());
    assertEquals("None", e.cancellationReasons().get(1).code());
    assertFalse(e.cancellationReasons().get(1).hasItem());
    assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(2).code());
    assertFalse(e.cancellationReasons().get(2).hasItem());
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "free"))).hasItem());
  }

  private TransactWriteItem conditionalPut(
      String t, String pk, ReturnValuesOnConditionCheckFailure onFailure) {
    var i = item("pk", pk, "v", 9);
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(t)
                .item(i)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(onFailure)
                .build())
        .build();
  }

  @Test
  void twoActionsOnOneItemAreRefused() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.transactWriteItems(
                    b ->
                        b.transactItems(put(t, item("pk", "a")), put(t, item("pk", "a", "x", 1)))));
    assertEquals(
        "Transaction request cannot include multiple operations on one item",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void clientRequestTokenMakesARepeatANoOp() {
    String t = table(null);
    ddb.transactWriteItems(
        b -> b.clientRequestToken("token-1").transactItems(put(t, item("pk", "a", "v", 1))));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 2)));
    ddb.transactWriteItems(
        b -> b.clientRequestToken("token-1").transactItems(put(t, item("pk", "a", "v", 1))));
    assertEquals("2", ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item().get("v").n());
    assertThrows(
        IdempotentParameterMismatchException.class,
        () ->
            ddb.transactWriteItems(
                b ->
                    b.clientRequestToken("token-1")
                        .transactItems(put(t, item("pk", "a", "v", 3)))));
    clock.advance(java.time.Duration.ofMinutes(11));
    ddb.transactWriteItems(
        b -> b.clientRequestToken("token-1").transactItems(put(t, item("pk", "a", "v", 1))));
    assertEquals("1", ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item().get("v").n());
  }
}
