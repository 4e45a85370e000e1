package com.leadhandoff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.intake.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaReportRequestTest {
  @Test
  void parse_acceptsAPeriodOf366Days_andAGroupingInAnyCase() {
    // GIVEN a leap year's 366 days grouped by "Campaign"
    Map<String, String> query =
        Map.of("from", "2028-01-01", "to", "2028-12-31", "groupBy", "Campaign");

    // WHEN it is parsed
    SlaReportRequest.Parsed parsed = SlaReportRequest.parse(query);

    // THEN it is a request
    assertEquals(
        Optional.of(
            new SlaReportRequest(
                LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31"), GroupBy.CAMPAIGN)),
        parsed.request());
  }

  @Test
  void parse_refuses367Days() {
    // GIVEN 367 days
    Map<String, String> query = Map.of("from", "2026-01-01", "to", "2027-01-02", "groupBy", "rep");

    // WHEN it is parsed
    SlaReportRequest.Parsed parsed = SlaReportRequest.parse(query);

    // THEN "to" is refused
    assertEquals(List.of("to"), fields(parsed));
    assertTrue(parsed.errors().get(0).problem().contains("366"));
  }

  @Test
  void parse_refusesFromAfterTo() {
    // GIVEN from after to
    Map<String, String> query = Map.of("from", "2026-11-30", "to", "2026-11-23", "groupBy", "team");

    // WHEN it is parsed
    // THEN "from" is refused
    assertEquals(List.of("from"), fields(SlaReportRequest.parse(query)));
  }

  @Test
  void parse_listsEveryBadField_forBadDatesAndAnUnknownGrouping() {
    // GIVEN a date that is not one, an impossible date and an unknown grouping
    Map<String, String> query =
        Map.of("from", "last week", "to", "2026-02-30", "groupBy", "country");

    // WHEN it is parsed
    SlaReportRequest.Parsed parsed = SlaReportRequest.parse(query);

    // THEN all three are refused, and no request is made
    assertEquals(List.of("from", "to", "groupBy"), fields(parsed));
    assertEquals(Optional.empty(), parsed.request());
  }

  @Test
  void parse_requiresEveryParameter_whenThereIsNoQueryString() {
    // GIVEN no query string at all (API Gateway sends null)
    // WHEN it is parsed
    // THEN from, to and groupBy are each required
    assertEquals(List.of("from", "to", "groupBy"), fields(SlaReportRequest.parse(null)));
  }

  private static List<String> fields(SlaReportRequest.Parsed parsed) {
    return parsed.errors().stream().map(FieldError::field).toList();
  }
}
