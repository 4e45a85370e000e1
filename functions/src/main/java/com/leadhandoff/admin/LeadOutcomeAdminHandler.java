package com.leadhandoff.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.json.JsonResponses;
import com.leadhandoff.outcome.OutcomeReport;
import com.leadhandoff.outcome.OutcomeRequest;
import com.leadhandoff.outcome.OutcomeResult;
import com.leadhandoff.outcome.OutcomeSettings;
import com.leadhandoff.outcome.Outcomes;
import com.leadhandoff.outcome.Stage;
import com.leadhandoff.settings.Settings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /admin/leads/{leadId}/outcome}, IAM-authorized: a CRM or a person reports what became
 * of an owned lead. 200 with the lead's stage when recorded or already recorded; 400 for a body
 * that says no valid outcome; 404 for an unknown lead; 409 for a lead without an owner.
 */
public final class LeadOutcomeAdminHandler implements HttpApiHandler {
  private final Outcomes outcomes;
  private final Clock clock;

  /** For Lambda: collaborators from the function's settings. */
  public LeadOutcomeAdminHandler() {
    this(Settings.current());
  }

  private LeadOutcomeAdminHandler(Settings settings) {
    this(OutcomeSettings.outcomes(settings), settings.clock());
  }

  /** For tests: the outcomes to record into and the clock. */
  public LeadOutcomeAdminHandler(Outcomes outcomes, Clock clock) {
    this.outcomes = outcomes;
    this.clock = clock;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String leadId = AdminResponses.pathParameter(event, "leadId");
    if (leadId.isBlank()) {
      return AdminResponses.error(404, "No lead id in the path");
    }
    AdminResponses.Body body = AdminResponses.body(event);
    if (body.refused().isPresent()) {
      return body.refused().get();
    }
    JsonNode json = body.json().get();
    OutcomeRequest.Parsed parsed =
        OutcomeRequest.parse(json, AdminResponses.caller(event), clock.instant());
    if (parsed.report().isEmpty()) {
      return AdminResponses.invalid("The outcome was not recorded", parsed.errors());
    }
    OutcomeResult result = outcomes.record(leadId, parsed.report().get());
    if (result instanceof OutcomeResult.UnknownLead) {
      return AdminResponses.error(404, "No lead " + leadId);
    }
    if (result instanceof OutcomeResult.NotOwned notOwned) {
      return AdminResponses.error(
          409,
          "Lead "
              + leadId
              + " is "
              + notOwned.status()
              + "; only a lead with an owner (ACCEPTED, ESCALATED, QUEUED) takes outcomes");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("leadId", leadId);
    if (result instanceof OutcomeResult.Recorded recorded) {
      OutcomeReport report = recorded.report();
      answer.put("recorded", true);
      answer.put("isStage", recorded.isStage());
      answer.put("outcome", view(new Stage(report.outcome(), report.reason(), report.at())));
    } else if (result instanceof OutcomeResult.AlreadyRecorded already) {
      answer.put("recorded", false);
      answer.put("message", "The lead's stage already is this outcome; nothing was recorded again");
      answer.put("outcome", view(already.stage()));
    }
    outcomes.stage(leadId).ifPresent(s -> answer.put("stage", view(s)));
    return JsonResponses.json(200, answer);
  }

  private static Map<String, Object> view(Stage stage) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("outcome", stage.outcome().name());
    stage.reason().ifPresent(r -> view.put("reason", r.name()));
    view.put("at", stage.at().toString());
    return view;
  }
}
