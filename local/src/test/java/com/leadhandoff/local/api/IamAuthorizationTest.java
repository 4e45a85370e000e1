package com.leadhandoff.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.lambda.LocalFunctions;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.template.Template;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routes with {@code Auth: Authorizer: AWS_IAM} let only SigV4-signed callers through. */
class IamAuthorizationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  private static ApiServer server;

  @BeforeAll
  static void start() {
    Template template = Template.read(Projects.echo().resolve("template.yaml"), Map.of());
    server = ApiServer.start(0);
    server.serve(
        template.routes(),
        template.httpApis(),
        new LocalFunctions(template.functions(), NOW, IamAuthorizationTest.class.getClassLoader()),
        NOW);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedRequest_reachesFunctionWithCallerIdentity() throws Exception {
    // GIVEN a POST with a body and a query, signed by the SDK's SigV4 signer with the local keys
    HttpRequest signed =
        SignedRequests.sign("POST", uri("/signed/r%20one?b=2&a=x%20y"), "{\"weight\":2}");

    // WHEN it is sent
    HttpResponse<String> response = send(signed);

    // THEN the function ran and got the caller as requestContext.authorizer.iam
    assertEquals(200, response.statusCode(), response.body());
    JsonNode iam = JSON.readTree(response.body()).at("/event/requestContext/authorizer/iam");
    assertEquals(LocalNames.ACCESS_KEY_ID, iam.get("accessKey").asText());
    assertEquals(LocalNames.ACCOUNT_ID, iam.get("accountId").asText());
    assertEquals("arn:aws:iam::000000000000:user/local", iam.get("userArn").asText());
    assertEquals("r one", JSON.readTree(response.body()).at("/event/pathParameters/id").asText());
  }

  @Test
  void curlSignedRequest_isAccepted() {
    // Recorded from `curl --aws-sigv4 "aws:amz:us-east-1:execute-api" --user local:local
    // http://localhost:3931/admin/reps/ana-ruiz` (curl 7.88.1), which signs host and x-amz-date
    // only, unlike the SDK.
    ApiRequest curl =
        new ApiRequest(
            "GET",
            "/admin/reps/ana-ruiz",
            "",
            Map.of(
                "Host", List.of("localhost:3931"),
                "Authorization",
                    List.of(
                        "AWS4-HMAC-SHA256 Credential=local/20261123/us-east-1/execute-api/aws4_request,"
                            + " SignedHeaders=host;x-amz-date,"
                            + " Signature=49f008878331ae7a22606d7f2ec1b0be8dc4473fd27480a023e6989cb58e0186"),
                "X-Amz-Date", List.of("20261123T133622Z"),
                "User-Agent", List.of("curl/7.88.1"),
                "Accept", List.of("*/*")),
            new byte[0],
            "127.0.0.1",
            "HTTP/1.1");
    IamAuthorizer iam =
        new IamAuthorizer(
            LocalNames.ACCESS_KEY_ID, LocalNames.SECRET_ACCESS_KEY, LocalNames.ACCOUNT_ID);

    assertEquals(
        LocalNames.ACCESS_KEY_ID, iam.authorize(curl).orElseThrow().get("accessKey").asText());
    ApiRequest otherRep =
        new ApiRequest(
            "GET",
            "/admin/reps/ben-okafor",
            "",
            curl.headers(),
            new byte[0],
            "127.0.0.1",
            "HTTP/1.1");
    assertTrue(iam.authorize(otherRep).isEmpty(), "the signature covers the path");
  }

  @Test
  void unsignedRequest_isForbiddenBeforeTheFunctionRuns() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/signed/one")).GET().build());

    assertEquals(403, response.statusCode());
    assertEquals("{\"message\":\"Forbidden\"}", response.body());
    assertFalse(response.body().contains("event"), "the function never ran");
  }

  @Test
  void wrongSecret_isForbidden() throws Exception {
    HttpRequest signed =
        SignedRequests.sign("GET", uri("/signed/one"), "", LocalNames.ACCESS_KEY_ID, "not-it", NOW);

    HttpResponse<String> response = send(signed);

    assertEquals(403, response.statusCode());
    assertEquals("{\"message\":\"Forbidden\"}", response.body());
  }

  @Test
  void unknownAccessKey_isForbidden() throws Exception {
    HttpRequest signed =
        SignedRequests.sign(
            "GET", uri("/signed/one"), "", "AKIDEXAMPLE", LocalNames.SECRET_ACCESS_KEY, NOW);

    assertEquals(403, send(signed).statusCode());
  }

  @Test
  void bodyChangedAfterSigning_isForbidden() throws Exception {
    // GIVEN a request signed for one body
    HttpRequest signed = SignedRequests.sign("PUT", uri("/signed/one"), "{\"weight\":2}");
    // WHEN it is sent with another body under the same signature
    HttpRequest.Builder tampered =
        HttpRequest.newBuilder(signed.uri())
            .PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":9}"));
    signed.headers().map().forEach((name, values) -> values.forEach(v -> tampered.header(name, v)));

    // THEN the signature no longer matches
    assertEquals(403, send(tampered.build()).statusCode());
  }

  @Test
  void signatureForAnotherPath_isForbidden() throws Exception {
    HttpRequest signed = SignedRequests.sign("GET", uri("/signed/one"), "");
    HttpRequest.Builder moved = HttpRequest.newBuilder(uri("/signed/two")).GET();
    signed.headers().map().forEach((name, values) -> values.forEach(v -> moved.header(name, v)));

    assertEquals(403, send(moved.build()).statusCode());
  }

  @Test
  void publicRoute_needsNoSignature() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo/one")).GET().build());

    assertEquals(200, response.statusCode());
    assertFalse(
        JSON.readTree(response.body()).at("/event/requestContext").has("authorizer"),
        "no authorizer ran, so there is no identity");
  }
}
