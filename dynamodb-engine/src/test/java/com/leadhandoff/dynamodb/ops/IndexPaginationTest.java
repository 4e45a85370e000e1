package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Paging through global indexes with LastEvaluatedKey, both directions. */
class IndexPaginationTest extends EngineTest {

  private String filled() {
    String t = tableWithGsi();
    for (int i = 0; i < 12; i++) {
      int k = i;
      // Pairs of items share an index sort key, so ties are broken by the table key.
      ddb.putItem(
          b ->
              b.tableName(t)
                  .item(item("pk", "p" + k, "sk", "s", "g1", k < 9 ? "x" : "y", "g2", k / 2)));
    }
    return t;
  }

  @Test
  void reversedQueryOnAGlobalIndexPagesThroughEveryItemOnce() {
    String t = filled();
    List<String> seen = new ArrayList<>();
    for (QueryResponse page :
        ddb.queryPaginator(
            b ->
                b.tableName(t)
                    .indexName("gsi")
                    .limit(2)
                    .scanIndexForward(false)
                    .keyConditionExpression("g1 = :x")
                    .expressionAttributeValues(Map.of(":x", s("x"))))) {
      page.items().forEach(i -> seen.add(i.get("pk").s()));
    }
    assertEquals(List.of("p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1", "p0"), seen);
  }

  @Test
  void scanOfAGlobalIndexPagesThroughEveryIndexedItemOnce() {
    String t = filled();
    ddb.putItem(b -> b.tableName(t).item(item("pk", "unindexed", "sk", "s")));
    List<String> seen = new ArrayList<>();
    for (ScanResponse page : ddb.scanPaginator(b -> b.tableName(t).indexName("gsi").limit(5))) {
      page.items().forEach(i -> seen.add(i.get("pk").s()));
    }
    assertEquals(12, seen.size());
    assertEquals(12, new java.util.HashSet<>(seen).size());
  }
}
