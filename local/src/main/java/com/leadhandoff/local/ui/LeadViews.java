package com.leadhandoff.local.ui;

import com.leadhandoff.acknowledgement.Acknowledgement;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.local.ui.LeadRecords.LeadRecord;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.scoring.Score;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Turns stored leads, offers and histories into the maps the board and lead pages show. */
final class LeadViews {
  private LeadViews() {}

  /**
   * What the runtime clock looks like to a page: its time, and how fast it runs (0 while paused),
   * so a countdown can tick in the browser without asking again.
   */
  record Now(Instant at, double rate) {}

  /** The board: the leads {@code filter} lets through, and the choices for each filter. */
  static Map<String, Object> board(
      List<LeadRecord> records, LeadFilter filter, Now now, String base) {
    List<Map<String, Object>> rows =
        records.stream().filter(filter::matches).map(r -> row(r, now, base)).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("leads", rows);
    model.put("hasLeads", !rows.isEmpty());
    model.put("count", rows.size());
    model.put("total", records.size());
    model.put("filtered", filter.any());
    model.put(
        "statuses",
        options(
            Stream.of(LeadStatus.values())
                .collect(
                    LinkedHashMap::new,
                    (m, s) -> m.put(s.name(), label(s.name())),
                    LinkedHashMap::putAll),
            filter.status()));
    Map<String, String> teams = new TreeMap<>();
    Map<String, String> reps = new TreeMap<>();
    for (LeadRecord record : records) {
      for (Offer offer : record.offers()) {
        teams.put(offer.teamId(), offer.teamId());
        reps.put(offer.repId(), offer.repName() + " (" + offer.repId() + ")");
      }
    }
    model.put("teams", options(teams, filter.team()));
    model.put("reps", options(reps, filter.rep()));
    return model;
  }

  static Map<String, Object> row(LeadRecord record, Now now, String base) {
    Lead lead = record.lead();
    List<Offer> offers = record.offers();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", lead.leadId());
    row.put("link", link(base, lead.leadId()));
    row.put("name", name(lead));
    row.put("company", Optional.ofNullable(lead.submission().company()).orElse(""));
    row.put("status", label(lead.status().name()));
    row.put("statusClass", lead.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    row.put("owner", lead.owner().map(LeadViews::owner).orElse(""));
    row.put("score", lead.score().map(s -> String.valueOf(s.points())).orElse(""));
    row.put("tier", lead.score().map(s -> label(s.tier().name())).orElse(""));
    row.put("team", offers.isEmpty() ? "" : offers.get(offers.size() - 1).teamId());
    row.put("received", Views.time(lead.receivedAt()));
    row.put("offered", offers.isEmpty() ? "" : Views.time(offers.get(0).offeredAt()));
    row.put(
        "accepted",
        offers.stream()
            .filter(o -> o.status() == OfferStatus.ACCEPTED)
            .flatMap(o -> o.answeredAt().stream())
            .findFirst()
            .map(Views::time)
            .orElse(""));
    Sla sla = Sla.of(offers, now.at());
    row.put("sla", sla.label());
    row.put("slaClass", "sla-" + sla.name().toLowerCase(Locale.ROOT));
    row.put("breachedBy", breachedBy(offers));
    Sla.open(offers)
        .filter(o -> sla == Sla.OPEN)
        .ifPresent(o -> row.put("countdown", countdown(o, now)));
    return row;
  }

  /**
   * The lead's page: who they are, the score and why, each offer, and the history as a timeline.
   */
  static Map<String, Object> lead(
      LeadRecord record, List<HistoryEvent> history, Now now, String base) {
    Lead lead = record.lead();
    Map<String, Object> model = new LinkedHashMap<>(row(record, now, base));
    model.put("email", Optional.ofNullable(lead.submission().email()).orElse(""));
    model.put("jobTitle", Optional.ofNullable(lead.submission().jobTitle()).orElse(""));
    model.put("message", Optional.ofNullable(lead.submission().message()).orElse(""));
    model.put(
        "reasons",
        lead.score().map(Score::reasons).orElse(List.of()).stream()
            .map(
                r ->
                    Map.of(
                        "description",
                        r.description(),
                        "points",
                        (r.points() > 0 ? "+" : "") + r.points()))
            .toList());
    lead.mergedInto().ifPresent(into -> model.put("mergedInto", link(base, into)));
    lead.mergedInto().ifPresent(into -> model.put("mergedIntoId", into));
    model.put("offers", record.offers().stream().map(o -> offer(o, now)).toList());
    model.put("hasOffers", !record.offers().isEmpty());
    model.put("timeline", history.stream().map(LeadViews::entry).toList());
    model.put("hasTimeline", !history.isEmpty());
    return model;
  }

  /**
   * What an execution of the workflow came to, read from its lead's status, since every ending of
   * the workflow succeeds as an execution: accepted, escalated, merged, nurtured…
   */
  static String outcome(Optional<Lead> lead, String executionStatus) {
    if (lead.isEmpty()) {
      return executionStatus.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    LeadStatus status = lead.get().status();
    if (status.isOpen()) {
      return "RUNNING".equals(executionStatus) ? "in progress" : "needs attention";
    }
    return switch (status) {
      case NURTURE -> "nurtured";
      case NEEDS_ATTENTION -> "needs attention";
      default -> status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static Map<String, Object> offer(Offer offer, Now now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("attempt", offer.attempt());
    view.put("rep", offer.repName());
    view.put("repId", offer.repId());
    view.put("team", offer.teamId());
    view.put("status", label(offer.status().name()));
    view.put("offered", Views.time(offer.offeredAt()));
    view.put("deadline", Views.time(offer.deadline()));
    view.put("window", offer.answerWindow().orElse(""));
    view.put("answered", offer.answeredAt().map(Views::time).orElse(""));
    view.put("declineReason", offer.declineReason().orElse(""));
    boolean open = offer.status() == OfferStatus.OPEN;
    view.put(
        "sla",
        Sla.breached(offer)
            ? "breached"
            : open ? (offer.deadline().isBefore(now.at()) ? "overdue" : "waiting") : "met");
    if (open && !offer.deadline().isBefore(now.at())) {
      view.put("countdown", countdown(offer, now));
    }
    return view;
  }

  private static Map<String, Object> entry(HistoryEvent event) {
    List<Map<String, Object>> details = new ArrayList<>();
    new TreeMap<>(event.details())
        .forEach(
            (key, value) -> {
              // Bookkeeping for a retry (the entry went before its email), not for people.
              if (!key.equals(Acknowledgement.WRITTEN_BEFORE_EMAIL)) {
                details.add(Map.of("name", words(key), "value", value));
              }
            });
    return Map.of(
        "at", Views.time(event.at()),
        "iso", event.at().toString(),
        "what", label(event.type()),
        "type", event.type().toLowerCase(Locale.ROOT).replace('_', '-'),
        "summary", event.summary(),
        "details", details,
        "hasDetails", !details.isEmpty());
  }

  private static Map<String, Object> countdown(Offer offer, Now now) {
    return Map.of(
        "deadline", Views.time(offer.deadline()),
        "deadlineMillis", offer.deadline().toEpochMilli(),
        "nowMillis", now.at().toEpochMilli(),
        "rate", now.rate(),
        "rep", offer.repName());
  }

  private static String breachedBy(List<Offer> offers) {
    return String.join(", ", offers.stream().filter(Sla::breached).map(Offer::repName).toList());
  }

  private static List<Map<String, Object>> options(
      Map<String, String> values, Optional<String> on) {
    List<Map<String, Object>> options = new ArrayList<>();
    values.forEach(
        (value, text) ->
            options.add(
                Map.of(
                    "value",
                    value,
                    "text",
                    text,
                    "selected",
                    on.filter(value::equals).isPresent())));
    return options;
  }

  private static String name(Lead lead) {
    String name =
        (Optional.ofNullable(lead.submission().firstName()).orElse("")
                + " "
                + Optional.ofNullable(lead.submission().lastName()).orElse(""))
            .trim();
    return name.isEmpty() ? Optional.ofNullable(lead.submission().email()).orElse("") : name;
  }

  private static String owner(Owner owner) {
    return switch (owner.role()) {
      case REP -> owner.name();
      case MANAGER -> owner.name() + " (manager)";
      case QUEUE -> owner.name() + " (queue)";
    };
  }

  static String link(String base, String leadId) {
    return base + "/leads/" + URLEncoder.encode(leadId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code OFFER_DECLINED} → {@code Offer declined}. */
  static String label(String constant) {
    String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** {@code repName} → {@code rep name}. */
  private static String words(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
