package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The engine's public API beside HTTP: handle() in-process, serve() and close(). */
class EngineLifecycleTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void handleAnswersInProcess() throws Exception {
    try (DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC())) {
      JsonNode created =
          engine.handle(
              "CreateTable",
              json.readTree(
                  "{\"TableName\":\"inproc\",\"BillingMode\":\"PAY_PER_REQUEST\","
                      + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                      + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}"));
      assertEquals(
          "arn:aws:dynamodb:us-east-1:000000000000:table/inproc",
          created.path("TableDescription").path("TableArn").asText());
      DynamoDbException e =
          assertThrows(
              DynamoDbException.class, () -> engine.handle("Nope", json.createObjectNode()));
      assertEquals("UnknownOperationException", e.type());
    }
  }

  @Test
  void serversStartAndStopQuickly() {
    try (DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC())) {
      long start = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        DynamoDbServer server = engine.serve(0);
        assertTrue(server.port() > 0);
        assertEquals("http://localhost:" + server.port(), server.endpoint().toString());
        server.close();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5000, "5 start/stop cycles took " + millis + " ms");
      System.out.println("5 serve/close cycles: " + millis + " ms");
    }
  }
}
