package com.leadhandoff.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.json.JsonResponses;
import com.leadhandoff.report.SlaReportRequest;
import com.leadhandoff.report.SlaReports;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoSlaFactsStore;

/**
 * {@code GET
 * /admin/reports/sla?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=rep|team|source|campaign|tier},
 * IAM-authorized: response-time compliance and the funnel of the leads received in the period. 200
 * with the report; 400 for a missing or bad date, {@code from} after {@code to}, more than {@link
 * SlaReports#MAX_DAYS} days or an unknown grouping. See {@code docs/reports.md}.
 */
public final class SlaReportAdminHandler implements HttpApiHandler {
  private final SlaReports reports;

  /** For Lambda: the facts in {@code SLA_FACTS_TABLE}. */
  public SlaReportAdminHandler() {
    this(Settings.current());
  }

  private SlaReportAdminHandler(Settings settings) {
    this(
        new SlaReports(
            new DynamoSlaFactsStore(AwsClients.dynamo(), settings.require("SLA_FACTS_TABLE"))));
  }

  /** For tests: the reports to answer from. */
  public SlaReportAdminHandler(SlaReports reports) {
    this.reports = reports;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    SlaReportRequest.Parsed parsed = SlaReportRequest.parse(event.getQueryStringParameters());
    if (parsed.request().isEmpty()) {
      return AdminResponses.invalid("No report for this period and grouping", parsed.errors());
    }
    return JsonResponses.json(200, reports.report(parsed.request().get()));
  }
}
