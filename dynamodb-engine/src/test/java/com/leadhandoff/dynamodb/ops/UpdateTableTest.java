package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** UpdateTable through the SDK (API Reference, "UpdateTable"). */
class UpdateTableTest extends EngineTest {

  @Test
  void createdGlobalIndexIsBackfilledAndDeletedOneGone() {
    String t = table("S");
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "g", "x")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "sk", "1")));
    ddb.updateTable(
        b ->
            b.tableName(t)
                .attributeDefinitions(def("g", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .create(
                            CreateGlobalSecondaryIndexAction.builder()
                                .indexName("byG")
                                .keySchema(key("g", KeyType.HASH))
                                .projection(
                                    Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())
                        .build()));
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .indexName("byG")
                    .keyConditionExpression("g = :x")
                    .expressionAttributeValues(Map.of(":x", s("x"))));
    assertEquals(1, r.count());
    ddb.updateTable(
        b ->
            b.tableName(t)
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byG").build())
                        .build()));
    assertFalse(ddb.describeTable(b -> b.tableName(t)).table().hasGlobalSecondaryIndexes());
  }
}
