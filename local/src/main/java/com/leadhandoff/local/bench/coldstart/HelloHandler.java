package com.leadhandoff.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The bare-JVM baseline of {@link ColdStartBenchmark}: answers without touching anything. */
public final class HelloHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    output.write("\"hello\"".getBytes(StandardCharsets.UTF_8));
  }
}
