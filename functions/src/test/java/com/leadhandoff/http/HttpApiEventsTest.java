package com.leadhandoff.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
  private static final List<String> HTTP_FIXTURES =
      List.of(
          "intake-json.json",
          "intake-form.json",
          "show-offer.json",
          "accept-offer.json",
          "decline-offer.json",
          "show-outcome.json",
          "record-outcome.json",
          "admin-lead-outcome.json",
          "admin-sla-report.json",
          "admin-put-rep.json",
          "admin-dry-run.json");

  @Test
  void everyHttpFixture_readsAsJacksonMapsTheTypedEvent_inEveryFieldAHandlerReads()
      throws IOException {
    for (String fixture : HTTP_FIXTURES) {
      // GIVEN a fixture as Jackson data binding maps it to the typed event
      String json = Fixtures.event(fixture);
      APIGatewayV2HTTPEvent typed = Json.MAPPER.readValue(json, APIGatewayV2HTTPEvent.class);

      // WHEN the stream reader reads it
      APIGatewayV2HTTPEvent read = HttpApiEvents.read(stream(json));

      // THEN every field the handlers read is the same
      assertEquals(typed.getRouteKey(), read.getRouteKey(), fixture);
      assertEquals(typed.getRawPath(), read.getRawPath(), fixture);
      assertEquals(typed.getHeaders(), read.getHeaders(), fixture);
      assertEquals(typed.getQueryStringParameters(), read.getQueryStringParameters(), fixture);
      assertEquals(typed.getPathParameters(), read.getPathParameters(), fixture);
      assertEquals(typed.getBody(), read.getBody(), fixture);
      assertEquals(typed.getIsBase64Encoded(), read.getIsBase64Encoded(), fixture);
      assertEquals(
          typed.getRequestContext().getHttp().getMethod(),
          read.getRequestContext().getHttp().getMethod(),
          fixture);
      assertEquals(iamCaller(typed), iamCaller(read), fixture);
    }
  }

  @Test
  void adminFixture_keepsTheIamCaller() throws IOException {
    APIGatewayV2HTTPEvent read = HttpApiEvents.read(stream(Fixtures.event("admin-put-rep.json")));

    assertEquals("arn:aws:iam::123456789012:user/revops-morgan", iamCaller(read));
  }

  @Test
  void eventThatIsNoObject_isAClearError() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> HttpApiEvents.read(stream("[1]")));

    assertEquals("An HTTP API event must be a JSON object", error.getMessage());
  }

  @Test
  void response_isWrittenInThePayload2Shape() throws IOException {
    // GIVEN a response with headers, cookies and a body
    APIGatewayV2HTTPResponse response =
        APIGatewayV2HTTPResponse.builder()
            .withStatusCode(303)
            .withHeaders(Map.of("Location", "https://www.example.com/thanks"))
            .withCookies(List.of("a=b"))
            .withBody("<p>\"moved\"</p>")
            .build();

    // WHEN it is written
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HttpApiEvents.write(response, out);

    // THEN API Gateway reads the same fields back
    JsonNode json = Json.MAPPER.readTree(out.toByteArray());
    assertEquals(303, json.get("statusCode").asInt());
    assertEquals("https://www.example.com/thanks", json.get("headers").get("Location").asText());
    assertEquals("a=b", json.get("cookies").get(0).asText());
    assertEquals("<p>\"moved\"</p>", json.get("body").asText());
    assertEquals(false, json.get("isBase64Encoded").asBoolean());
  }

  @Test
  void streamEntryPoint_answersAsTheTypedOne() throws IOException {
    // GIVEN a handler that echoes the route it was called on
    AtomicReference<String> route = new AtomicReference<>();
    HttpApiHandler handler =
        new HttpApiHandler() {
          @Override
          public APIGatewayV2HTTPResponse handleRequest(
              APIGatewayV2HTTPEvent event, Context context) {
            route.set(event.getRouteKey());
            return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withBody(event.getPathParameters().get("token"))
                .build();
          }
        };

    // WHEN Lambda calls it as a stream handler with the show-offer fixture
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(stream(Fixtures.event("show-offer.json")), out, null);

    // THEN the typed entry point saw the event, and its answer is the stream's output
    assertEquals("GET /offers/{token}", route.get());
    JsonNode json = Json.MAPPER.readTree(out.toByteArray());
    assertEquals(200, json.get("statusCode").asInt());
    assertEquals("qQ42NFsFFOAiIfqmPvD6V7Hm3ih17nATht8GnneLarQ", json.get("body").asText());
  }

  private static String iamCaller(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    if (context.getAuthorizer() == null || context.getAuthorizer().getIam() == null) {
      return null;
    }
    return context.getAuthorizer().getIam().getUserArn();
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
