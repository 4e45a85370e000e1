package com.leadhandoff.local.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.eventbridge.BusEvent;
import com.leadhandoff.local.ses.SentAttachment;
import com.leadhandoff.local.ses.SentEmail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns outbox emails and executions into the plain maps the page templates show. */
final class Views {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Views() {}

  static Map<String, Object> email(SentEmail email) {
    Map<String, Object> view = new HashMap<>();
    view.put("messageId", email.messageId());
    view.put("subject", email.subject());
    view.put("from", email.from());
    view.put("to", String.join(", ", email.to()));
    view.put("cc", String.join(", ", email.cc()));
    view.put("sentAt", time(email.sentAt()));
    view.put("replyTo", String.join(", ", email.replyTo()));
    view.put(
        "headers",
        email.headers().stream().map(h -> Map.of("name", h.name(), "value", h.value())).toList());
    view.put("configurationSet", email.configurationSet());
    view.put("links", email.links());
    view.put("hasLinks", !email.links().isEmpty());
    view.put("hasHtml", !email.html().isBlank());
    view.put("text", email.text());
    // Links inside the frame open in the whole window, so a click walks on to the product's page.
    view.put("srcdoc", "<base target=\"_top\">" + inlined(email));
    view.put("hasAttachments", !email.attachments().isEmpty());
    view.put(
        "attachments",
        email.attachments().stream()
            .map(
                a ->
                    Map.of(
                        "name",
                        a.fileName(),
                        "type",
                        a.contentType(),
                        "disposition",
                        a.inline() ? "inline, cid:" + a.contentId() : "attachment",
                        "bytes",
                        a.data().length))
            .toList());
    return view;
  }

  /**
   * The HTML part with each inline image's {@code cid:} reference replaced by the image itself as a
   * data URL: the frame shows the page on its own, as a mail client resolves cid: within the
   * message.
   */
  private static String inlined(SentEmail email) {
    String html = email.html();
    for (SentAttachment a : email.attachments()) {
      if (a.inline()) {
        html =
            html.replace(
                "cid:" + a.contentId(),
                "data:"
                    + a.contentType()
                    + ";base64,"
                    + Base64.getEncoder().encodeToString(a.data()));
      }
    }
    return html;
  }

  /**
   * An event for the events page. Lead events carry a {@code leadId} and a {@code summary} in their
   * detail; they are shown when present, any other event shows its JSON only.
   */
  static Map<String, Object> event(BusEvent event) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", event.id());
    view.put("detailType", event.detailType());
    view.put("source", event.source());
    view.put("bus", event.bus());
    view.put("time", time(event.time()));
    view.put("leadId", event.detail().path("leadId").asText(""));
    view.put("summary", event.detail().path("summary").asText(""));
    view.put("json", event.envelope().toPrettyString());
    return view;
  }

  /**
   * One execution in the list.
   *
   * @param lead the lead the execution is named after, if stored: its status is the outcome
   */
  static Map<String, Object> executionRow(
      ExecutionDescription e, Optional<Lead> lead, String base) {
    Map<String, Object> row = new HashMap<>();
    row.put("name", e.name());
    row.put("status", e.status().name());
    row.put("start", time(e.startDate()));
    row.put("stop", e.stopDate().map(Views::time).orElse(""));
    row.put(
        "link",
        base + "/execution?arn=" + URLEncoder.encode(e.executionArn(), StandardCharsets.UTF_8));
    outcome(row, e, lead, base);
    return row;
  }

  static Map<String, Object> execution(
      ExecutionDescription e, List<HistoryEvent> events, Optional<Lead> lead, String base) {
    Map<String, Object> view = new HashMap<>();
    view.put("arn", e.executionArn());
    view.put("status", e.status().name());
    view.put("start", time(e.startDate()));
    view.put("stop", e.stopDate().map(Views::time).orElse(""));
    view.put(
        "duration",
        e.stopDate()
            .filter(stop -> stop.isAfter(e.startDate()))
            .map(stop -> ClockPanel.span(java.time.Duration.between(e.startDate(), stop)))
            .orElse(""));
    view.put("input", pretty(e.input()));
    view.put("output", e.output().map(Views::pretty).orElse(""));
    view.put("error", e.error().orElse(""));
    view.put("cause", e.cause().orElse(""));
    outcome(view, e, lead, base);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> states = new ArrayList<>();
    // Each event belongs to the state its previousEventId chain leads back to: Step Functions
    // chains the events of each Map iteration and Parallel branch on their own, so states running
    // side by side do not take each other's events. A Map's or Parallel's own events (its start,
    // each iteration, its end) belong to that state, wherever their chain comes from.
    Map<Long, Map<String, Object>> rowOf = new HashMap<>();
    java.util.Deque<Map<String, Object>> containers = new java.util.ArrayDeque<>();
    Map<String, Object> current = null;
    for (HistoryEvent event : events) {
      String type = event.type();
      Optional<String> name = event.detail("name").filter(n -> type.contains("State"));
      boolean container = type.startsWith("Map") || type.startsWith("Parallel");
      Map<String, Object> row = rowOf.getOrDefault(event.previousEventId(), current);
      if (name.isPresent() && type.endsWith("Entered")) {
        row = new HashMap<>();
        row.put("name", name.get());
        row.put("entered", time(event.timestamp()));
        row.put("events", 0);
        row.put("result", "");
        states.add(row);
        current = row;
        if (container) {
          containers.push(row);
        }
      } else if (type.startsWith("MapIteration")) {
        row =
            containers.stream()
                .filter(r -> r.get("name").equals(event.detail("name").orElse("")))
                .findFirst()
                .orElse(row);
      } else if (container && !containers.isEmpty()) {
        row = containers.peek();
        if (type.endsWith("Exited")) {
          containers.pop();
        }
      }
      if (row != null) {
        rowOf.put(event.id(), row);
        row.put("events", (Integer) row.get("events") + 1);
        Optional<String> result = result(event);
        // A failure caught by the state stays its result when the state then exits.
        if (result.isPresent() && (!result.get().equals("done") || "".equals(row.get("result")))) {
          row.put("result", result.get());
        }
      }
      rows.add(
          Map.of(
              "id", event.id(),
              "time", time(event.timestamp()),
              "state", name.orElse(row == null ? "" : (String) row.get("name")),
              "type", event.type(),
              "details", event.details().isEmpty() ? "" : details(event.details())));
    }
    view.put("events", rows);
    view.put("eventCount", rows.size());
    view.put("states", states);
    view.put("path", String.join(" → ", states.stream().map(m -> (String) m.get("name")).toList()));
    return view;
  }

  /** What a state's event says about how the state went, as a {@code result} entry. */
  private static Optional<String> result(HistoryEvent event) {
    String type = event.type();
    if (type.endsWith("TimedOut")) {
      return Optional.of("timed out");
    }
    if (type.endsWith("Failed")) {
      return Optional.of("failed: " + event.detail("error").orElse("error"));
    }
    if (type.endsWith("Exited")) {
      return Optional.of("done");
    }
    return Optional.empty();
  }

  private static void outcome(
      Map<String, Object> view, ExecutionDescription e, Optional<Lead> lead, String base) {
    String outcome = LeadViews.outcome(lead, e.status().name());
    view.put("outcome", outcome);
    view.put("outcomeClass", outcome.replace(' ', '-'));
    view.put("leadLink", lead.map(l -> LeadViews.link(base, l.leadId())).orElse(""));
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** Event details indented, with the JSON texts they carry (input, output…) shown as JSON. */
  private static String details(ObjectNode details) {
    ObjectNode copy = details.deepCopy();
    for (String field : List.of("input", "output", "parameters")) {
      Optional.ofNullable(copy.get(field))
          .filter(JsonNode::isTextual)
          .flatMap(v -> parse(v.asText()))
          .ifPresent(parsed -> copy.set(field, parsed));
    }
    return pretty(copy.toString());
  }

  private static Optional<JsonNode> parse(String text) {
    try {
      return Optional.of(Json.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A JSON document indented for reading; anything else as it is. */
  private static String pretty(String json) {
    try {
      return Json.MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(Json.MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
