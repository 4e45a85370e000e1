package com.leadhandoff.unsubscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoUnsubscribes;
import com.leadhandoff.store.LeadHistories;
import java.util.Map;

/**
 * {@code GET /unsubscribe/{token}} shows a page with an Unsubscribe button; {@code POST} (the
 * button, or a mailbox provider's one-click request) unsubscribes the address the link was sent to.
 */
public final class UnsubscribeHandler implements HttpApiHandler {
  private final Unsubscribe unsubscribe;

  public UnsubscribeHandler() {
    this(Settings.current());
  }

  private UnsubscribeHandler(Settings settings) {
    this(
        new Unsubscribe(
            new DynamoUnsubscribes(AwsClients.dynamo(), settings.require("UNSUBSCRIBES_TABLE")),
            LeadHistories.of(settings),
            settings.clock()));
  }

  public UnsubscribeHandler(Unsubscribe unsubscribe) {
    this.unsubscribe = unsubscribe;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, String> parameters = event.getPathParameters();
    String token = parameters == null ? "" : parameters.getOrDefault("token", "");
    String method =
        event.getRequestContext() == null || event.getRequestContext().getHttp() == null
            ? "GET"
            : event.getRequestContext().getHttp().getMethod();
    Unsubscribe.Outcome outcome =
        "POST".equalsIgnoreCase(method) ? unsubscribe.unsubscribe(token) : unsubscribe.show(token);
    return UnsubscribePages.response(outcome);
  }
}
