package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.dynamodb.table.CapacityMeter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * ConsumedCapacity as the Developer Guide's "DynamoDB read and write operations" and "Provisioned
 * throughput considerations for Global Secondary Indexes" count it, and the engine's meter.
 */
class ConsumedCapacityTest extends EngineTest {
  private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;

  /** An item of about {@code bytes} bytes: its key and one padding attribute. */
  private static Map<String, AttributeValue> sized(String pk, int bytes) {
    return item("pk", pk, "pad", "x".repeat(bytes - "pk".length() - pk.length() - 3));
  }

  @Test
  void readOperations_getItemRoundsUpTo4Kb_halfForEventuallyConsistent() {
    // GIVEN a 10 KB item
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(sized("a", 10_000)));

    // WHEN it is read eventually and strongly consistently, and a missing item is read
    ConsumedCapacity eventual =
        ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).returnConsumedCapacity(TOTAL))
            .consumedCapacity();
    ConsumedCapacity strong =
        ddb.getItem(
                b ->
                    b.tableName(t)
                        .key(item("pk", "a"))
                        .consistentRead(true)
                        .returnConsumedCapacity(TOTAL))
            .consumedCapacity();
    ConsumedCapacity missing =
        ddb.getItem(b -> b.tableName(t).key(item("pk", "zz")).returnConsumedCapacity(TOTAL))
            .consumedCapacity();

    // THEN 12 KB is three units strongly consistent, half that eventually; nothing costs a half
    assertEquals(t, strong.tableName());
    assertEquals(3.0, strong.capacityUnits());
    assertEquals(3.0, strong.readCapacityUnits());
    assertEquals(1.5, eventual.capacityUnits());
    assertEquals(0.5, missing.capacityUnits());
  }

  @Test
  void writeOperations_putItemIsBilledForTheLargerOfTheItemBeforeAndAfter() {
    String t = table(null);
    ConsumedCapacity first =
        ddb.putItem(b -> b.tableName(t).item(sized("a", 2_500)).returnConsumedCapacity(TOTAL))
            .consumedCapacity();
    ConsumedCapacity smaller =
        ddb.putItem(b -> b.tableName(t).item(sized("a", 100)).returnConsumedCapacity(TOTAL))
            .consumedCapacity();
    ConsumedCapacity deleted =
        ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")).returnConsumedCapacity(TOTAL))
            .consumedCapacity();

    assertEquals(3.0, first.capacityUnits());
    assertEquals(3.0, first.writeCapacityUnits());
    assertEquals(3.0, smaller.capacityUnits(), "replacing a 2.5 KB item costs its 3 KB");
    assertEquals(1.0, deleted.capacityUnits());
  }

  @Test
  void writeOperations_aFailedConditionStillConsumes_onTheMeter() {
    // GIVEN an item and a fresh meter
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(sized("a", 1_500)));
    CapacityMeter meter = engine.consumedCapacity();
    double before = meter.totals().get(t).write();

    // WHEN a conditional put fails
    assertThrows(
        ConditionalCheckFailedException.class,
        () ->
            ddb.putItem(
                b ->
                    b.tableName(t)
                        .item(sized("a", 100))
                        .conditionExpression("attribute_not_exists(pk)")));

    // THEN it was billed for the item as it is
    assertEquals(before + 2.0, meter.totals().get(t).write());
  }

  @Test
  void globalSecondaryIndexes_writesCostTheIndexToo_onlyWhenItsCopyChanges() {
    String t = tableWithGsi();
    ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
    // An item with the index key enters the index: one table write and one index write.
    ConsumedCapacity entered =
        ddb.putItem(
                b ->
                    b.tableName(t)
                        .item(item("pk", "a", "sk", "1", "g1", "x", "g2", 1))
                        .returnConsumedCapacity(indexes))
            .consumedCapacity();
    // Changing the index's sort key moves it: a delete and a put in the index.
    ConsumedCapacity moved =
        ddb.updateItem(
                b ->
                    b.tableName(t)
                        .key(item("pk", "a", "sk", "1"))
                        .updateExpression("SET g2 = :v")
                        .expressionAttributeValues(Map.of(":v", n("2")))
                        .returnConsumedCapacity(indexes))
            .consumedCapacity();
    // An item without the index key costs the index nothing.
    ConsumedCapacity outside =
        ddb.putItem(
                b ->
                    b.tableName(t).item(item("pk", "b", "sk", "1")).returnConsumedCapacity(indexes))
            .consumedCapacity();

    assertEquals(2.0, entered.capacityUnits());
    assertEquals(1.0, entered.table().capacityUnits());
    assertEquals(1.0, entered.globalSecondaryIndexes().get("gsi").capacityUnits());
    assertEquals(3.0, moved.capacityUnits());
    assertEquals(2.0, moved.globalSecondaryIndexes().get("gsi").capacityUnits());
    assertEquals(1.0, outside.capacityUnits());
    assertEquals(Map.of(), outside.globalSecondaryIndexes());
  }

  @Test
  void query_isBilledForTheItemsItEvaluated_roundedUpOnce_beforeTheFilter() {
    String t = table("S");
    for (int i = 0; i < 5; i++) {
      int n = i;
      ddb.putItem(
          b -> b.tableName(t).item(item("pk", "p", "sk", "s" + n, "pad", "y".repeat(1_500))));
    }
    ConsumedCapacity all =
        ddb.query(
                b ->
                    b.tableName(t)
                        .keyConditionExpression("pk = :p")
                        .filterExpression("#pad = :none")
                        .expressionAttributeNames(Map.of("#pad", "pad"))
                        .expressionAttributeValues(Map.of(":p", s("p"), ":none", s("nothing")))
                        .returnConsumedCapacity(TOTAL))
            .consumedCapacity();

    // 5 × ~1.5 KB = ~7.6 KB: two 4 KB blocks, halved for an eventually consistent read
    assertEquals(1.0, all.capacityUnits());
  }

  @Test
  void batchAndTransactions_answerOneEntryPerTable_transactionsCostTwice() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(sized("a", 100)));
    List<ConsumedCapacity> batch =
        ddb.batchGetItem(
                b ->
                    b.requestItems(
                            Map.of(
                                t,
                                KeysAndAttributes.builder()
                                    .keys(item("pk", "a"), item("pk", "b"))
                                    .build()))
                        .returnConsumedCapacity(TOTAL))
            .consumedCapacity();
    List<ConsumedCapacity> transactRead =
        ddb.transactGetItems(
                b ->
                    b.transactItems(
                            TransactGetItem.builder()
                                .get(Get.builder().tableName(t).key(item("pk", "a")).build())
                                .build())
                        .returnConsumedCapacity(TOTAL))
            .consumedCapacity();
    List<ConsumedCapacity> transactWrite =
        ddb.transactWriteItems(
                b ->
                    b.transactItems(
                            TransactWriteItem.builder()
                                .put(Put.builder().tableName(t).item(sized("c", 100)).build())
                                .build())
                        .returnConsumedCapacity(TOTAL))
            .consumedCapacity();

    assertEquals(1, batch.size());
    assertEquals(1.0, batch.get(0).capacityUnits(), "two items, each rounded up alone");
    assertEquals(2.0, transactRead.get(0).capacityUnits());
    assertEquals(2.0, transactWrite.get(0).capacityUnits());
  }

  @Test
  void returnConsumedCapacity_none_answersNothing_andAnUnknownValueIsRefused() {
    String t = table(null);
    assertNull(ddb.putItem(b -> b.tableName(t).item(sized("a", 100))).consumedCapacity());
    assertThrows(
        DynamoDbException.class,
        () ->
            ddb.putItem(
                b -> b.tableName(t).item(sized("a", 100)).returnConsumedCapacity("EVERYTHING")));
  }

  @Test
  void meter_addsUpEveryRequestPerTable_whetherOrNotItAskedForCapacity() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(sized("a", 100)));
    ddb.getItem(b -> b.tableName(t).key(item("pk", "a")));
    ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).consistentRead(true));

    assertEquals(new CapacityMeter.Units(1.5, 1.0), engine.consumedCapacity().totals().get(t));
  }

  @Test
  void meter_countsRequestsByOperationAndTheTablesTheyName() {
    // GIVEN two tables
    String t = table(null);
    String u = table(null);
    engine.consumedCapacity().reset();

    // WHEN a put, a get and a transaction across both are made
    ddb.putItem(b -> b.tableName(t).item(sized("a", 100)));
    ddb.getItem(b -> b.tableName(t).key(item("pk", "a")));
    ddb.transactWriteItems(
        b ->
            b.transactItems(
                TransactWriteItem.builder()
                    .put(Put.builder().tableName(u).item(sized("b", 100)).build())
                    .build(),
                TransactWriteItem.builder()
                    .put(Put.builder().tableName(t).item(sized("c", 100)).build())
                    .build()));

    // THEN each request is counted once, under its operation and its tables in name order
    String both = t.compareTo(u) < 0 ? t + "," + u : u + "," + t;
    assertEquals(
        Map.of("PutItem " + t, 1L, "GetItem " + t, 1L, "TransactWriteItems " + both, 1L),
        engine.consumedCapacity().callsByTable());
    assertEquals(
        Map.of("PutItem", 1L, "GetItem", 1L, "TransactWriteItems", 1L),
        engine.consumedCapacity().calls());
  }
}
