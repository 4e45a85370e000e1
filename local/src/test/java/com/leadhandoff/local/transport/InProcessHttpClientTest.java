package com.leadhandoff.local.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The in-process transport against the JDK server it stands in for: the same handlers are served by
 * a real {@code HttpServer} and registered in-process, each request is sent both ways (the
 * URL-connection client over the socket, the in-process client without one) and the answers must be
 * the same: status, headers (but the date), body.
 */
class InProcessHttpClientTest {
  private static final byte[] LARGE = large();

  private HttpServer server;
  private InProcessEndpoints.Registration registration;
  private final AtomicInteger handled = new AtomicInteger();
  private final List<String> networkRequests = new ArrayList<>();
  private SdkHttpClient socket;
  private InProcessHttpClient inProcess;

  @BeforeEach
  void serveTheSameHandlersBothWays() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Contexts contexts = new Contexts();
    mount(contexts, "/", this::echo);
    mount(contexts, "/_aws/ses", this::error);
    mount(contexts, "/_aws/sesv2", this::echo);
    mount(contexts, "/stream", this::chunked);
    mount(contexts, "/empty", this::noContent);
    mount(contexts, "/fails", exchange -> failBeforeAnswering());
    mount(contexts, "/silent", exchange -> {});
    mount(contexts, "/overflow", this::overflow);
    mount(contexts, "/short", this::tooShort);
    mount(contexts, "/mdc", this::mdc);
    server.start();
    registration = InProcessEndpoints.register(server.getAddress().getPort(), contexts);
    socket = UrlConnectionHttpClient.create();
    SdkHttpClient network = UrlConnectionHttpClient.create();
    inProcess = new InProcessHttpClient(recording(network));
  }

  @AfterEach
  void stop() {
    registration.close();
    server.stop(0);
    socket.close();
    inProcess.close();
  }

  @Test
  void postWithBody_isAnsweredAsOverTheSocket_withoutTheNetwork() throws Exception {
    // GIVEN a signed-looking JSON POST with a query and headers of its own
    SdkHttpRequest request =
        request(SdkHttpMethod.POST, "/_aws/sfn?x=a%20b&y=1")
            .putHeader("X-Amz-Target", "AWSStepFunctions.StartExecution")
            .putHeader("Content-Type", "application/x-amz-json-1.0")
            .build();
    byte[] body = "{\"name\":\"lead-1\"}".getBytes(StandardCharsets.UTF_8);

    // WHEN sent both ways
    Answer overSocket = send(socket, request, body);
    Answer handedOver = send(inProcess, request, body);

    // THEN the same answer, and the in-process one never touched the network
    assertEquals(overSocket, handedOver);
    assertEquals(200, handedOver.status());
    assertTrue(
        handedOver
            .body()
            .contains(
                "POST /_aws/sfn?x=a%20b&y=1 context / target" + " AWSStepFunctions.StartExecution"),
        handedOver.body());
    assertTrue(handedOver.body().endsWith("{\"name\":\"lead-1\"}"), handedOver.body());
    assertEquals(List.of(), networkRequests);
    assertEquals(2, handled.get());
  }

  @Test
  void errorStatus_keepsItsHeadersAndBody() throws Exception {
    SdkHttpRequest request =
        request(SdkHttpMethod.POST, "/_aws/ses/v2/email/outbound-emails").build();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    Answer overSocket = send(socket, request, body);
    Answer handedOver = send(inProcess, request, body);

    assertEquals(overSocket, handedOver);
    assertEquals(400, handedOver.status());
    assertEquals(List.of("MessageRejected"), handedOver.headers().get("x-amzn-errortype"));
    assertEquals("{\"message\":\"Email address is not verified.\"}", handedOver.body());
  }

  @Test
  void longestContextPrefixWins_asOnTheJdkServer() throws Exception {
    // "/_aws/sesv2" is a context of its own, not "/_aws/ses" (a plain string prefix of it)
    SdkHttpRequest request = request(SdkHttpMethod.GET, "/_aws/sesv2/x").build();

    Answer overSocket = send(socket, request, null);
    Answer handedOver = send(inProcess, request, null);

    assertEquals(overSocket, handedOver);
    assertTrue(handedOver.body().startsWith("GET /_aws/sesv2/x context /_aws/sesv2"));
  }

  @Test
  void bodyOfUnknownLength_isStreamedWhole() throws Exception {
    // GIVEN a handler that sends 300 KB in small writes, its length not given beforehand
    SdkHttpRequest request = request(SdkHttpMethod.GET, "/stream").build();

    Answer overSocket = send(socket, request, null);
    Answer handedOver = send(inProcess, request, null);

    assertEquals(overSocket, handedOver);
    assertEquals(List.of("chunked"), handedOver.headers().get("transfer-encoding"));
    assertEquals(LARGE.length, handedOver.bytes().length);
  }

  @Test
  void largeRequestBody_reachesTheHandlerWhole_andStopsAtItsLength() throws Exception {
    SdkHttpRequest request = request(SdkHttpMethod.PUT, "/upload").build();

    Answer overSocket = send(socket, request, LARGE);
    Answer handedOver = send(inProcess, request, LARGE);

    assertEquals(overSocket, handedOver);
    assertTrue(handedOver.body().endsWith(new String(LARGE, StandardCharsets.UTF_8)));
  }

  @Test
  void noContent_hasNoBodyNorLength() throws Exception {
    SdkHttpRequest request = request(SdkHttpMethod.DELETE, "/empty").build();

    Answer overSocket = send(socket, request, null);
    Answer handedOver = send(inProcess, request, null);

    assertEquals(overSocket, handedOver);
    assertEquals(204, handedOver.status());
    assertEquals("", handedOver.body());
  }

  @Test
  void handlerThatFails_isAnIoError() {
    SdkHttpRequest request = request(SdkHttpMethod.GET, "/fails").build();
    // Over the socket the server closes the connection; in-process the caller gets the same
    // kind of failure, which the SDK retries as any I/O error.
    assertThrows(IOException.class, () -> send(socket, request, null));
    IOException e = assertThrows(IOException.class, () -> send(inProcess, request, null));
    assertTrue(e.getMessage().contains("a bug in the handler"), e.getMessage());
  }

  @Test
  void bodyLongerOrShorterThanItsLength_isAnIoError() {
    // The server closes the connection; the URL-connection client may read the cut body as a
    // whole one (only the SDK's CRC32 check would notice), in-process it is an error at once.
    for (String path : List.of("/overflow", "/short")) {
      SdkHttpRequest request = request(SdkHttpMethod.GET, path).build();
      IOException e = assertThrows(IOException.class, () -> send(inProcess, request, null), path);
      assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    }
  }

  @Test
  void handlerThatReturnsWithoutAnswering_isAnIoErrorAtOnce() {
    // Over the socket the client would wait out its read timeout; in-process there is nothing to
    // wait for once the handler returned.
    IOException e =
        assertThrows(
            IOException.class,
            () -> send(inProcess, request(SdkHttpMethod.GET, "/silent").build(), null));
    assertTrue(e.getMessage().contains("without sending response headers"), e.getMessage());
  }

  @Test
  void handlerRunsWithoutTheCallersLoggingContext_whichIsKept() throws Exception {
    // GIVEN a caller logging about a lead
    MDC.put("leadId", "lead-7");
    try {
      // WHEN its call is handed over on its own thread
      Answer answer = send(inProcess, request(SdkHttpMethod.GET, "/mdc").build(), null);

      // THEN the handler saw no keys of the caller's, as on a server thread, and they are back
      assertEquals("mdc={}", answer.body());
      assertEquals("lead-7", MDC.get("leadId"));
    } finally {
      MDC.clear();
    }
  }

  @Test
  void serverTheRuntimeDidNotRegister_isReachedOverTheNetwork() throws Exception {
    // GIVEN another server on localhost, not registered (an external DynamoDB, say)
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext("/", this::echo);
    other.start();
    try {
      URI uri = URI.create("http://localhost:" + other.getAddress().getPort() + "/table");

      // WHEN the in-process client is asked to call it
      Answer answer =
          send(
              inProcess, SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build(), null);

      // THEN the URL-connection client sent it, and it was answered over the socket
      assertEquals(List.of("GET " + uri), networkRequests);
      assertEquals(200, answer.status());
      assertTrue(answer.body().startsWith("GET /table context /"), answer.body());
    } finally {
      other.stop(0);
    }
  }

  @Test
  void otherHosts_goOverTheNetwork() {
    // A host that is not this machine's loopback name, on the registered port: not in-process.
    URI uri = URI.create("http://example.invalid:" + server.getAddress().getPort() + "/x");

    assertThrows(
        IOException.class,
        () ->
            send(
                inProcess,
                SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build(),
                null));

    assertEquals(List.of("GET " + uri), networkRequests);
    assertEquals(0, handled.get());
  }

  @Test
  void closedRegistration_sendsOverTheNetworkAgain() throws Exception {
    registration.close();

    Answer answer = send(inProcess, request(SdkHttpMethod.GET, "/z").build(), null);

    assertEquals(200, answer.status());
    assertEquals(1, networkRequests.size());
  }

  @Test
  void registeringATakenPort_isRefused() {
    int port = server.getAddress().getPort();
    assertThrows(
        IllegalStateException.class, () -> InProcessEndpoints.register(port, new Contexts()));
  }

  // ---- the handlers, served both ways ----

  private void mount(Contexts contexts, String path, HttpHandler handler) {
    HttpHandler counted =
        exchange -> {
          handled.incrementAndGet();
          handler.handle(exchange);
        };
    server.createContext(path, counted);
    contexts.add(path, counted);
  }

  private void echo(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] in = exchange.getRequestBody().readAllBytes();
      String head =
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI()
              + " context "
              + exchange.getHttpContext().getPath()
              + " target "
              + exchange.getRequestHeaders().getFirst("X-Amz-Target")
              + " host "
              + exchange.getRequestHeaders().getFirst("Host").startsWith("localhost:")
              + " length "
              + exchange.getRequestHeaders().getFirst("Content-Length")
              + " ";
      byte[] out = (head + new String(in, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("x-amzn-RequestId", "req-1");
      exchange.getResponseHeaders().add("X-Several", "a");
      exchange.getResponseHeaders().add("X-Several", "b");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      // Set too late: never sent.
      exchange.getResponseHeaders().set("X-Late", "no");
    }
  }

  private void error(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      byte[] out =
          "{\"message\":\"Email address is not verified.\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("x-amzn-ErrorType", "MessageRejected");
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, out.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(out);
      }
    }
  }

  private void chunked(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      for (int at = 0; at < LARGE.length; at += 1000) {
        body.write(LARGE, at, Math.min(1000, LARGE.length - at));
      }
      body.close();
    }
  }

  private void noContent(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private static void failBeforeAnswering() {
    throw new IllegalStateException("a bug in the handler");
  }

  private void overflow(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write(new byte[3]);
    }
  }

  private void tooShort(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(200, 10);
      exchange.getResponseBody().write(new byte[3]);
    }
  }

  private void mdc(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> context = MDC.getCopyOfContextMap();
      byte[] out =
          ("mdc=" + (context == null ? Map.of() : context)).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
    }
  }

  // ---- sending ----

  /** A response as the SDK reads it, comparable: status, headers but Date (lower-cased), body. */
  private record Answer(int status, Map<String, List<String>> headers, String body, byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Answer a
          && status == a.status
          && headers.equals(a.headers)
          && java.util.Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
      return status;
    }
  }

  private SdkHttpRequest.Builder request(SdkHttpMethod method, String pathAndQuery) {
    URI uri = URI.create("http://localhost:" + server.getAddress().getPort() + pathAndQuery);
    return SdkHttpRequest.builder().uri(uri).method(method);
  }

  private static Answer send(SdkHttpClient client, SdkHttpRequest request, byte[] body)
      throws IOException {
    SdkHttpRequest withLength =
        body == null
            ? request
            : request.toBuilder().putHeader("Content-Length", String.valueOf(body.length)).build();
    HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(withLength);
    if (body != null) {
      execute.contentStreamProvider(() -> new ByteArrayInputStream(body));
    }
    ExecutableHttpRequest call = client.prepareRequest(execute.build());
    HttpExecuteResponse response = call.call();
    byte[] bytes;
    try (InputStream in =
        response
            .responseBody()
            .map(InputStream.class::cast)
            .orElse(InputStream.nullInputStream())) {
      bytes = in.readAllBytes();
    }
    Map<String, List<String>> headers = new TreeMap<>();
    response
        .httpResponse()
        .forEachHeader(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Date")) {
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
              }
            });
    return new Answer(
        response.httpResponse().statusCode(),
        headers,
        new String(bytes, StandardCharsets.UTF_8),
        bytes);
  }

  private SdkHttpClient recording(SdkHttpClient network) {
    return new SdkHttpClient() {
      @Override
      public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        networkRequests.add(request.httpRequest().method() + " " + request.httpRequest().getUri());
        return network.prepareRequest(request);
      }

      @Override
      public void close() {
        network.close();
      }
    };
  }

  private static byte[] large() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 300_000; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
