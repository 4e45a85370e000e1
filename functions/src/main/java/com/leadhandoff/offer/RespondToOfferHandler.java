package com.leadhandoff.offer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.workflow.StepFunctionsWorkflow;
import com.leadhandoff.workflow.Workflow;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /offers/{token}/accept} and {@code POST /offers/{token}/decline}: the rep's answer
 * from the offer page's forms. Answers the rep with a page and resumes the waiting workflow.
 */
public final class RespondToOfferHandler implements HttpApiHandler {
  private final OfferAnswers answers;

  public RespondToOfferHandler() {
    this(Settings.current());
  }

  private RespondToOfferHandler(Settings settings) {
    this(
        new DynamoOfferStore(
            AwsClients.dynamo(),
            settings.require("OFFERS_TABLE"),
            new DynamoCapacity(AwsClients.dynamo(), settings.require("REPS_TABLE"))),
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        LeadHistories.of(settings),
        // Only sends task callbacks, which need no state machine ARN; it never starts one.
        new StepFunctionsWorkflow(AwsClients.stepFunctions(), ""),
        settings.clock());
  }

  public RespondToOfferHandler(
      OfferStore offers, LeadStore leads, LeadHistory history, Workflow workflow, Clock clock) {
    this.answers = new OfferAnswers(offers, leads, history, workflow, clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String token = ShowOfferHandler.token(event);
    String action = action(event);
    OfferView view =
        switch (action) {
          case "accept" -> answers.accept(token);
          case "decline" ->
              answers.decline(
                  token,
                  DeclineForm.from(FormBody.parse(event.getBody(), event.getIsBase64Encoded())));
          default -> new OfferView.Unknown();
        };
    // Relative form actions: from /offers/{token}/decline, "accept" is /offers/{token}/accept.
    return PageResponse.of(OfferPages.render(view, ""));
  }

  /** The last path segment of the route ("POST /offers/{token}/accept") or, failing that, path. */
  private static String action(APIGatewayV2HTTPEvent event) {
    String route = Optional.ofNullable(event.getRouteKey()).orElse("");
    String path = route.startsWith("POST /offers/") ? route : event.getRawPath();
    return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
  }
}
