package com.leadhandoff.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A stream handler that also has a typed {@code handleRequest}, as the HTTP handlers do. */
public class OverloadedHandler implements RequestStreamHandler {
  /** The typed overload, for tests; Lambda never calls it. */
  public String handleRequest(Map<String, Object> event, Context context) {
    return "typed";
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    out.write("\"stream\"".getBytes(StandardCharsets.UTF_8));
  }
}
