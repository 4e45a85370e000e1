package com.leadhandoff.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentTest {
  private static Incident read(String json) throws Exception {
    return Incident.from(Json.MAPPER.readTree(json));
  }

  @Test
  void lambdaErrorCause_isReducedToItsMessage_andTheStateLeavesTheErrorOut() throws Exception {
    Incident incident =
        read(
            "{\"executionId\":\"ex-1\",\"input\":{\"leadId\":\"L1\",\"error\":{\"Error\":\"Boom\","
                + "\"Cause\":\"{\\\"errorMessage\\\":\\\"table missing\\\",\\\"errorType\\\":\\\"X\\\"}\"}}}");

    assertEquals(Optional.of("L1"), incident.leadId());
    assertEquals("ex-1", incident.executionId());
    assertEquals("Boom", incident.error());
    assertEquals("table missing", incident.message());
    assertTrue(incident.cause().contains("errorType"));
    assertTrue(incident.state().contains("\"leadId\""));
    assertFalse(incident.state().contains("Boom"), incident.state());
  }

  @Test
  void plainTextCause_isShownAsGiven() throws Exception {
    Incident incident =
        read("{\"input\":{\"error\":{\"Error\":\"States.Timeout\",\"Cause\":\"late\"}}}");
    assertEquals("late", incident.message());
    assertEquals("unknown", incident.executionId());
  }

  @Test
  void unusableLeadIds_areDropped() throws Exception {
    for (String id :
        new String[] {"17", "\"\"", "\"a b\"", "\"" + "x".repeat(257) + "\"", "null"}) {
      Incident incident = read("{\"input\":{\"leadId\":" + id + "}}");
      assertEquals(Optional.empty(), incident.leadId(), id);
    }
  }

  @Test
  void hugeCause_isShortened() throws Exception {
    JsonNode event =
        Json.MAPPER
            .createObjectNode()
            .set(
                "input",
                Json.MAPPER
                    .createObjectNode()
                    .set(
                        "error",
                        Json.MAPPER
                            .createObjectNode()
                            .put("Error", "Big")
                            .put("Cause", "y".repeat(50_000))));
    Incident incident = Incident.from(event);
    assertTrue(incident.cause().length() < 5_000, "length " + incident.cause().length());
    assertTrue(incident.cause().endsWith("(shortened)"));
  }

  @Test
  void nothingAtAll_isStillAnIncident() {
    Incident incident = Incident.from(null);
    assertEquals(Optional.empty(), incident.leadId());
    assertEquals("unknown", incident.error());
    assertEquals("The failed state did not say why.", incident.message());
  }
}
