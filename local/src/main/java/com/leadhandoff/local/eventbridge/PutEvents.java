package com.leadhandoff.local.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PutEvents operation (EventBridge API Reference, PutEvents and PutEventsRequestEntry): 1 to 10
 * entries, each with Source, DetailType and a Detail that is a JSON object, on a bus that exists. A
 * bad entry fails alone, in the result at its own index, while the others are put; only a malformed
 * request as a whole is an error.
 */
final class PutEvents {
  /** "Entries": Minimum number of 1 item, maximum number of 10 items. */
  static final int MAX_ENTRIES = 10;

  /**
   * The entries of one request must total less than 256 KB, counted as in "Calculating PutEvents
   * event entry size" (EventBridge User Guide): Time 14 bytes, the UTF-8 bytes of Source,
   * DetailType, Detail and each Resource.
   */
  static final int MAX_BYTES = 256 * 1024;

  private final EventBuses buses;
  private final Clock clock;
  private final String account;
  private final String region;

  PutEvents(EventBuses buses, Clock clock, String account, String region) {
    this.buses = buses;
    this.clock = clock;
    this.account = account;
    this.region = region;
  }

  ObjectNode call(JsonNode request) {
    JsonNode entries = request.get("Entries");
    if (entries == null || !entries.isArray()) {
      throw validation(
          "Value null at 'entries' failed to satisfy constraint: Member must not be null");
    }
    if (entries.size() < 1 || entries.size() > MAX_ENTRIES) {
      throw validation(
          "Value '"
              + entries
              + "' at 'entries' failed to satisfy constraint: Member must have length "
              + (entries.size() < 1 ? "greater than or equal to 1" : "less than or equal to 10"));
    }
    int bytes = 0;
    for (JsonNode entry : entries) {
      bytes += size(entry);
    }
    if (bytes > MAX_BYTES) {
      throw new EventBridgeError(
          "ValidationException", "Total size of the entries in the request is over the limit.");
    }
    ArrayNode results = Json.MAPPER.createArrayNode();
    List<BusEvent> accepted = new ArrayList<>();
    int failed = 0;
    for (JsonNode entry : entries) {
      ObjectNode result = results.addObject();
      String problem = problem(entry);
      if (problem != null) {
        failed++;
        result.put("ErrorCode", problem.substring(0, problem.indexOf('|')));
        result.put("ErrorMessage", problem.substring(problem.indexOf('|') + 1));
        continue;
      }
      BusEvent event = event(entry);
      accepted.add(event);
      result.put("EventId", event.id());
    }
    accepted.forEach(buses::put);
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.put("FailedEntryCount", failed);
    response.set("Entries", results);
    return response;
  }

  /** What is wrong with the entry, as "code|message", or null when nothing is. */
  private String problem(JsonNode entry) {
    for (String required : List.of("Source", "DetailType", "Detail")) {
      if (text(entry, required).isEmpty()) {
        return "InvalidArgument|Parameter "
            + required
            + " is not valid. Reason: "
            + required
            + " is a required argument.";
      }
    }
    try {
      // "Detail: A valid JSON object." Any other JSON value, or no JSON, is MalformedDetail.
      if (!Json.MAPPER.readTree(text(entry, "Detail")).isObject()) {
        return "MalformedDetail|Detail is malformed.";
      }
    } catch (JsonProcessingException e) {
      return "MalformedDetail|Detail is malformed.";
    }
    String bus = bus(entry);
    if (!buses.exists(bus)) {
      return "ResourceNotFoundException|Event bus " + bus + " does not exist.";
    }
    return null;
  }

  private BusEvent event(JsonNode entry) {
    List<String> resources = new ArrayList<>();
    entry.path("Resources").forEach(r -> resources.add(r.asText()));
    JsonNode time = entry.get("Time");
    Instant at =
        time != null && time.isNumber()
            // awsJson timestamps are epoch seconds, with a fraction for milliseconds.
            ? Instant.ofEpochMilli(Math.round(time.asDouble() * 1000))
            : clock.instant();
    try {
      return new BusEvent(
          UUID.randomUUID().toString(),
          bus(entry),
          text(entry, "Source"),
          text(entry, "DetailType"),
          at,
          resources,
          (ObjectNode) Json.MAPPER.readTree(text(entry, "Detail")),
          account,
          region);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Detail checked above", e);
    }
  }

  /** EventBusName may be a name or an ARN ending in {@code event-bus/<name>}; absent is default. */
  private static String bus(JsonNode entry) {
    String name = text(entry, "EventBusName");
    if (name.isEmpty()) {
      return EventBuses.DEFAULT;
    }
    int slash = name.lastIndexOf("event-bus/");
    return name.startsWith("arn:") && slash >= 0 ? name.substring(slash + 10) : name;
  }

  private static int size(JsonNode entry) {
    int size = entry.has("Time") ? 14 : 0;
    size += bytes(text(entry, "Source")) + bytes(text(entry, "DetailType"));
    size += bytes(text(entry, "Detail"));
    for (JsonNode resource : entry.path("Resources")) {
      size += bytes(resource.asText());
    }
    return size;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static EventBridgeError validation(String what) {
    return new EventBridgeError("ValidationException", "1 validation error detected: " + what);
  }
}
