package com.leadhandoff.sla;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.outcome.Outcomes;
import com.leadhandoff.scoring.ScoreHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Works out a lead's {@link SlaFacts} from its history, which already records every offer, answer,
 * expiry, reminder and escalation with its instant. Replaying the history, rather than adding to
 * stored facts, keeps the facts right when a retried step records an event twice or out of order.
 */
public final class SlaFactsFromHistory {
  /** History types that change a lead's SLA facts; others leave them as they were. */
  public static final Set<String> FACT_TYPES =
      Set.of(
          "OFFERED",
          "OFFER_ACCEPTED",
          "OFFER_DECLINED",
          "OFFER_EXPIRED",
          "OFFER_REMINDED",
          "ESCALATED",
          "QUEUED",
          Outcomes.OUTCOME_RECORDED);

  private SlaFactsFromHistory() {}

  /**
   * The lead's facts.
   *
   * @param history the lead's history, oldest first
   * @param calendars team id → the team's calendar, empty for a team without one
   */
  public static SlaFacts of(
      String leadId,
      List<HistoryEvent> history,
      Function<String, Optional<BusinessCalendar>> calendars) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("Lead " + leadId + " has no history to take facts from");
    }
    Instant received =
        history.stream()
            .filter(e -> e.type().equals("RECEIVED"))
            .map(HistoryEvent::at)
            .findFirst()
            .orElse(history.get(0).at());
    List<OfferFact> offers = new ArrayList<>();
    int reminders = 0;
    boolean escalated = false;
    Optional<SlaFacts.FirstOwner> owner = Optional.empty();
    Optional<Duration> wall = Optional.empty();
    Optional<Duration> working = Optional.empty();
    LeadOrigin origin = LeadOrigin.UNKNOWN;
    Map<Outcome, Instant> outcomes = new EnumMap<>(Outcome.class);
    for (HistoryEvent event : causalOrder(history)) {
      Map<String, String> d = event.details();
      switch (event.type()) {
        case "RECEIVED" ->
            origin =
                new LeadOrigin(
                    Optional.ofNullable(d.get("utmSource")),
                    Optional.ofNullable(d.get("utmCampaign")),
                    origin.tier(),
                    origin.scoringRules());
        case ScoreHistory.SCORED ->
            origin =
                new LeadOrigin(
                    origin.source(),
                    origin.campaign(),
                    Optional.ofNullable(d.get("tier")),
                    ScoreHistory.ruleIds(d));
        case Outcomes.OUTCOME_RECORDED ->
            Outcome.parse(d.get("outcome"))
                .ifPresent(o -> outcomes.merge(o, event.at(), (a, b) -> a.isBefore(b) ? a : b));
        case "OFFER_ACCEPTED" -> {
          int i =
              settle(
                  offers,
                  d.get("offerId"),
                  OfferFact.Outcome.ACCEPTED,
                  event.at(),
                  Optional.empty());
          if (owner.isEmpty()) {
            owner =
                Optional.of(
                    new SlaFacts.FirstOwner(
                        SlaFacts.FirstOwner.Kind.REP, d.get("repId"), event.at()));
            wall = Optional.of(Duration.between(received, event.at()));
            Optional<BusinessCalendar> calendar =
                i < 0 ? Optional.empty() : calendars.apply(offers.get(i).teamId());
            working =
                Optional.of(
                    calendar.map(c -> c.workingTime(received, event.at())).orElse(wall.get()));
          }
        }
        case "OFFERED" -> {
          // A resent offer keeps its first instant: the rep's clock started then.
          if (find(offers, d.get("offerId")) < 0) {
            offers.add(
                new OfferFact(
                    d.get("offerId"),
                    Integer.parseInt(d.getOrDefault("attempt", "0")),
                    d.get("repId"),
                    d.getOrDefault("teamId", ""),
                    event.at(),
                    Instant.parse(d.get("deadline")),
                    OfferFact.Outcome.OPEN,
                    Optional.empty(),
                    Optional.empty()));
          }
        }
        case "OFFER_DECLINED" ->
            settle(
                offers,
                d.get("offerId"),
                OfferFact.Outcome.DECLINED,
                event.at(),
                Optional.ofNullable(d.getOrDefault("reasonCode", d.get("reason"))));
        case "OFFER_EXPIRED" ->
            settle(
                offers, d.get("offerId"), OfferFact.Outcome.BREACHED, event.at(), Optional.empty());
        case "OFFER_REMINDED" -> reminders++;
        case "ESCALATED" -> {
          escalated = true;
          if (owner.isEmpty()) {
            owner =
                Optional.of(
                    new SlaFacts.FirstOwner(
                        SlaFacts.FirstOwner.Kind.MANAGER,
                        d.getOrDefault("managerEmail", d.getOrDefault("managerName", "")),
                        event.at()));
          }
        }
        case "QUEUED" -> {
          if (owner.isEmpty()) {
            owner =
                Optional.of(
                    new SlaFacts.FirstOwner(
                        SlaFacts.FirstOwner.Kind.QUEUE, d.getOrDefault("queue", ""), event.at()));
          }
        }
        default -> {}
      }
    }
    return new SlaFacts(
        leadId,
        received,
        offers,
        reminders,
        escalated,
        owner,
        wall,
        working,
        history.get(history.size() - 1).at(),
        origin,
        outcomes);
  }

  /** Settles the offer with its first answer; a later, repeated one changes nothing. */
  private static int settle(
      List<OfferFact> offers,
      String offerId,
      OfferFact.Outcome outcome,
      Instant at,
      Optional<String> reason) {
    int i = find(offers, offerId);
    if (i >= 0 && offers.get(i).outcome() == OfferFact.Outcome.OPEN) {
      offers.set(i, offers.get(i).settled(outcome, at, reason));
    }
    return i;
  }

  private static int find(List<OfferFact> offers, String offerId) {
    for (int i = 0; i < offers.size(); i++) {
      if (offers.get(i).offerId().equals(offerId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The history by instant, and within one instant by what must come first: events written at the
   * same instant sort by a random suffix in the table, and an accept read before its offer would
   * lose the offer's team (a rep can answer within the millisecond the offer was stored, as a test
   * on a virtual clock does).
   */
  static List<HistoryEvent> causalOrder(List<HistoryEvent> history) {
    List<HistoryEvent> ordered = new ArrayList<>(history);
    ordered.sort(
        java.util.Comparator.comparing(HistoryEvent::at)
            .thenComparingInt(
                e ->
                    STEP_ORDER.indexOf(e.type()) < 0
                        ? STEP_ORDER.size()
                        : STEP_ORDER.indexOf(e.type())));
    return ordered;
  }

  /** Event types in the order a lead's steps happen; other types after them, as they came. */
  private static final List<String> STEP_ORDER =
      List.of(
          "RECEIVED",
          ScoreHistory.SCORED,
          "OFFERED",
          "OFFER_REMINDED",
          "OFFER_ACCEPTED",
          "OFFER_DECLINED",
          "OFFER_EXPIRED",
          "ESCALATED",
          "QUEUED");
}
