package com.leadhandoff.events;

import java.util.List;

/**
 * A kind of lead event: the history event it is published for and the fields of its detail. The
 * detail's fields are listed here, not copied wholesale from the history, so that the published
 * contract changes only with a new schema version.
 *
 * @param detailType the EventBridge detail-type, e.g. {@code Lead Accepted}
 * @param historyType the lead history event that publishes it, e.g. {@code OFFER_ACCEPTED}
 * @param version the schema version of the detail, {@code schemas/events/<name>.v<version>.json}
 * @param fields the fields beside the common {@code version}, {@code leadId}, {@code occurredAt}
 *     and {@code summary}
 */
public record EventType(
    String detailType, String historyType, int version, List<EventField> fields) {
  public EventType {
    fields = List.copyOf(fields);
  }

  /** The schema file's name, e.g. {@code lead-accepted.v1.json}. */
  public String schemaFile() {
    return detailType.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
        + ".v"
        + version
        + ".json";
  }
}
