package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** DeleteItem through the SDK (API Reference, "DeleteItem"). */
class DeleteItemTest extends EngineTest {

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
}
