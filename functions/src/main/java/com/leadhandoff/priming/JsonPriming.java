package com.leadhandoff.priming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the shared Jackson mapper both ways over the kinds of values the functions exchange. */
final class JsonPriming {
  private JsonPriming() {}

  /** A round trip of text, numbers, lists, instants and Optionals; returns what it read back. */
  static JsonNode roundTrip() throws JsonProcessingException {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("leadId", "priming");
    value.put("score", 42);
    value.put("at", Instant.EPOCH);
    value.put("owner", Optional.of("priming"));
    value.put("reasons", List.of("priming"));
    return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value));
  }
}
