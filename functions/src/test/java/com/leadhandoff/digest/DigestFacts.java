package com.leadhandoff.digest;

import com.leadhandoff.sla.LeadOrigin;
import com.leadhandoff.sla.OfferFact;
import com.leadhandoff.sla.SlaFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SLA facts of one-offer leads, for digest tests. */
final class DigestFacts {
  private DigestFacts() {}

  /**
   * A lead offered to {@code rep} of {@code team} and accepted after {@code working}, deadline 15
   * min.
   */
  static SlaFacts accepted(
      String leadId, Instant received, String team, String rep, Duration working) {
    Instant answered = received.plus(working);
    OfferFact offer =
        new OfferFact(
            leadId + "-1",
            1,
            rep,
            team,
            received,
            received.plus(Duration.ofMinutes(15)),
            OfferFact.Outcome.ACCEPTED,
            Optional.of(answered),
            Optional.empty());
    return new SlaFacts(
        leadId,
        received,
        List.of(offer),
        0,
        false,
        Optional.of(new SlaFacts.FirstOwner(SlaFacts.FirstOwner.Kind.REP, rep, answered)),
        Optional.of(working),
        Optional.of(working),
        answered,
        LeadOrigin.UNKNOWN,
        Map.of());
  }

  /** A lead whose only offer, to {@code rep}, timed out, then escalated to the manager. */
  static SlaFacts breachedAndEscalated(String leadId, Instant received, String team, String rep) {
    Instant deadline = received.plus(Duration.ofMinutes(15));
    OfferFact offer =
        new OfferFact(
            leadId + "-1",
            1,
            rep,
            team,
            received,
            deadline,
            OfferFact.Outcome.BREACHED,
            Optional.of(deadline),
            Optional.empty());
    return new SlaFacts(
        leadId,
        received,
        List.of(offer),
        2,
        true,
        Optional.of(
            new SlaFacts.FirstOwner(SlaFacts.FirstOwner.Kind.MANAGER, "m@example.com", deadline)),
        Optional.empty(),
        Optional.empty(),
        deadline,
        LeadOrigin.UNKNOWN,
        Map.of());
  }
}
