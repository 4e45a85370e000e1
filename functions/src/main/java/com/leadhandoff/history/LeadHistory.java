package com.leadhandoff.history;

import java.util.List;

/** Every decision made about a lead, oldest first. */
public interface LeadHistory {
  /** Appends an event to the lead's history. */
  void record(String leadId, HistoryEvent event);

  /** The lead's history, oldest first. */
  List<HistoryEvent> of(String leadId);
}
