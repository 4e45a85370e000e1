package com.leadhandoff.events;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.history.ObservedLeadHistory;
import java.util.List;

/**
 * A lead history that publishes a lead event for each step it records, after the history has it:
 * the history is the record, the event a notice of it.
 */
public final class PublishingLeadHistory extends ObservedLeadHistory {
  private final LeadEvents events;

  /**
   * @param history where each event is recorded first
   * @param events where the lead events made from it go
   */
  public PublishingLeadHistory(LeadHistory history, LeadEvents events) {
    super(history);
    this.events = events;
  }

  @Override
  protected void recorded(String leadId, HistoryEvent event) {
    try {
      List<LeadEvent> published = LeadEventCatalog.of(leadId, event);
      if (!published.isEmpty()) {
        events.publish(published);
      }
    } catch (RuntimeException e) {
      // Subscribers are told of a lead's steps, they do not drive them: a failure to publish (the
      // bus unreachable, throttled, a bad field) is logged and the lead's step carries on. The
      // step's history entry, written above, is the record that stays.
      System.err.println(
          "Lead event for " + event.type() + " of lead " + leadId + " not published: " + e);
    }
  }
}
