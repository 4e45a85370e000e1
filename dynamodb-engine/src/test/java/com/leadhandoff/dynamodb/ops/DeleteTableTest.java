package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DeleteTable through the SDK (API Reference, "DeleteTable"). */
class DeleteTableTest extends EngineTest {

  @Test
  void deletedTableIsGone() {
    String t = table(null);
    assertEquals(
        TableStatus.DELETING,
        ddb.deleteTable(b -> b.tableName(t)).tableDescription().tableStatus());
    var e =
        assertThrows(ResourceNotFoundException.class, () -> ddb.describeTable(b -> b.tableName(t)));
    assertEquals(
        "Requested resource not found: Table: " + t + " not found",
        e.awsErrorDetails().errorMessage());
  }
}
