package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query through the SDK (API Reference, "Query"). */
class QueryTest extends EngineTest {

  private String numbered() {
    String t = table("N");
    for (int i : new int[] {10, 2, 1, 30, 3}) {
      ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", i, "odd", i % 2)));
    }
    ddb.putItem(b -> b.tableName(t).item(item("pk", "other", "sk", 1)));
    return t;
  }

  private static List<String> sks(QueryResponse r) {
    List<String> out = new ArrayList<>();
    r.items().forEach(i -> out.add(i.get("sk").n()));
    return out;
  }

  @Test
  void queryReturnsThePartitionInNumericSortKeyOrder() {
    String t = numbered();
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"))));
    assertEquals(List.of("1", "2", "3", "10", "30"), sks(r));
    assertEquals(5, r.count());
    assertEquals(5, r.scannedCount());
  }

  @Test
  void scanIndexForwardFalseReversesTheOrder() {
    String t = numbered();
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .keyConditionExpression("pk = :p AND sk > :two")
                    .scanIndexForward(false)
                    .expressionAttributeValues(Map.of(":p", s("p"), ":two", n("2"))));
    assertEquals(List.of("30", "10", "3"), sks(r));
  }

  @Test
  void betweenIsInclusive() {
    String t = numbered();
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("2"), ":b", n("10"))));
    assertEquals(List.of("2", "3", "10"), sks(r));
  }

  @Test
  void beginsWithSelectsStringPrefixes() {
    String t = table("S");
    for (String sk : new String[] {"a#1", "b#1", "b#2", "c"}) {
      ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", sk)));
    }
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :b)")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":b", s("b#"))));
    assertEquals(2, r.count());
    var desc =
        ddb.query(
            b ->
                b.tableName(t)
                    .scanIndexForward(false)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :b)")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":b", s("b#"))));
    assertEquals("b#2", desc.items().get(0).get("sk").s());
  }

  @Test
  void limitCountsItemsEvaluatedBeforeTheFilterAndPagesWithLastEvaluatedKey() {
    String t = numbered();
    QueryRequest.Builder base =
        QueryRequest.builder()
            .tableName(t)
            .keyConditionExpression("pk = :p")
            .filterExpression("odd = :one")
            .expressionAttributeValues(Map.of(":p", s("p"), ":one", n("1")))
            .limit(2);
    QueryResponse first = ddb.query(base.build());
    assertEquals(2, first.scannedCount());
    assertEquals(1, first.count());
    assertEquals(item("pk", "p", "sk", 2), first.lastEvaluatedKey());
    List<String> all = new ArrayList<>(sks(first));
    Map<String, AttributeValue> start = first.lastEvaluatedKey();
    while (start != null && !start.isEmpty()) {
      QueryResponse page = ddb.query(base.exclusiveStartKey(start).build());
      all.addAll(sks(page));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    }
    assertEquals(List.of("1", "3"), all);
  }

  @Test
  void selectCountReturnsNoItems() {
    String t = numbered();
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .select(Select.COUNT)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"))));
    assertEquals(5, r.count());
    assertFalse(r.hasItems() && !r.items().isEmpty());
  }

  @Test
  void queryOnAGlobalIndexIsSparseAndOrderedByTheIndexSortKey() {
    String t = tableWithGsi();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "1", "sk", "a", "g1", "x", "g2", 5)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "2", "sk", "a", "g1", "x", "g2", 1)));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "3", "sk", "a", "g1", "x")));
    ddb.putItem(b -> b.tableName(t).item(item("pk", "4", "sk", "a", "g1", "y", "g2", 1)));
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .indexName("gsi")
                    .keyConditionExpression("g1 = :x")
                    .expressionAttributeValues(Map.of(":x", s("x"))));
    assertEquals(2, r.count());
    assertEquals("2", r.items().get(0).get("pk").s());
    assertEquals("1", r.items().get(1).get("pk").s());
    var page =
        ddb.query(
            b ->
                b.tableName(t)
                    .indexName("gsi")
                    .limit(1)
                    .keyConditionExpression("g1 = :x")
                    .expressionAttributeValues(Map.of(":x", s("x"))));
    assertEquals(item("pk", "2", "sk", "a", "g1", "x", "g2", 1), page.lastEvaluatedKey());
    var next =
        ddb.query(
            b ->
                b.tableName(t)
                    .indexName("gsi")
                    .exclusiveStartKey(page.lastEvaluatedKey())
                    .keyConditionExpression("g1 = :x")
                    .expressionAttributeValues(Map.of(":x", s("x"))));
    assertEquals("1", next.items().get(0).get("pk").s());
  }

  @Test
  void indexFollowsUpdatesAndDeletes() {
    String t = tableWithGsi();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "1", "sk", "a", "g1", "x", "g2", 5)));
    ddb.updateItem(
        b ->
            b.tableName(t)
                .key(item("pk", "1", "sk", "a"))
                .updateExpression("SET g1 = :y")
                .expressionAttributeValues(Map.of(":y", s("y"))));
    assertEquals(0, gsiCount(t, "x"));
    assertEquals(1, gsiCount(t, "y"));
    ddb.deleteItem(b -> b.tableName(t).key(item("pk", "1", "sk", "a")));
    assertEquals(0, gsiCount(t, "y"));
  }

  private int gsiCount(String t, String g1) {
    return ddb.query(
            b ->
                b.tableName(t)
                    .indexName("gsi")
                    .keyConditionExpression("g1 = :g")
                    .expressionAttributeValues(Map.of(":g", s(g1))))
        .count();
  }

  @Test
  void consistentReadOnAGlobalIndexIsRefused() {
    String t = tableWithGsi();
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.query(
                    b ->
                        b.tableName(t)
                            .indexName("gsi")
                            .consistentRead(true)
                            .keyConditionExpression("g1 = :g")
                            .expressionAttributeValues(Map.of(":g", s("x")))));
    assertEquals(
        "Consistent reads are not supported on global secondary indexes",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void keyConditionOperandOfTheWrongTypeIsRefused() {
    String t = numbered();
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.query(
                    b ->
                        b.tableName(t)
                            .keyConditionExpression("pk = :p AND sk = :s")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":s", s("x")))));
    assertTrue(e.awsErrorDetails().errorMessage().contains("type"), e.getMessage());
  }

  @Test
  void filterOnAKeyAttributeIsRefusedButNestedNamesAreNot() {
    String t = numbered();
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.query(
                    b ->
                        b.tableName(t)
                            .keyConditionExpression("pk = :p")
                            .filterExpression("odd = :one AND #s > :one")
                            .expressionAttributeNames(Map.of("#s", "sk"))
                            .expressionAttributeValues(Map.of(":p", s("p"), ":one", n("1")))));
    assertEquals(
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
        e.awsErrorDetails().errorMessage());
    var r =
        ddb.query(
            b ->
                b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .filterExpression("attribute_not_exists(m.sk) AND odd >= :zero")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":zero", n("0"))));
    assertEquals(5, r.count());
  }

  @Test
  void unknownIndexIsRefused() {
    String t = numbered();
    var e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.query(
                    b ->
                        b.tableName(t)
                            .indexName("nope")
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("p")))));
    assertEquals(
        "The table does not have the specified index: nope", e.awsErrorDetails().errorMessage());
  }

  @Test
  void paginatorWalksAllPages() {
    String t = numbered();
    int total = 0;
    for (QueryResponse page :
        ddb.queryPaginator(
            b ->
                b.tableName(t)
                    .limit(2)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"))))) {
      total += page.count();
    }
    assertEquals(5, total);
  }
}
