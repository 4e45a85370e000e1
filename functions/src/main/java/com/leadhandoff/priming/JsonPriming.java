package com.leadhandoff.priming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.json.JsonTrees;
import com.leadhandoff.json.ValueTrees;
import com.leadhandoff.store.ItemCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the shared Jackson mapper, and the lean tree mapping the cold path uses instead ({@link
 * ValueTrees}, {@link JsonTrees}, {@link ItemCodec}), both ways over the kinds of values the
 * functions exchange.
 */
final class JsonPriming {
  /** A record with each kind of field a task input, output or item has. */
  record Sample(
      String leadId,
      int score,
      boolean qualified,
      Instant at,
      LocalDate day,
      ZoneId zone,
      Optional<String> owner,
      List<String> reasons,
      Map<String, Object> details,
      Kind kind) {}

  /** An enum field. */
  enum Kind {
    PRIMING
  }

  private JsonPriming() {}

  /** The sample through text, a tree and a DynamoDB item and back, without the mapper. */
  static Sample leanRoundTrip() throws JsonProcessingException {
    Sample sample =
        new Sample(
            "priming",
            42,
            true,
            Instant.EPOCH,
            LocalDate.EPOCH,
            ZoneId.of("UTC"),
            Optional.of("priming"),
            List.of("priming"),
            Map.of("attempt", 1, "tags", List.of("priming")),
            Kind.PRIMING);
    Sample read = ValueTrees.treeToValue(JsonTrees.read(ValueTrees.write(sample)), Sample.class);
    return ItemCodec.fromItem(ItemCodec.toItem(read), Sample.class);
  }

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
