package com.leadhandoff.events;

import java.util.List;

/** Publishes lead events for other systems to subscribe to (Slack, a CRM, a warehouse). */
public interface LeadEvents {
  /**
   * Publishes the events, in order. Publishing is best effort: an implementation reports a failure
   * by throwing, and callers log it rather than fail the lead's step.
   */
  void publish(List<LeadEvent> events);
}
