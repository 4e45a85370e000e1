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

  @Test
  void line_isTheDocumentPowertoolsPrinted_forTheSameMeasurement() {
    // GIVEN the measurement and time of a document Powertools 2.9 (aws-embedded-metrics 4.1.2)
    // printed locally
    EmfLeadMetrics atThen =
        new EmfLeadMetrics(
            "LeadHandoff",
            java.time.Clock.fixed(
                java.time.Instant.ofEpochMilli(1796421723264L), java.time.ZoneOffset.UTC));
    Measurement accepted =
        new Measurement(
            List.of(
                LeadMetric.one(LeadMetric.Name.SLA_MET),
                new LeadMetric(LeadMetric.Name.TIME_TO_ACCEPT, 3600)),
            Optional.of("inbound"),
            Optional.of("hot"));

    // WHEN it is written outside Lambda, and in Lambda
    String local = atThen.line(accepted, java.util.Map.of("AWS_EMF_ENVIRONMENT", "Local"));
    String inLambda =
        atThen.line(
            accepted,
            java.util.Map.of(
                "AWS_LAMBDA_FUNCTION_NAME", "offer",
                "AWS_EXECUTION_ENV", "AWS_Lambda_java21",
                "AWS_LAMBDA_FUNCTION_VERSION", "7",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/04/[7]abc",
                "_X_AMZN_TRACE_ID", "Root=1-5e1b4151-5ac6c58f5b5daa6532e4f2e8;Sampled=1"));

    // THEN it is that document, byte for byte; in Lambda with the library's properties too
    assertEquals(
        "{\"_aws\":{\"Timestamp\":1796421723264,\"CloudWatchMetrics\":[{\"Namespace\":\"LeadHandoff\","
            + "\"Metrics\":[{\"Name\":\"SlaMet\",\"Unit\":\"Count\"},{\"Name\":\"TimeToAccept\","
            + "\"Unit\":\"Seconds\"}],\"Dimensions\":[[\"team\"],[\"tier\"],[]]}]},\"team\":\"inbound\","
            + "\"tier\":\"hot\",\"SlaMet\":1.0,\"TimeToAccept\":3600.0}",
        local);
    assertTrue(
        inLambda.contains(
            "]}]},\"executionEnvironment\":\"AWS_Lambda_java21\",\"functionVersion\":\"7\","
                + "\"logStreamId\":\"2026/12/04/[7]abc\",\"traceId\":\"Root=1-5e1b4151-"
                + "5ac6c58f5b5daa6532e4f2e8;Sampled=1\",\"team\":\"inbound\""),
        inLambda);
  }

  @Test
  void publish_refusesADimensionValueWithSpaces_asPowertoolsDid() {
    List<JsonNode> printed =
        EmfLines.printedBy(
            () ->
                metrics.publish(
                    new Measurement(
                        List.of(LeadMetric.one(LeadMetric.Name.QUEUED)),
                        Optional.of("in bound"),
                        Optional.empty())));

    assertEquals(List.of(), printed);
  }
}
