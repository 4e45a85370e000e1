package com.leadhandoff.sla;

import com.leadhandoff.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The response-time facts of one lead, kept up to date as its offers are made and answered, so
 * reports read them directly instead of replaying every lead's history.
 *
 * @param leadId the lead
 * @param receivedAt when the lead arrived: every "time to" below counts from here
 * @param offers every offer of the lead, oldest first
 * @param remindersSent reminders sent to reps across all offers
 * @param escalated whether the lead went to a manager because nobody accepted in time
 * @param owner who came to own the lead, and when; empty while nobody does
 * @param wallTimeToAccept from receipt to a rep's acceptance, around the clock
 * @param workingTimeToAccept the same span counted in the working time of the accepting rep's team
 *     (see {@link BusinessCalendar#workingTime}); around the clock when the team has no calendar
 * @param updatedAt the instant of the latest history event these facts include
 * @param origin source, campaign and tier, for grouping reports
 * @param outcomes each closed-loop outcome the lead reached → when it first did (the earliest
 *     instant reported for it, since a CRM may report an older outcome late)
 */
public record SlaFacts(
    String leadId,
    Instant receivedAt,
    List<OfferFact> offers,
    int remindersSent,
    boolean escalated,
    Optional<FirstOwner> owner,
    Optional<Duration> wallTimeToAccept,
    Optional<Duration> workingTimeToAccept,
    Instant updatedAt,
    LeadOrigin origin,
    Map<Outcome, Instant> outcomes) {

  public SlaFacts {
    offers = List.copyOf(offers);
    // Facts stored before origin and outcomes were recorded read back without them.
    origin = origin == null ? LeadOrigin.UNKNOWN : origin;
    outcomes =
        outcomes == null || outcomes.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new EnumMap<>(outcomes));
  }

  /**
   * Who first owned the lead.
   *
   * @param kind a rep who accepted, a manager it was escalated to, or the fallback queue
   * @param id the rep's id, the manager's email address or the queue's name
   * @param at when they became the owner
   */
  public record FirstOwner(Kind kind, String id, Instant at) {
    /** How the lead found its owner. */
    public enum Kind {
      REP,
      MANAGER,
      QUEUE
    }
  }

  /** From receipt to the first owner, around the clock; empty while nobody owns the lead. */
  public Optional<Duration> timeToOwner() {
    return owner.map(o -> Duration.between(receivedAt, o.at()));
  }

  /** Offers whose rep let the deadline pass without an answer. */
  public List<OfferFact> breaches() {
    return offers.stream().filter(o -> o.outcome() == OfferFact.Outcome.BREACHED).toList();
  }

  /** Whether a rep accepted the lead and no offer before theirs was left unanswered. */
  public boolean acceptedWithinSla() {
    return owner.filter(o -> o.kind() == FirstOwner.Kind.REP).isPresent() && breaches().isEmpty();
  }
}
