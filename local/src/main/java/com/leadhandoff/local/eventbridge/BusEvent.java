package com.leadhandoff.local.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An event a bus accepted.
 *
 * @param id the event id PutEvents returned for it
 * @param bus the name of the bus it was put on
 * @param source the entry's Source
 * @param detailType the entry's DetailType
 * @param time the entry's Time, or when it was put if it had none
 * @param resources the entry's Resources
 * @param detail the entry's Detail, a JSON object
 * @param account the account the bus belongs to
 * @param region the region of the bus
 */
public record BusEvent(
    String id,
    String bus,
    String source,
    String detailType,
    Instant time,
    List<String> resources,
    ObjectNode detail,
    String account,
    String region) {
  public BusEvent {
    resources = List.copyOf(resources);
  }

  /**
   * The event as EventBridge delivers it to targets: {@code version} "0", {@code id}, {@code
   * detail-type}, {@code source}, {@code account}, {@code time} (to the second), {@code region},
   * {@code resources} and {@code detail} as an object.
   */
  public ObjectNode envelope() {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", account);
    event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.set("resources", Json.MAPPER.valueToTree(resources));
    event.set("detail", detail.deepCopy());
    return event;
  }

  /** The event read back from {@link #stored}. */
  static BusEvent read(JsonNode stored) {
    List<String> resources = new java.util.ArrayList<>();
    stored.path("resources").forEach(r -> resources.add(r.asText()));
    return new BusEvent(
        stored.path("id").asText(),
        stored.path("bus").asText(),
        stored.path("source").asText(),
        stored.path("detail-type").asText(),
        Instant.parse(stored.path("time").asText()),
        resources,
        (ObjectNode) stored.path("detail"),
        stored.path("account").asText(),
        stored.path("region").asText());
  }

  /** The envelope plus the bus, at full precision: one line of the bus's log. */
  ObjectNode stored() {
    ObjectNode stored = envelope();
    stored.put("time", time.toString());
    stored.put("bus", bus);
    return stored;
  }
}
