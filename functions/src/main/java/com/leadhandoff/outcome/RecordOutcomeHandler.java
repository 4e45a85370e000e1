package com.leadhandoff.outcome;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.offer.FormBody;
import com.leadhandoff.offer.PageResponse;
import com.leadhandoff.settings.Settings;
import java.time.Clock;

/**
 * {@code POST /outcomes/{token}}: the confirmation form of an outcome link. Records the outcome
 * (once: the same outcome again says it was already recorded) and answers with a page.
 */
public final class RecordOutcomeHandler implements HttpApiHandler {
  private final OutcomeLinks links;

  public RecordOutcomeHandler() {
    this(Settings.current());
  }

  private RecordOutcomeHandler(Settings settings) {
    this(OutcomeSettings.links(settings), OutcomeSettings.outcomes(settings), settings.clock());
  }

  public RecordOutcomeHandler(OutcomeLinkStore links, Outcomes outcomes, Clock clock) {
    this.links = new OutcomeLinks(links, outcomes, clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String token = ShowOutcomeHandler.token(event);
    OutcomeView view =
        links.record(token, FormBody.parse(event.getBody(), event.getIsBase64Encoded()));
    return PageResponse.of(OutcomePages.render(view, token));
  }
}
