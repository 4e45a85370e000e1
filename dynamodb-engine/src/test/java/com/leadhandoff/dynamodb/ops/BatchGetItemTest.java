package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem through the SDK (API Reference, "BatchGetItem"). */
class BatchGetItemTest extends EngineTest {

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
  void batchGetReturnsTheItemsFound() {
    String t = filled(5);
    var r =
        ddb.batchGetItem(
            b ->
                b.requestItems(
                    Map.of(
                        t,
                        KeysAndAttributes.builder()
                            .keys(item("pk", "k1"), item("pk", "k3"), item("pk", "missing"))
                            .build())));
    assertEquals(2, r.responses().get(t).size());
    assertTrue(r.unprocessedKeys().isEmpty());
  }
}
