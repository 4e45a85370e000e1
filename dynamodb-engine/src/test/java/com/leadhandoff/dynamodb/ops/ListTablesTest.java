package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** ListTables through the SDK (API Reference, "ListTables"). */
class ListTablesTest extends EngineTest {

  @Test
  void listTablesPagesByName() {
    for (int i = 0; i < 3; i++) {
      table(null);
    }
    List<String> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      ListTablesResponse page = ddb.listTables(b -> b.limit(2).exclusiveStartTableName(from));
      assertTrue(page.tableNames().size() <= 2);
      all.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
    } while (start != null);
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(null);
    assertEquals(sorted, all);
    assertTrue(all.size() >= 3);
  }
}
