package com.leadhandoff.local.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The local runtime's SigV4 scheme: what it hands to a server of this JVM goes unsigned, exactly as
 * built; what goes to the network is signed by the SDK's own SigV4 signer, header for header.
 */
class InProcessAuthSchemeTest {
  private static final AwsCredentialsIdentity CREDENTIALS =
      AwsCredentialsIdentity.create("local", "local");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
  private static final byte[] BODY =
      "{\"TableName\":\"Leads\",\"Key\":{\"leadId\":{\"S\":\"l-1\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  private final AwsV4HttpSigner signer = new InProcessAuthScheme().signer();

  @Test
  void replacesTheSdksSigV4Scheme_withTheSameCredentials() {
    InProcessAuthScheme scheme = new InProcessAuthScheme();
    assertEquals(AwsV4AuthScheme.SCHEME_ID, scheme.schemeId());
    assertEquals(AwsV4AuthScheme.create().schemeId(), scheme.schemeId());
  }

  @Test
  void requestToAnInProcessServer_isLeftUnsigned() throws IOException {
    // GIVEN a server of this JVM on a port (held, so that nothing else registers it meanwhile)
    try (ServerSocket port = loopbackPort();
        InProcessEndpoints.Registration ignored =
            InProcessEndpoints.register(port.getLocalPort(), new Contexts())) {
      SdkHttpRequest request = request("http://localhost:" + port.getLocalPort() + "/");
      ContentStreamProvider payload = ContentStreamProvider.fromByteArray(BODY);

      // WHEN a request to it is signed
      SignedRequest signed = sign(signer, request, payload);

      // THEN it is the request as built: no Authorization, no X-Amz-Date, the same body
      assertSame(request, signed.request());
      assertSame(payload, signed.payload().orElseThrow());
      assertFalse(signed.request().firstMatchingHeader("Authorization").isPresent());
      assertFalse(signed.request().firstMatchingHeader("X-Amz-Date").isPresent());
    }
  }

  @Test
  void requestToTheNetwork_isSignedAsByTheSdksOwnSigner() throws IOException {
    // GIVEN no server of this JVM on a local port, or a host that is not this machine
    try (ServerSocket port = loopbackPort()) {
      for (String uri :
          List.of(
              "http://localhost:" + port.getLocalPort() + "/",
              "https://dynamodb.eu-west-1.amazonaws.com/")) {
        signedAsByTheSdk(uri);
      }
    }
  }

  private void signedAsByTheSdk(String uri) {
    SdkHttpRequest request = request(uri);

    // WHEN signed by this scheme and by the SDK's own SigV4 signer
    SignedRequest ours = sign(signer, request, ContentStreamProvider.fromByteArray(BODY));
    SignedRequest sdks =
        sign(AwsV4HttpSigner.create(), request, ContentStreamProvider.fromByteArray(BODY));

    // THEN the same signed headers, SigV4 with the request's region
    Map<String, List<String>> headers = ours.request().headers();
    assertEquals(sdks.request().headers(), headers);
    String authorization = ours.request().firstMatchingHeader("Authorization").orElseThrow();
    assertTrue(
        authorization.startsWith(
            "AWS4-HMAC-SHA256 Credential=local/20261204/eu-west-1/dynamodb/aws4_request"),
        authorization);
  }

  private static ServerSocket loopbackPort() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  private static SdkHttpRequest request(String uri) {
    return SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create(uri))
        .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("Content-Length", String.valueOf(BODY.length))
        .build();
  }

  private static SignedRequest sign(
      HttpSigner<AwsCredentialsIdentity> signer,
      SdkHttpRequest request,
      ContentStreamProvider payload) {
    return signer.sign(
        r ->
            r.identity(CREDENTIALS)
                .request(request)
                .payload(payload)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK));
  }
}
