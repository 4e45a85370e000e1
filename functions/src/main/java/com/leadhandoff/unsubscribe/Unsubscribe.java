package com.leadhandoff.unsubscribe;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.offer.OfferToken;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What an unsubscribe link does: look the link up, and on POST mark its address unsubscribed. */
public final class Unsubscribe {
  /** History type when a lead's prospect unsubscribed. */
  public static final String UNSUBSCRIBED = "UNSUBSCRIBED";

  /** What a link's page shows. */
  public enum Outcome {
    /** A known link, not used yet (GET): the page asks to confirm. */
    CONFIRM,
    /** The address is unsubscribed (POST, or GET after it was). */
    UNSUBSCRIBED,
    /** Malformed or unknown token: nothing changed. */
    UNKNOWN
  }

  private final Unsubscribes unsubscribes;
  private final LeadHistory history;
  private final Clock clock;

  public Unsubscribe(Unsubscribes unsubscribes, LeadHistory history, Clock clock) {
    this.unsubscribes = unsubscribes;
    this.history = history;
    this.clock = clock;
  }

  /** GET: changes nothing, since mail scanners open links before people do. */
  public Outcome show(String token) {
    return link(token)
        .map(l -> unsubscribes.isUnsubscribed(l.email()) ? Outcome.UNSUBSCRIBED : Outcome.CONFIRM)
        .orElse(Outcome.UNKNOWN);
  }

  /**
   * POST, from the page's button or a mailbox provider's one-click request (RFC 8058 section 3.2:
   * body {@code List-Unsubscribe=One-Click}, no cookies, no further step); safe to repeat.
   */
  public Outcome unsubscribe(String token) {
    Optional<Unsubscribes.Link> link = link(token);
    if (link.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    Unsubscribes.Link l = link.get();
    if (unsubscribes.unsubscribe(l.email(), l.leadId(), clock.instant())) {
      history.record(
          l.leadId(),
          new HistoryEvent(
              clock.instant(),
              UNSUBSCRIBED,
              "The prospect unsubscribed from sales emails; no introduction or other sales email"
                  + " goes to this address any more",
              Map.of("email", l.email())));
    }
    return Outcome.UNSUBSCRIBED;
  }

  private Optional<Unsubscribes.Link> link(String token) {
    return OfferToken.parse(token).flatMap(t -> unsubscribes.find(t.hash()));
  }
}
