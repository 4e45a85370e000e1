package com.leadhandoff.local.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests named after the EventBridge User Guide's "Event patterns" sections they check. */
class EventPatternTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode event(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void matchingValues_anyListedValueMatches_everyFieldMustMatch() throws Exception {
    EventPattern pattern =
        EventPattern.of(
            Map.of(
                "source",
                List.of("aws.states"),
                "detail",
                Map.of("status", List.of("FAILED", "ABORTED"))));

    assertTrue(
        pattern.matches(event("{\"source\":\"aws.states\",\"detail\":{\"status\":\"ABORTED\"}}")));
    assertFalse(
        pattern.matches(
            event("{\"source\":\"aws.states\",\"detail\":{\"status\":\"SUCCEEDED\"}}")));
    assertFalse(
        pattern.matches(event("{\"source\":\"aws.ec2\",\"detail\":{\"status\":\"FAILED\"}}")));
  }

  @Test
  void missingField_matchesNothing_andExtraFieldsAreIgnored() throws Exception {
    EventPattern pattern = EventPattern.of(Map.of("detail", Map.of("status", List.of("FAILED"))));

    assertFalse(pattern.matches(event("{\"detail\":{}}")));
    assertFalse(pattern.matches(event("{}")));
    assertTrue(
        pattern.matches(event("{\"id\":1,\"detail\":{\"status\":\"FAILED\",\"name\":\"x\"}}")));
  }

  @Test
  void arrays_matchWhenAnyElementMatches() throws Exception {
    EventPattern pattern = EventPattern.of(Map.of("resources", List.of("arn:1")));

    assertTrue(pattern.matches(event("{\"resources\":[\"arn:0\",\"arn:1\"]}")));
    assertFalse(pattern.matches(event("{\"resources\":[\"arn:0\"]}")));
  }

  @Test
  void numbersBooleansAndNull_matchByValueAndType() throws Exception {
    Map<String, Object> fields = new HashMap<>();
    fields.put("n", List.of(5));
    fields.put("b", List.of(true));
    fields.put("z", Arrays.asList((Object) null));
    EventPattern pattern = EventPattern.of(fields);

    assertTrue(pattern.matches(event("{\"n\":5.0,\"b\":true,\"z\":null}")));
    assertFalse(pattern.matches(event("{\"n\":\"5\",\"b\":true,\"z\":null}")));
    assertFalse(pattern.matches(event("{\"n\":5,\"b\":\"true\",\"z\":null}")));
  }

  @Test
  void prefixMatching() throws Exception {
    EventPattern pattern =
        EventPattern.of(Map.of("detail", Map.of("name", List.of(Map.of("prefix", "lead-")))));

    assertTrue(pattern.matches(event("{\"detail\":{\"name\":\"lead-42\"}}")));
    assertFalse(pattern.matches(event("{\"detail\":{\"name\":\"job-42\"}}")));
  }

  @Test
  void otherContentFilters_areRefused_namingTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EventPattern.of(
                    Map.of("detail", Map.of("status", List.of(Map.of("anything-but", "X"))))));
    assertTrue(e.getMessage().contains("detail.status"), e.getMessage());
  }
}
