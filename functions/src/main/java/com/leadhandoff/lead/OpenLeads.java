package com.leadhandoff.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which leads are still open: received within the window and not handed back or closed. A new
 * submission from an open lead's address is merged into it, and a rep who owns an open lead is
 * offered the next lead from the same company first.
 *
 * <p>Open: {@code RECEIVED}, {@code ROUTING}, {@code ACCEPTED}, {@code ESCALATED}, {@code QUEUED} —
 * someone is working the lead or about to, or it waits in the fallback queue. Not open: {@code
 * NURTURE} and {@code RECYCLED} (back with marketing: a new submission is a new chance for sales),
 * {@code MERGED} (part of another lead) and {@code NEEDS_ATTENTION} (its workflow failed; a new
 * submission gets a handoff that works).
 *
 * @param window how long after it was received a lead can be open
 */
public record OpenLeads(Duration window) {
  /** The statuses of an open lead. */
  public static final Set<LeadStatus> STATUSES =
      Set.copyOf(
          EnumSet.of(
              LeadStatus.RECEIVED,
              LeadStatus.ROUTING,
              LeadStatus.ACCEPTED,
              LeadStatus.ESCALATED,
              LeadStatus.QUEUED));

  /** Days a lead stays open when {@code OPEN_LEAD_DAYS} is not set. */
  public static final int DEFAULT_DAYS = 90;

  public OpenLeads {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("The open-lead window must be positive, was " + window);
    }
  }

  /** The window in days. */
  public static OpenLeads days(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("OPEN_LEAD_DAYS must be at least 1, was " + days);
    }
    return new OpenLeads(Duration.ofDays(days));
  }

  /** The earliest instant an open lead can have been received at {@code now}. */
  public Instant since(Instant now) {
    return now.minus(window);
  }

  /** Whether {@code lead} is open at {@code now}. */
  public boolean isOpen(Lead lead, Instant now) {
    return STATUSES.contains(lead.status()) && !lead.receivedAt().isBefore(since(now));
  }
}
