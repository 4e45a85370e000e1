package com.leadhandoff.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** HTTP API responses with a JSON body; CORS headers are API Gateway's job. */
public final class JsonResponses {
  private JsonResponses() {}

  /** {@code body} as JSON with {@code status}. */
  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    // The mapper's text; written without it for plain records and maps (see ValueTrees).
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(ValueTrees.write(body))
        .build();
  }
}
