package com.leadhandoff.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.report.SlaReports;
import com.leadhandoff.sla.SlaFactsFromHistory;
import com.leadhandoff.store.DynamoSlaFactsStore;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaReportAdminHandlerTest {
  private final DynamoSlaFactsStore facts =
      new DynamoSlaFactsStore(TestDynamo.client(), TestDynamo.tables().get("SlaFactsTable"));
  private final SlaReportAdminHandler handler = new SlaReportAdminHandler(new SlaReports(facts));

  @Test
  void get_answersTheWeeksReportByTeam_fromTheFixture() throws Exception {
    // GIVEN a lead received on Tuesday 2026-11-24 and accepted by ana (team inbound) in 5 minutes
    Instant t0 = Instant.parse("2026-11-24T09:00:00Z");
    facts.put(
        SlaFactsFromHistory.of(
            "lead-1",
            List.of(
                new HistoryEvent(t0, "RECEIVED", "", Map.of("utmSource", "google")),
                new HistoryEvent(
                    t0,
                    "OFFERED",
                    "",
                    Map.of(
                        "offerId", "o1",
                        "attempt", "1",
                        "repId", "ana",
                        "teamId", "inbound",
                        "deadline", t0.plusSeconds(900).toString())),
                new HistoryEvent(
                    t0.plusSeconds(300),
                    "OFFER_ACCEPTED",
                    "",
                    Map.of("offerId", "o1", "repId", "ana"))),
            team -> Optional.empty()));

    // WHEN events/admin-sla-report.json asks for 2026-11-23..29 by team
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(AdminEvents.fixture("admin-sla-report.json"), null);

    // THEN the report has one team row: one lead, accepted in time after 300 s
    assertEquals(200, response.getStatusCode(), response.getBody());
    JsonNode body = Json.MAPPER.readTree(response.getBody());
    assertEquals("TEAM", body.get("groupBy").asText());
    JsonNode row = body.get("groups").get(0);
    assertEquals("inbound", row.get("group").asText());
    assertEquals(1, row.get("leads").asInt());
    assertEquals(1.0, row.get("shareAcceptedWithinSla").asDouble());
    assertEquals(300, row.get("p50WorkingSecondsToAccept").asLong());
    assertEquals("ACCEPTED", row.get("funnel").get("stages").get(1).get("stage").asText());
    assertEquals(1, body.get("total").get("leads").asInt());
  }

  @Test
  void get_refusesWith400_namingEveryBadParameter() throws Exception {
    // GIVEN the fixture with from after to and an unknown grouping
    APIGatewayV2HTTPEvent event = AdminEvents.fixture("admin-sla-report.json");
    event.setQueryStringParameters(
        Map.of("from", "2026-11-30", "to", "2026-11-23", "groupBy", "country"));

    // WHEN it is handled
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

    // THEN 400 lists groupBy and from, and no report is made
    assertEquals(400, response.getStatusCode());
    JsonNode body = Json.MAPPER.readTree(response.getBody());
    assertEquals("groupBy", body.get("errors").get(0).get("field").asText());
    assertEquals("from", body.get("errors").get(1).get("field").asText());
  }
}
