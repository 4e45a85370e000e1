package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DescribeTable through the SDK (API Reference, "DescribeTable"). */
class DescribeTableTest extends EngineTest {

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
}
