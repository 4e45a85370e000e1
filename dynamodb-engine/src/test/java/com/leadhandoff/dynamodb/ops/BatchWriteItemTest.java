package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem through the SDK (API Reference, "BatchWriteItem"). */
class BatchWriteItemTest extends EngineTest {

  @Test
  void batchWriteWithDuplicateKeysIsRefused() {
    String t = table(null);
    WriteRequest put =
        WriteRequest.builder()
            .putRequest(PutRequest.builder().item(item("pk", "same")).build())
            .build();
    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.batchWriteItem(b -> b.requestItems(Map.of(t, List.of(put, put)))));
    assertEquals(
        "Provided list of item keys contains duplicates", e.awsErrorDetails().errorMessage());
  }

  @Test
  void batchWriteOfMoreThan25IsRefused() {
    String t = table(null);
    List<WriteRequest> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item("pk", "k" + i)).build())
              .build());
    }
    var e =
        assertThrows(
            DynamoDbException.class,
            () -> ddb.batchWriteItem(b -> b.requestItems(Map.of(t, many))));
    assertTrue(e.awsErrorDetails().errorMessage().contains("less than or equal to 25"));
  }
}
