package com.leadhandoff.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One step of a lead's life, as published on the lead events bus.
 *
 * @param detailType the EventBridge detail-type, e.g. {@code Lead Accepted}; rules match on it
 * @param occurredAt when the step happened, the event's {@code time}
 * @param detail the event's detail: a JSON object with {@code version}, {@code leadId}, {@code
 *     occurredAt}, {@code summary} and the fields of its type, as its schema in {@code
 *     schemas/events/} describes
 */
public record LeadEvent(String detailType, Instant occurredAt, ObjectNode detail) {
  /** The lead the event is about. */
  public String leadId() {
    return detail.path("leadId").asText();
  }
}
