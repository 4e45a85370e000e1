package com.leadhandoff.local.ui;

import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a lead's offers kept the response-time SLA, read from each offer's deadline and answer:
 * an offer answered (accepted or declined) by its deadline met it; one that expired, or was
 * answered after its deadline, breached it.
 */
enum Sla {
  /** Every answered offer was answered in time, and one of them was. */
  MET("met"),
  /** At least one rep let the deadline pass. */
  BREACHED("breached"),
  /** An offer is waiting for its rep and its deadline is still ahead. */
  OPEN("waiting"),
  /** An offer is waiting, but its deadline has passed (the workflow is about to move on). */
  OVERDUE("overdue"),
  /** The lead was never offered to a rep (nurtured, merged, queued…). */
  NONE("no offer");

  private final String label;

  Sla(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The lead's SLA state at runtime time {@code now}. */
  static Sla of(List<Offer> offers, Instant now) {
    if (offers.stream().anyMatch(Sla::breached)) {
      return BREACHED;
    }
    Optional<Offer> open = open(offers);
    if (open.isPresent()) {
      return open.get().deadline().isBefore(now) ? OVERDUE : OPEN;
    }
    return offers.stream().anyMatch(o -> o.answeredAt().isPresent()) ? MET : NONE;
  }

  /** Whether this offer broke the SLA: expired, or answered only after its deadline. */
  static boolean breached(Offer offer) {
    return offer.status() == OfferStatus.EXPIRED
        || offer.answeredAt().map(at -> at.isAfter(offer.deadline())).orElse(false);
  }

  /** The offer still waiting for its rep, if any. */
  static Optional<Offer> open(List<Offer> offers) {
    return offers.stream().filter(o -> o.status() == OfferStatus.OPEN).reduce((a, b) -> b);
  }
}
