package com.leadhandoff.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Answers with the raw event it received, its settings and its context, for the API tests. */
public class RawEchoHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Settings settings = Settings.current();

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    ObjectNode echo = JSON.createObjectNode();
    echo.set("event", JSON.readTree(in));
    echo.put("greetingAtConstruction", settings.get("GREETING").orElse(""));
    echo.put("greetingAtInvocation", Settings.current().get("GREETING").orElse(""));
    echo.put("now", Settings.current().clock().instant().toString());
    echo.put("functionName", context.getFunctionName());
    ObjectNode response = JSON.createObjectNode();
    response.put("statusCode", 200);
    response
        .putObject("headers")
        .put("content-type", "application/json")
        .put("x-echo", "yes")
        .put("access-control-allow-origin", "https://evil.example");
    response.putArray("cookies").add("a=1; Path=/").add("b=2");
    response.put("body", JSON.writeValueAsString(echo));
    JSON.writeValue(out, response);
  }
}
