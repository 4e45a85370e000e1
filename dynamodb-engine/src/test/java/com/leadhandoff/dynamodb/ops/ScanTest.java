package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Scan through the SDK (API Reference, "Scan"). */
class ScanTest extends EngineTest {

  private String filled(int count) {
    String t = table(null);
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item("pk", "k" + i, "n", i)).build())
              .build());
      if (batch.size() == 25 || i == count - 1) {
        List<WriteRequest> send = batch;
        ddb.batchWriteItem(b -> b.requestItems(Map.of(t, send)));
        batch = new ArrayList<>();
      }
    }
    return t;
  }

  @Test
  void scanPagesThroughEveryItemOnce() {
    String t = filled(60);
    Set<String> seen = new HashSet<>();
    int pages = 0;
    for (ScanResponse page : ddb.scanPaginator(b -> b.tableName(t).limit(7))) {
      page.items().forEach(i -> assertTrue(seen.add(i.get("pk").s())));
      pages++;
    }
    assertEquals(60, seen.size());
    assertTrue(pages >= 9);
  }

  @Test
  void parallelSegmentsCoverTheTableExactlyOnce() {
    String t = filled(50);
    Set<String> seen = new HashSet<>();
    for (int segment = 0; segment < 4; segment++) {
      int s = segment;
      ddb.scan(b -> b.tableName(t).segment(s).totalSegments(4))
          .items()
          .forEach(i -> assertTrue(seen.add(i.get("pk").s())));
    }
    assertEquals(50, seen.size());
  }

  @Test
  void scanFilterCountsMatchesAndScannedItems() {
    String t = filled(20);
    var r =
        ddb.scan(
            b ->
                b.tableName(t)
                    .filterExpression("n < :five")
                    .expressionAttributeValues(Map.of(":five", n("5"))));
    assertEquals(5, r.count());
    assertEquals(20, r.scannedCount());
  }
}
