package com.leadhandoff.events;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import java.util.List;

/**
 * A lead history that publishes a lead event for each step it records, after the history has it:
 * the history is the record, the event a notice of it.
 */
public final class PublishingLeadHistory implements LeadHistory {
  private final LeadHistory history;
  private final LeadEvents events;

  /**
   * @param history where each event is recorded first
   * @param events where the lead events made from it go
   */
  public PublishingLeadHistory(LeadHistory history, LeadEvents events) {
    this.history = history;
    this.events = events;
  }

  @Override
  public void record(String leadId, HistoryEvent event) {
    history.record(leadId, event);
    recorded(leadId, event);
  }

  @Override
  public boolean recordWith(String leadId, HistoryEvent event, Change change) {
    if (!history.recordWith(leadId, event, change)) {
      return false;
    }
    recorded(leadId, event);
    return true;
  }

  @Override
  public void recordFirstFact(String leadId, HistoryEvent event, List<HistoryEvent> earlier) {
    history.recordFirstFact(leadId, event, earlier);
    recorded(leadId, event);
  }

  private void recorded(String leadId, HistoryEvent event) {
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

  @Override
  public List<HistoryEvent> of(String leadId) {
    return history.of(leadId);
  }

  @Override
  public boolean claim(String leadId, String action) {
    return history.claim(leadId, action);
  }

  @Override
  public void release(String leadId, String action) {
    history.release(leadId, action);
  }
}
