package com.leadhandoff.offer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /offers/{token}}: the page a rep's offer link opens, with Accept and Decline forms
 * while the offer is open. Changes nothing, since mail scanners open links before the rep does.
 */
public final class ShowOfferHandler implements HttpApiHandler {
  private final OfferLinks links;

  public ShowOfferHandler() {
    this(Settings.current());
  }

  private ShowOfferHandler(Settings settings) {
    this(
        new DynamoOfferStore(AwsClients.dynamo(), settings.require("OFFERS_TABLE")),
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        settings.clock());
  }

  public ShowOfferHandler(OfferStore offers, LeadStore leads, Clock clock) {
    this.links = new OfferLinks(offers, leads, clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String token = token(event);
    // Relative form actions: from /offers/{token}, "{token}/accept" is /offers/{token}/accept.
    return PageResponse.of(OfferPages.render(links.show(token), token + "/"));
  }

  /** The {@code {token}} path parameter, or empty. */
  static String token(APIGatewayV2HTTPEvent event) {
    Map<String, String> parameters = event.getPathParameters();
    return parameters == null ? "" : parameters.getOrDefault("token", "");
  }
}
