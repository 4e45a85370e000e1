package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

/** TransactGetItems through the SDK (API Reference, "TransactGetItems"). */
class TransactGetItemsTest extends EngineTest {

  @Test
  void transactGetReadsEachItemOrNothing() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
    var r =
        ddb.transactGetItems(
            b ->
                b.transactItems(
                    TransactGetItem.builder()
                        .get(Get.builder().tableName(t).key(item("pk", "a")).build())
                        .build(),
                    TransactGetItem.builder()
                        .get(Get.builder().tableName(t).key(item("pk", "none")).build())
                        .build()));
    assertEquals(item("pk", "a", "v", 1), r.responses().get(0).item());
    assertFalse(r.responses().get(1).hasItem() && !r.responses().get(1).item().isEmpty());
  }
}
