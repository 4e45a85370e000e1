package com.leadhandoff.report;

import static com.leadhandoff.report.LeadHistoryBuilder.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.store.DynamoSlaFactsStore;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.TestDynamo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What a report reads from DynamoDB (the in-process engine), counted request by request. */
class SlaReportReadsTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoSlaFactsStore writer =
      new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"));
  private final List<String> requests = new ArrayList<>();

  @Test
  void ninetyDayReport_costsOneQueryPerDay_whateverTheLeadsOfOtherDays() {
    // GIVEN one lead on each of the 90 days from 2026-09-01, four more of 300 KB each on the
    // first day (1.2 MB: more than one 1 MB page), and 300 leads on days before and after
    LocalDate from = LocalDate.parse("2026-09-01");
    LocalDate to = from.plusDays(89);
    for (int d = 0; d < 90; d++) {
      writer.put(lead("in-" + d, from.plusDays(d)));
    }
    for (int i = 0; i < 4; i++) {
      writer.put(lead("big-" + i, from));
      pad(from, "big-" + i, 300 * 1024);
    }
    for (int i = 0; i < 150; i++) {
      writer.put(lead("before-" + i, from.minusDays(1 + i % 30)));
      writer.put(lead("after-" + i, to.plusDays(1 + i % 30)));
    }
    SlaReports reports =
        new SlaReports(
            new DynamoSlaFactsStore(
                CountedDynamo.of(tables, requests), tables.get("SlaFactsTable")));

    // WHEN the 90-day report is asked
    SlaReport report = reports.report(new SlaReportRequest(from, to, GroupBy.TEAM));

    // THEN it made 91 Query requests on SlaFactsTable, one per day plus the first day's second
    // page, and nothing else (no Scan, no Leads table), and counted only the period's 94 leads
    assertEquals(91, requests.size(), requests.toString());
    assertTrue(
        requests.stream().allMatch(r -> r.equals("Query SlaFactsTable")), requests.toString());
    assertEquals(94, report.total().leads());
  }

  @Test
  void factsStoredBeforeOriginAndOutcomes_readBackWithNone() {
    // GIVEN facts as stored before they carried origin, outcomes and decline reasons
    String day = "2026-11-23";
    TestDynamo.client()
        .putItem(
            r ->
                r.tableName(tables.get("SlaFactsTable"))
                    .item(
                        Map.of(
                            "day", AttributeValue.fromS(day),
                            "leadId", AttributeValue.fromS("old-1"),
                            "facts",
                                AttributeValue.fromS(
                                    "{\"leadId\":\"old-1\",\"receivedAt\":\"2026-11-23T10:00:00Z\","
                                        + "\"offers\":[{\"offerId\":\"o1\",\"attempt\":1,"
                                        + "\"repId\":\"ana\",\"teamId\":\"emea\","
                                        + "\"offeredAt\":\"2026-11-23T10:00:00Z\","
                                        + "\"deadline\":\"2026-11-23T10:30:00Z\","
                                        + "\"outcome\":\"DECLINED\","
                                        + "\"answeredAt\":\"2026-11-23T10:05:00Z\"}],"
                                        + "\"remindersSent\":0,\"escalated\":false,"
                                        + "\"updatedAt\":\"2026-11-23T10:05:00Z\"}"))));

    // WHEN a report by source reads them
    SlaReport report =
        new SlaReports(writer)
            .report(
                new SlaReportRequest(LocalDate.parse(day), LocalDate.parse(day), GroupBy.SOURCE));

    // THEN the lead is in the no-source row, its decline has no reason, and it reached no outcome
    GroupRow row = report.groups().get(0);
    assertEquals(GroupBy.NONE, row.group());
    assertEquals(Map.of(SlaReportCalculator.NO_REASON, 1), row.declinesByReason());
    assertEquals(0, row.funnel().stages().get(2).leads());
  }

  @Test
  void factsStoredWithATierButBeforeScoringRules_countInTheirTier_andInNoRule() {
    // GIVEN facts as stored once they carried origin and outcomes, before the rules that fired
    String day = "2026-11-24";
    TestDynamo.client()
        .putItem(
            r ->
                r.tableName(tables.get("SlaFactsTable"))
                    .item(
                        Map.of(
                            "day", AttributeValue.fromS(day),
                            "leadId", AttributeValue.fromS("old-2"),
                            "facts",
                                AttributeValue.fromS(
                                    "{\"leadId\":\"old-2\",\"receivedAt\":\"2026-11-24T10:00:00Z\","
                                        + "\"offers\":[],\"remindersSent\":0,\"escalated\":true,"
                                        + "\"owner\":{\"kind\":\"MANAGER\",\"id\":\"mia@example.com\","
                                        + "\"at\":\"2026-11-24T11:00:00Z\"},"
                                        + "\"updatedAt\":\"2026-11-24T12:00:00Z\","
                                        + "\"origin\":{\"source\":\"google\",\"tier\":\"WARM\"},"
                                        + "\"outcomes\":{\"SQL\":\"2026-11-24T12:00:00Z\"}}"))));

    // WHEN a report reads them
    SlaReport report =
        new SlaReports(writer)
            .report(new SlaReportRequest(LocalDate.parse(day), LocalDate.parse(day), GroupBy.TIER));

    // THEN the lead is a WARM one that became SQL, and no rule row claims it
    assertEquals(
        new Calibration.Row("WARM", 1, 1, java.util.Optional.of(1.0)),
        report.calibration().tiers().get(1));
    assertEquals(List.of(), report.calibration().rules());
  }

  /** Makes the stored item of {@code leadId} about {@code bytes} larger. */
  private void pad(LocalDate day, String leadId, int bytes) {
    TestDynamo.client()
        .updateItem(
            r ->
                r.tableName(tables.get("SlaFactsTable"))
                    .key(
                        Map.of(
                            "day", AttributeValue.fromS(day.toString()),
                            "leadId", AttributeValue.fromS(leadId)))
                    .updateExpression("SET padding = :p")
                    .expressionAttributeValues(
                        Map.of(":p", AttributeValue.fromS("x".repeat(bytes)))));
  }

  private static SlaFacts lead(String leadId, LocalDate day) {
    String at = day + "T10:00Z";
    return received(leadId, at, "google", null)
        .offered(at, "o1", "cai", "amer", day + "T10:30Z")
        .accepted(day + "T10:05Z", "o1", "cai")
        .facts();
  }
}
