package com.leadhandoff.sla;

import java.time.Instant;
import java.util.Optional;

/**
 * One offer of a lead as the SLA sees it: who had it, by when they had to answer, and whether they
 * did.
 *
 * @param offerId the offer's id
 * @param attempt 1 for the first offer of the lead, 2 for the next…
 * @param repId the rep the offer went to
 * @param teamId the rep's team, whose calendar counts the lead's working time
 * @param offeredAt when the offer was made
 * @param deadline when the answer was due
 * @param outcome what became of the offer
 * @param answeredAt when the rep accepted or declined, or when the offer expired; empty while open
 * @param declineReason the reason a rep who declined chose (its code, e.g. {@code
 *     NOT_MY_TERRITORY}, else the words they wrote); empty for any other outcome
 */
public record OfferFact(
    String offerId,
    int attempt,
    String repId,
    String teamId,
    Instant offeredAt,
    Instant deadline,
    Outcome outcome,
    Optional<Instant> answeredAt,
    Optional<String> declineReason) {

  public OfferFact {
    // Facts stored before decline reasons were recorded read back without one.
    declineReason = declineReason == null ? Optional.empty() : declineReason;
  }

  /** What became of an offer. */
  public enum Outcome {
    /** Accepted; {@link #met} says whether in time. */
    ACCEPTED,
    /**
     * Declined: the rep answered, so the SLA is met if they did so in time, though they said no.
     */
    DECLINED,
    /** Not answered by the deadline: a breach of the SLA by {@link #repId}. */
    BREACHED,
    /** Still waiting for an answer. */
    OPEN
  }

  /** Whether the rep answered by the deadline, accepting or declining. */
  public boolean met() {
    return (outcome == Outcome.ACCEPTED || outcome == Outcome.DECLINED)
        && answeredAt.filter(at -> !at.isAfter(deadline)).isPresent();
  }

  OfferFact settled(Outcome settledAs, Instant at, Optional<String> reason) {
    return new OfferFact(
        offerId, attempt, repId, teamId, offeredAt, deadline, settledAs, Optional.of(at), reason);
  }
}
