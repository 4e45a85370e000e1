package com.leadhandoff.history;

import java.time.Instant;
import java.util.Map;

/**
 * One decision or fact in a lead's history, with its reason.
 *
 * @param type what happened, e.g. {@code OFFERED}, {@code OFFER_DECLINED}
 * @param summary one sentence a manager can read ("Offered to Ana Ruiz: next in round robin")
 * @param details the facts behind it (rep id, reason, deadline…)
 */
public record HistoryEvent(Instant at, String type, String summary, Map<String, String> details) {
  public HistoryEvent {
    details = Map.copyOf(details);
  }
}
