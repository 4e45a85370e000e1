package com.leadhandoff.attention;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.history.ObservedLeadHistory;
import com.leadhandoff.metrics.LeadMetric;
import com.leadhandoff.metrics.LeadMetrics;
import com.leadhandoff.metrics.Measurement;
import java.util.List;
import java.util.Optional;

/**
 * A lead history that counts each lead parked as NEEDS_ATTENTION in the {@code LeadsParked} metric,
 * after the history has it; the template's alarm on that metric tells the team that runs it.
 * Recorded once per parking, since a repeat incident about a parked lead is an ALSO_FAILED entry.
 */
public final class ParkedLeadMetrics extends ObservedLeadHistory {
  private final LeadMetrics metrics;

  /**
   * @param history where each event is recorded first
   * @param metrics where the count goes
   */
  public ParkedLeadMetrics(LeadHistory history, LeadMetrics metrics) {
    super(history);
    this.metrics = metrics;
  }

  @Override
  protected void recorded(String leadId, HistoryEvent event) {
    if (LeadParking.NEEDS_ATTENTION.equals(event.type())) {
      metrics.publish(
          new Measurement(
              List.of(LeadMetric.one(LeadMetric.Name.LEADS_PARKED)),
              Optional.empty(),
              Optional.empty()));
    }
  }
}
