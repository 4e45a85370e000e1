package com.leadhandoff.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandlerOverloadTest {
  @Test
  void overloadedHandleRequest_isCalledThroughTheLongestSignature_theStreamOne() throws Throwable {
    // GIVEN a class with a typed and a stream handleRequest, as the HTTP handlers have
    Handler handler =
        Handler.create(
            "com.leadhandoff.local.testhandlers.OverloadedHandler",
            "handleRequest",
            getClass().getClassLoader());

    // WHEN the local runtime invokes it
    byte[] result = handler.invoke("{}".getBytes(StandardCharsets.UTF_8), null);

    // THEN it got the raw event, as the Java runtime would call it
    assertEquals("\"stream\"", new String(result, StandardCharsets.UTF_8));
  }
}
