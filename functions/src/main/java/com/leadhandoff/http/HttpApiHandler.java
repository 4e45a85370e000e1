package com.leadhandoff.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A handler of HTTP API (payload 2.0) requests. Lambda calls it as a {@link RequestStreamHandler}:
 * the Java runtime then passes the raw JSON instead of mapping it with its events serialization
 * (the runtime picks the longest {@code handleRequest} signature, the stream one), and {@link
 * HttpApiEvents} maps the few fields the handlers read. Tests and the typed entry point stay the
 * same: {@link #handleRequest(APIGatewayV2HTTPEvent, Context)}.
 */
public interface HttpApiHandler extends RequestStreamHandler {
  /** Answers one request. */
  APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context);

  @Override
  default void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    HttpApiEvents.write(handleRequest(HttpApiEvents.read(input), context), output);
  }
}
