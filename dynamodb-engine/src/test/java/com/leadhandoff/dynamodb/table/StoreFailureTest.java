package com.leadhandoff.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.storage.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A store that fails makes the write a 500 and leaves memory as it was. */
class StoreFailureTest {
  @Test
  void aFailedStoreWriteIsAnInternalServerErrorAndChangesNothing() throws Exception {
    AtomicBoolean failing = new AtomicBoolean();
    Store store =
        new Store() {
          @Override
          public Snapshot load() {
            return new Snapshot(Map.of(), Map.of());
          }

          @Override
          public void apply(List<Change> changes) {
            if (failing.get()) {
              throw new IllegalStateException("disk full");
            }
          }

          @Override
          public void close() {}
        };
    Database db = new Database(Clock.systemUTC(), store, true);
    TableDef def =
        TableDef.parse(
            new ObjectMapper()
                .readTree(
                    "{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}"),
            0,
            "id",
            null);
    Table table = db.create(def);
    Item item = Item.of(Map.of("pk", AttributeValue.s("a")));
    ItemKey key = table.keyOf(item.attributes());
    failing.set(true);
    DynamoDbException e =
        assertThrows(
            DynamoDbException.class, () -> db.commit(new Database.Write(table, key, null, item)));
    assertEquals(500, e.status());
    assertEquals("InternalServerError", e.type());
    assertNull(table.get(key));
    assertEquals(0, table.itemCount());
  }
}
