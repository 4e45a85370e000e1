package com.leadhandoff.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.lambda.LocalFunctions;
import com.leadhandoff.local.template.Template;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local API over real HTTP, with the test project's handlers. */
class ApiOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ApiServer server;

  @BeforeAll
  static void start() {
    Template template = Template.read(Projects.echo().resolve("template.yaml"), Map.of());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    server = ApiServer.start(0);
    server.serve(
        template.routes(),
        template.httpApis(),
        new LocalFunctions(template.functions(), clock, ApiOverHttpTest.class.getClassLoader()),
        clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery));
  }

  @Test
  void request_becomesPayloadV2Event() throws Exception {
    // WHEN a JSON POST with repeated headers, cookies and a query string reaches a {param} route
    HttpResponse<String> response =
        send(
            request("/echo/a%20b?x=1&x=2&name=Ada%20L&flag")
                .header("Content-Type", "application/json")
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .header("Cookie", "s=1; t=2")
                .header("User-Agent", "tester")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

    // THEN the handler received the event API Gateway would send
    assertEquals(200, response.statusCode());
    JsonNode echo = JSON.readTree(response.body());
    JsonNode event = echo.get("event");
    assertEquals("2.0", event.get("version").asText());
    assertEquals("ANY /echo/{id}", event.get("routeKey").asText());
    assertEquals("/echo/a%20b", event.get("rawPath").asText());
    assertEquals("x=1&x=2&name=Ada%20L&flag", event.get("rawQueryString").asText());
    assertEquals("a b", event.at("/pathParameters/id").asText());
    assertEquals("1,2", event.at("/queryStringParameters/x").asText());
    assertEquals("Ada L", event.at("/queryStringParameters/name").asText());
    assertEquals("", event.at("/queryStringParameters/flag").asText());
    assertEquals("one,two", event.at("/headers/x-multi").asText());
    assertEquals("application/json", event.at("/headers/content-type").asText());
    assertTrue(event.get("headers").has("host"));
    assertFalse(event.get("headers").has("cookie"), "cookies move to their own field");
    assertEquals(List.of("s=1", "t=2"), JSON.convertValue(event.get("cookies"), List.class));
    assertEquals("{\"a\":1}", event.get("body").asText());
    assertFalse(event.get("isBase64Encoded").asBoolean());
    JsonNode context = event.get("requestContext");
    assertEquals("EchoApi", context.get("apiId").asText());
    assertEquals("000000000000", context.get("accountId").asText());
    assertEquals("$default", context.get("stage").asText());
    assertEquals("POST", context.at("/http/method").asText());
    assertEquals("tester", context.at("/http/userAgent").asText());
    assertEquals("02/Jan/2030:03:04:05 +0000", context.get("time").asText());
    assertEquals(NOW.toEpochMilli(), context.get("timeEpoch").asLong());
    // …and ran with its own settings and the runtime's clock
    assertEquals("hello, us-east-1!", echo.get("greetingAtConstruction").asText());
    assertEquals("hello, us-east-1!", echo.get("greetingAtInvocation").asText());
    assertEquals(NOW.toString(), echo.get("now").asText());
    assertEquals("EchoFunction", echo.get("functionName").asText());
  }

  @Test
  void structuredResponse_mapsHeadersAndCookies() throws Exception {
    HttpResponse<String> response = send(request("/echo/1").GET());

    assertEquals(200, response.statusCode());
    assertEquals("yes", response.headers().firstValue("x-echo").orElseThrow());
    assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
  }

  @Test
  void formBody_arrivesBase64EncodedToATypedHandler() throws Exception {
    HttpResponse<String> response =
        send(
            request("/typed")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Ada+L&x=1")));

    assertEquals(201, response.statusCode());
    assertEquals("text/plain", response.headers().firstValue("content-type").orElseThrow());
    assertEquals(
        "POST /typed|true|application/x-www-form-urlencoded|name=Ada+L&x=1", response.body());
  }

  @Test
  void greedyPath_capturesTheRest() throws Exception {
    HttpResponse<String> response = send(request("/files/a/b/c.txt").GET());

    JsonNode event = JSON.readTree(response.body()).get("event");
    assertEquals("a/b/c.txt", event.at("/pathParameters/proxy").asText());
    assertEquals("GET /files/{proxy+}", event.get("routeKey").asText());
  }

  @Test
  void plainResult_isA200JsonBody() throws Exception {
    HttpResponse<String> response = send(request("/plain").GET());

    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
    assertEquals("plain from plain-fn", response.body());
  }

  @Test
  void handlerError_is500InternalServerError() throws Exception {
    HttpResponse<String> response =
        send(request("/fail").POST(HttpRequest.BodyPublishers.noBody()));

    assertEquals(500, response.statusCode());
    assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
  }

  @Test
  void unknownRouteOrMethod_is404NotFound() throws Exception {
    assertEquals(404, send(request("/nowhere").GET()).statusCode());
    HttpResponse<String> wrongMethod = send(request("/plain").DELETE());
    assertEquals(404, wrongMethod.statusCode());
    assertEquals("{\"message\":\"Not Found\"}", wrongMethod.body());
  }

  @Test
  void bodyOver10MB_is413() throws Exception {
    byte[] big = new byte[ApiGatewayHandler.MAX_BODY_BYTES + 1];

    HttpResponse<String> response =
        send(request("/typed").POST(HttpRequest.BodyPublishers.ofByteArray(big)));

    assertEquals(413, response.statusCode());
  }

  @Test
  void declaredContentLengthOver10MB_is413WithAJsonBody_withoutWaitingForTheBody()
      throws Exception {
    // A client that declares a huge body and sends only its first bytes, as a slow or hostile
    // one does: the answer must come at once, not after 10 MB that never arrive.
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /echo/1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + (ApiGatewayHandler.MAX_BODY_BYTES + 1)
                  + "\r\n\r\n{\"a\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      Map<String, String> headers = new java.util.HashMap<>();
      for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
        String[] header = line.split(":", 2);
        headers.put(header[0].trim().toLowerCase(java.util.Locale.ROOT), header[1].trim());
      }
      char[] body = new char[Integer.parseInt(headers.get("content-length"))];
      int read = 0;
      while (read < body.length) {
        read += in.read(body, read, body.length - read);
      }

      assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
      assertEquals("application/json", headers.get("content-type"));
      assertEquals("close", headers.get("connection"));
      assertEquals(
          "Request Entity Too Large", JSON.readTree(new String(body)).get("message").asText());
    }
  }

  @Test
  void preflightFromAllowedOrigin_isAnsweredWithTheConfiguredRules() throws Exception {
    HttpResponse<String> response =
        send(
            request("/typed")
                .header("Origin", "https://b.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertEquals(204, response.statusCode());
    assertEquals(
        "https://b.example",
        response.headers().firstValue("access-control-allow-origin").orElseThrow());
    assertEquals(
        "GET,POST", response.headers().firstValue("access-control-allow-methods").orElseThrow());
    assertEquals(
        "content-type",
        response.headers().firstValue("access-control-allow-headers").orElseThrow());
    assertEquals("300", response.headers().firstValue("access-control-max-age").orElseThrow());
  }

  @Test
  void preflightFromOtherOrigin_getsNoCorsHeaders() throws Exception {
    HttpResponse<String> response =
        send(
            request("/typed")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertTrue(response.headers().firstValue("access-control-allow-origin").isEmpty());
  }

  @Test
  void responseToAllowedOrigin_carriesApiGatewaysCorsHeadersNotTheFunctions() throws Exception {
    HttpResponse<String> allowed =
        send(request("/echo/1").header("Origin", "https://a.example").GET());
    HttpResponse<String> other =
        send(request("/echo/1").header("Origin", "https://evil.example").GET());

    assertEquals(
        List.of("https://a.example"), allowed.headers().allValues("access-control-allow-origin"));
    assertEquals(
        "x-echo", allowed.headers().firstValue("access-control-expose-headers").orElseThrow());
    assertTrue(other.headers().allValues("access-control-allow-origin").isEmpty());
  }
}
