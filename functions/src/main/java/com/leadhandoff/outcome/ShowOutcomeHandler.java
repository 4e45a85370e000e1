package com.leadhandoff.outcome;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.offer.PageResponse;
import com.leadhandoff.settings.Settings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /outcomes/{token}}: the page an outcome link in the owner's email opens, asking to
 * confirm the outcome. Changes nothing, since mail scanners open links before the rep does.
 */
public final class ShowOutcomeHandler implements HttpApiHandler {
  private final OutcomeLinks links;

  public ShowOutcomeHandler() {
    this(Settings.current());
  }

  private ShowOutcomeHandler(Settings settings) {
    this(OutcomeSettings.links(settings), OutcomeSettings.outcomes(settings), settings.clock());
  }

  public ShowOutcomeHandler(OutcomeLinkStore links, Outcomes outcomes, Clock clock) {
    this.links = new OutcomeLinks(links, outcomes, clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String token = token(event);
    String chosen =
        Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get("outcome")).orElse("");
    return PageResponse.of(OutcomePages.render(links.show(token, chosen), token));
  }

  /** The {@code {token}} path parameter, or empty. */
  static String token(APIGatewayV2HTTPEvent event) {
    Map<String, String> parameters = event.getPathParameters();
    return parameters == null ? "" : parameters.getOrDefault("token", "");
  }
}
