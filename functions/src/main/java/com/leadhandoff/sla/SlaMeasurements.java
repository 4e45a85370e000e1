package com.leadhandoff.sla;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.metrics.LeadMetric;
import com.leadhandoff.metrics.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics of one history event, read from the lead's facts just after the event was added to
 * them: an answer or an expiry is the SLA met or breached by the offer's team, the first acceptance
 * also the time to accept, an escalation or a queueing a count of its own.
 */
public final class SlaMeasurements {
  // LeadRouter.NO_REP, spelled out: routing reads SLA policies, so sla does not depend on routing.
  private static final String NO_REP = "NO_REP";

  private SlaMeasurements() {}

  /**
   * The event's metrics, or empty when it has none.
   *
   * @param event the event just recorded
   * @param history the lead's history, {@code event} included, oldest first
   * @param facts the lead's facts with {@code event} included
   */
  public static Optional<Measurement> of(
      HistoryEvent event, List<HistoryEvent> history, SlaFacts facts) {
    Optional<String> tier = tier(history);
    switch (event.type()) {
      case "OFFER_ACCEPTED", "OFFER_DECLINED" -> {
        Optional<OfferFact> offer = offer(facts, event);
        if (offer.isEmpty()) {
          return Optional.empty();
        }
        List<LeadMetric> metrics = new ArrayList<>();
        metrics.add(
            LeadMetric.one(
                offer.get().met() ? LeadMetric.Name.SLA_MET : LeadMetric.Name.SLA_BREACHED));
        if (event.type().equals("OFFER_ACCEPTED") && acceptedFirstNow(facts, event)) {
          facts
              .workingTimeToAccept()
              .ifPresent(
                  d ->
                      metrics.add(
                          new LeadMetric(LeadMetric.Name.TIME_TO_ACCEPT, d.toMillis() / 1000.0)));
        }
        return Optional.of(new Measurement(metrics, Optional.of(offer.get().teamId()), tier));
      }
      case "OFFER_EXPIRED" -> {
        return offer(facts, event)
            .map(
                o ->
                    new Measurement(
                        List.of(LeadMetric.one(LeadMetric.Name.SLA_BREACHED)),
                        Optional.of(o.teamId()),
                        tier));
      }
      case "ESCALATED" -> {
        Optional<String> team =
            facts.offers().isEmpty()
                ? Optional.empty()
                : Optional.of(facts.offers().get(facts.offers().size() - 1).teamId());
        return Optional.of(
            new Measurement(List.of(LeadMetric.one(LeadMetric.Name.ESCALATED)), team, tier));
      }
      case "QUEUED" -> {
        Optional<String> team =
            latest(history, NO_REP).map(e -> e.details().getOrDefault("teamId", ""));
        return Optional.of(
            new Measurement(List.of(LeadMetric.one(LeadMetric.Name.QUEUED)), team, tier));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<OfferFact> offer(SlaFacts facts, HistoryEvent event) {
    String offerId = event.details().get("offerId");
    return facts.offers().stream().filter(o -> o.offerId().equals(offerId)).findFirst();
  }

  /** Whether this acceptance is the one that made a rep the lead's first owner. */
  private static boolean acceptedFirstNow(SlaFacts facts, HistoryEvent event) {
    return facts
        .owner()
        .filter(o -> o.kind() == SlaFacts.FirstOwner.Kind.REP)
        .filter(o -> o.at().equals(event.at()))
        .filter(o -> o.id().equals(event.details().get("repId")))
        .isPresent();
  }

  private static Optional<String> tier(List<HistoryEvent> history) {
    return latest(history, "SCORED")
        .map(e -> e.details().getOrDefault("tier", ""))
        .map(t -> t.toLowerCase(Locale.ROOT));
  }

  private static Optional<HistoryEvent> latest(List<HistoryEvent> history, String type) {
    return history.stream().filter(e -> type.equals(e.type())).reduce((a, b) -> b);
  }
}
