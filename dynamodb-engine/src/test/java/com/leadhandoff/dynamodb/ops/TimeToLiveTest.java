package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** UpdateTimeToLive and DescribeTimeToLive through the SDK, and expiry by the engine clock. */
class TimeToLiveTest extends EngineTest {

  @Test
  void timeToLiveExpiresItemsByTheEngineClock() {
    String t = table(null);
    ddb.updateTimeToLive(
        b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
    assertEquals(
        TimeToLiveStatus.ENABLED,
        ddb.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().timeToLiveStatus());
    long now = clock.instant().getEpochSecond();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "soon", "exp", now + 60)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "later", "exp", now + 3600)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "never", "exp", "not a number")));
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "soon"))).hasItem());
    clock.advance(java.time.Duration.ofSeconds(61));
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "soon"))).hasItem());
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "later"))).hasItem());
    clock.advance(java.time.Duration.ofHours(2));
    assertEquals(1, ddb.scan(b -> b.tableName(t)).count());
    var again =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.updateTimeToLive(
                    b ->
                        b.tableName(t)
                            .timeToLiveSpecification(s -> s.enabled(true).attributeName("exp"))));
    assertEquals("TimeToLive is already enabled", again.awsErrorDetails().errorMessage());
  }

  @Test
  void disabledTimeToLiveKeepsItemsAndDroppedTablesLeaveNothingDue() {
    String kept = table(null);
    String dropped = table(null);
    for (String t : new String[] {kept, dropped}) {
      ddb.updateTimeToLive(
          b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
    }
    long now = clock.instant().getEpochSecond();
    ddb.putItem(b -> b.tableName(kept).item(item("pk", "a", "exp", now + 10)));
    ddb.putItem(b -> b.tableName(dropped).item(item("pk", "a", "exp", now + 10)));
    ddb.updateTimeToLive(
        b -> b.tableName(kept).timeToLiveSpecification(s -> s.enabled(false).attributeName("exp")));
    ddb.deleteTable(b -> b.tableName(dropped));
    clock.advance(java.time.Duration.ofMinutes(1));
    assertTrue(ddb.getItem(b -> b.tableName(kept).key(item("pk", "a"))).hasItem());
    assertEquals(
        TimeToLiveStatus.DISABLED,
        ddb.describeTimeToLive(b -> b.tableName(kept)).timeToLiveDescription().timeToLiveStatus());
  }
}
