package com.leadhandoff.events;

import static com.leadhandoff.events.EventField.flag;
import static com.leadhandoff.events.EventField.instant;
import static com.leadhandoff.events.EventField.integer;
import static com.leadhandoff.events.EventField.optionalFlag;
import static com.leadhandoff.events.EventField.optionalText;
import static com.leadhandoff.events.EventField.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every lead event, one per step of a lead's life, and how each is made from the lead history event
 * recorded at that step. A schema for each lies in {@code schemas/events/}.
 */
public final class LeadEventCatalog {
  /** The events' {@code source}: rules select this product's events with it. */
  public static final String SOURCE = "lead-handoff";

  private static final List<EventField> OFFER =
      List.of(text("offerId"), integer("attempt"), text("repId"));

  /** Every event type, in the order of a lead's life. */
  public static final List<EventType> TYPES =
      List.of(
          new EventType(
              "Lead Received",
              "RECEIVED",
              1,
              List.of(
                  optionalText("formId"),
                  optionalText("utmSource"),
                  optionalText("utmMedium"),
                  optionalText("utmCampaign"))),
          new EventType(
              "Lead Scored",
              "SCORED",
              1,
              List.of(
                  integer("points"),
                  text("tier"),
                  flag("qualified"),
                  integer("mqlThreshold"),
                  optionalText("rules"))),
          new EventType(
              "Lead Offered",
              "OFFERED",
              1,
              with(
                  OFFER,
                  text("teamId"),
                  text("repName"),
                  instant("deadline"),
                  optionalFlag("resent"),
                  optionalText("ownership"))),
          new EventType("Lead Accepted", "OFFER_ACCEPTED", 1, OFFER),
          new EventType(
              "Lead Declined",
              "OFFER_DECLINED",
              1,
              with(OFFER, text("reason"), optionalText("reasonCode"), flag("recycled"))),
          new EventType("Offer Timed Out", "OFFER_EXPIRED", 1, with(OFFER, instant("deadline"))),
          // Every offer left unanswered past its deadline is a breach of the response-time SLA by
          // its rep; a separate type lets an SLA alert subscribe without knowing offers.
          new EventType("SLA Breached", "OFFER_EXPIRED", 1, with(OFFER, instant("deadline"))),
          new EventType("Rep Reminded", "OFFER_REMINDED", 1, with(OFFER, integer("reminder"))),
          new EventType(
              "Lead Escalated",
              "ESCALATED",
              1,
              List.of(
                  text("managerName"),
                  text("managerEmail"),
                  flag("fallbackManager"),
                  optionalText("team"),
                  integer("offers"))),
          new EventType(
              "Lead Queued",
              "QUEUED",
              1,
              List.of(text("queue"), text("queueEmail"), text("reason"))),
          new EventType(
              "Lead Nurtured",
              "NURTURED",
              1,
              List.of(text("reason"), integer("points"), integer("mqlThreshold"))),
          new EventType("Lead Recycled", "RECYCLED", 1, List.of(text("reason"))),
          new EventType(
              "Lead Merged",
              "MERGED",
              1,
              List.of(text("mergedInto"), text("openLeadStatus"), optionalText("openLeadOwner"))),
          new EventType(
              "Lead Parked",
              "NEEDS_ATTENTION",
              1,
              List.of(
                  text("executionId"),
                  text("error"),
                  text("cause"),
                  optionalText("foundBy"),
                  optionalText("closedOffers"))),
          // Recorded by closed-loop outcomes (issue 11, item 2): outcome links and the admin route.
          new EventType(
              "Outcome Recorded",
              "OUTCOME_RECORDED",
              1,
              List.of(text("outcome"), optionalText("reason"))));

  private LeadEventCatalog() {}

  /**
   * The events a history event publishes: none for steps no subscriber needs (claims, skipped
   * escalations…), two for an expiry (the offer timed out, and the SLA was breached).
   *
   * @throws IllegalArgumentException when the history event lacks a required field or has one that
   *     does not read as its kind: a bug in the step that recorded it
   */
  public static List<LeadEvent> of(String leadId, HistoryEvent event) {
    return TYPES.stream()
        .filter(t -> t.historyType().equals(event.type()))
        .map(t -> new LeadEvent(t.detailType(), event.at(), detail(t, leadId, event)))
        .toList();
  }

  private static ObjectNode detail(EventType type, String leadId, HistoryEvent event) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.put("version", Integer.toString(type.version()));
    detail.put("leadId", leadId);
    detail.put("occurredAt", event.at().toString());
    detail.put("summary", event.summary());
    Map<String, String> details = event.details();
    for (EventField field : type.fields()) {
      String value = details.get(field.name());
      if (value == null) {
        if (field.required()) {
          throw new IllegalArgumentException(
              event.type() + " of lead " + leadId + " has no " + field.name());
        }
        continue;
      }
      switch (field.kind()) {
        case STRING -> detail.put(field.name(), value);
        case INTEGER -> detail.put(field.name(), Long.parseLong(value.trim()));
        case BOOLEAN -> detail.put(field.name(), Boolean.parseBoolean(value.trim()));
        case INSTANT -> detail.put(field.name(), Instant.parse(value.trim()).toString());
        default -> throw new IllegalStateException("Unknown kind " + field.kind());
      }
    }
    return detail;
  }

  private static List<EventField> with(List<EventField> common, EventField... more) {
    return java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(more)).toList();
  }
}
