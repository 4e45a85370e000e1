package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** UpdateItem through the SDK (API Reference, "UpdateItem"). */
class UpdateItemTest extends EngineTest {

  @Test
  void updateCreatesAnAbsentItemAndReturnsAllNew() {
    String t = table(null);
    var r =
        ddb.updateItem(
            b ->
                b.tableName(t)
                    .key(item("pk", "a"))
                    .updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", n("1")))
                    .returnValues(ReturnValue.ALL_NEW));
    assertEquals(item("pk", "a", "v", 1), r.attributes());
  }

  @Test
  void updatedOldAndUpdatedNewReturnOnlyTheTouchedAttributes() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1, "w", 5)));
    var old =
        ddb.updateItem(
            b ->
                b.tableName(t)
                    .key(item("pk", "a"))
                    .updateExpression("SET v = v + :one")
                    .expressionAttributeValues(Map.of(":one", n("1")))
                    .returnValues(ReturnValue.UPDATED_OLD));
    assertEquals(item("v", 1), old.attributes());
    var neu =
        ddb.updateItem(
            b ->
                b.tableName(t)
                    .key(item("pk", "a"))
                    .updateExpression("SET v = v + :one")
                    .expressionAttributeValues(Map.of(":one", n("1")))
                    .returnValues(ReturnValue.UPDATED_NEW));
    assertEquals(item("v", 3), neu.attributes());
  }

  @Test
  void allOldOfAnAbsentItemReturnsNothing() {
    String t = table(null);
    var r =
        ddb.updateItem(
            b ->
                b.tableName(t)
                    .key(item("pk", "a"))
                    .updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", n("1")))
                    .returnValues(ReturnValue.ALL_OLD));
    assertFalse(r.hasAttributes());
  }

  @Test
  void updatingAKeyAttributeIsRefused() {
    String t = table(null);
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.updateItem(
                    b ->
                        b.tableName(t)
                            .key(item("pk", "a"))
                            .updateExpression("SET pk = :v")
                            .expressionAttributeValues(Map.of(":v", s("b")))));
    assertEquals(
        "One or more parameter values were invalid: Cannot update attribute pk. This attribute is"
            + " part of the key",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void conditionalUpdateFailsWithoutWriting() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    assertThrows(
        ConditionalCheckFailedException.class,
        () ->
            ddb.updateItem(
                b ->
                    b.tableName(t)
                        .key(item("pk", "a"))
                        .updateExpression("SET v = :two")
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n("2")))));
    assertEquals(
        item("pk", "a", "v", 1), ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item());
  }

  @Test
  void optimisticVersionCheckSucceedsOnTheCurrentVersion() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "version", 1)));
    ddb.updateItem(
        b ->
            b.tableName(t)
                .key(item("pk", "a"))
                .updateExpression("SET version = :next, note = :note")
                .conditionExpression("version = :current")
                .expressionAttributeValues(
                    Map.of(":next", n("2"), ":current", n("1"), ":note", s("hi"))));
    assertEquals(
        item("pk", "a", "version", 2, "note", "hi"),
        ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item());
  }

  @Test
  void indexKeyOfTheWrongTypeIsRefused() {
    String t = tableWithGsi();
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.updateItem(
                    b ->
                        b.tableName(t)
                            .key(item("pk", "a", "sk", "b"))
                            .updateExpression("SET g1 = :v")
                            .expressionAttributeValues(Map.of(":v", n("1")))));
    assertEquals(
        "One or more parameter values were invalid: Type mismatch for Index Key g1 Expected: S"
            + " Actual: N IndexName: gsi",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void removeDeletesAttributes() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1, "y", 2)));
    ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("REMOVE x"));
    assertEquals(
        item("pk", "a", "y", 2), ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item());
  }
}
