package com.leadhandoff.attention;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
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
public final class ParkedLeadMetrics implements LeadHistory {
  private final LeadHistory history;
  private final LeadMetrics metrics;

  /**
   * @param history where each event is recorded first
   * @param metrics where the count goes
   */
  public ParkedLeadMetrics(LeadHistory history, LeadMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
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
    if (LeadParking.NEEDS_ATTENTION.equals(event.type())) {
      metrics.publish(
          new Measurement(
              List.of(LeadMetric.one(LeadMetric.Name.LEADS_PARKED)),
              Optional.empty(),
              Optional.empty()));
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
