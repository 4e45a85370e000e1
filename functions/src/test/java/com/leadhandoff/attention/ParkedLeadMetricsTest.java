package com.leadhandoff.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.metrics.LeadMetric;
import com.leadhandoff.metrics.Measurement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParkedLeadMetricsTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:05:00Z");

  private final List<HistoryEvent> recorded = new ArrayList<>();
  private final List<Measurement> published = new ArrayList<>();
  private final LeadHistory history =
      new ParkedLeadMetrics(
          new LeadHistory() {
            @Override
            public void record(String leadId, HistoryEvent event) {
              recorded.add(event);
            }

            @Override
            public List<HistoryEvent> of(String leadId) {
              return recorded;
            }

            @Override
            public boolean claim(String leadId, String action) {
              return true;
            }

            @Override
            public void release(String leadId, String action) {}
          },
          measurement -> {
            assertEquals(1, recorded.size(), "counted after the history has it");
            published.add(measurement);
          });

  @Test
  void parkedLead_isCountedOnce_withoutDimensions() {
    // WHEN a lead is parked
    history.record("lead-1", event(LeadParking.NEEDS_ATTENTION));

    // THEN LeadsParked counts 1 in the dimensionless series the alarm watches
    assertEquals(1, published.size());
    Measurement measurement = published.get(0);
    assertEquals(List.of(LeadMetric.one(LeadMetric.Name.LEADS_PARKED)), measurement.metrics());
    assertEquals(
        "LeadsParked", measurement.metrics().get(0).name().metricName(), "the alarm's name");
    assertEquals(true, measurement.team().isEmpty() && measurement.tier().isEmpty());
  }

  @Test
  void otherSteps_andAFurtherIncidentOfAParkedLead_countNothing() {
    history.record("lead-1", event("SCORED"));
    history.record("lead-1", event(LeadParking.ALSO_FAILED));
    assertEquals(List.of(), published);
    assertEquals(2, recorded.size());
  }

  private static HistoryEvent event(String type) {
    return new HistoryEvent(AT, type, "why", Map.of());
  }
}
