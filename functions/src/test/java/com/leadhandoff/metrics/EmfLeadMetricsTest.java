package com.leadhandoff.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmfLeadMetricsTest {
  private final LeadMetrics metrics = new EmfLeadMetrics("LeadHandoff");

  @Test
  void publish_printsOneEmfDocument_countedByTeamByTierAndInTotal() {
    // GIVEN an acceptance in time by the inbound team of a hot lead, after 3600 working seconds
    Measurement accepted =
        new Measurement(
            List.of(
                LeadMetric.one(LeadMetric.Name.SLA_MET),
                new LeadMetric(LeadMetric.Name.TIME_TO_ACCEPT, 3600)),
            Optional.of("inbound"),
            Optional.of("hot"));

    // WHEN it is published
    List<JsonNode> printed = EmfLines.printedBy(() -> metrics.publish(accepted));

    // THEN one EMF document carries both metrics with their units, under [team], [tier] and none
    assertEquals(1, printed.size());
    JsonNode doc = printed.get(0);
    assertTrue(doc.path("_aws").path("Timestamp").isNumber());
    assertEquals("LeadHandoff", EmfLines.directive(doc).path("Namespace").asText());
    assertEquals(List.of(List.of("team"), List.of("tier"), List.of()), EmfLines.dimensionSets(doc));
    assertEquals("Seconds", EmfLines.unitOf(doc, "TimeToAccept"));
    assertEquals("Count", EmfLines.unitOf(doc, "SlaMet"));
    assertEquals(3600, doc.path("TimeToAccept").asDouble());
    assertEquals(1, doc.path("SlaMet").asDouble());
    assertEquals("inbound", doc.path("team").asText());
    assertEquals("hot", doc.path("tier").asText());
  }

  @Test
  void publish_leavesOutTheTeamSet_whenTheFactHasNoTeam() {
    // GIVEN an escalation of a warm lead that was never offered in any team
    Measurement escalated =
        new Measurement(
            List.of(LeadMetric.one(LeadMetric.Name.ESCALATED)),
            Optional.empty(),
            Optional.of("warm"));

    // WHEN it is published
    List<JsonNode> printed = EmfLines.printedBy(() -> metrics.publish(escalated));

    // THEN it counts per tier and in total only, and names no team
    JsonNode doc = printed.get(0);
    assertEquals(List.of(List.of("tier"), List.of()), EmfLines.dimensionSets(doc));
    assertEquals("Count", EmfLines.unitOf(doc, "Escalated"));
    assertNull(EmfLines.unitOf(doc, "SlaMet"));
    assertFalse(doc.has("team"));
  }

  @Test
  void publish_neverThrows_whenPowertoolsRejectsTheMetrics() {
    // GIVEN metrics with a namespace CloudWatch does not accept
    LeadMetrics broken = new EmfLeadMetrics("");

    // WHEN a queueing is published
    List<JsonNode> printed =
        EmfLines.printedBy(
            () ->
                assertDoesNotThrow(
                    () ->
                        broken.publish(
                            new Measurement(
                                List.of(LeadMetric.one(LeadMetric.Name.QUEUED)),
                                Optional.of("inbound"),
                                Optional.empty()))));

    // THEN nothing is printed and the step goes on
    assertEquals(List.of(), printed);
  }
}
