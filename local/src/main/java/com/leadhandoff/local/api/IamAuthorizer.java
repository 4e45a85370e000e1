package com.leadhandoff.local.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * API Gateway's {@code AWS_IAM} authorizer, locally: a request must carry a SigV4 {@code
 * Authorization} header made with the runtime's own credentials for {@code execute-api}, and the
 * signature is checked for real by signing the request again with the SDK's own signer. API Gateway
 * then evaluates IAM policies, which the local runtime does not: the one local identity may call
 * every route.
 */
final class IamAuthorizer {
  /** The service name SigV4 credentials for API Gateway routes are scoped to. */
  static final String SERVICE = "execute-api";

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,"
              + "\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String accessKeyId;
  private final String secretAccessKey;
  private final String accountId;

  /**
   * @param accessKeyId the only access key the runtime knows
   * @param secretAccessKey its secret, which signatures are checked with
   * @param accountId the account the identity belongs to
   */
  IamAuthorizer(String accessKeyId, String secretAccessKey, String accountId) {
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.accountId = accountId;
  }

  /**
   * The caller's identity as payload 2.0 puts it in {@code requestContext.authorizer.iam}, if
   * {@code request} is signed with the runtime's credentials; empty means 403.
   */
  Optional<ObjectNode> authorize(ApiRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            (name, values) ->
                headers
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values));
    Matcher m = AUTHORIZATION.matcher(first(headers, "authorization").orElse(""));
    Optional<String> amzDate = first(headers, "x-amz-date");
    if (!m.matches() || amzDate.isEmpty() || !m.group(1).equals(accessKeyId)) {
      return Optional.empty();
    }
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(amzDate.get()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    List<String> signedHeaders = List.of(m.group(5).split(";"));
    if (!m.group(4).equals(SERVICE)
        || !amzDate.get().startsWith(m.group(2))
        || !signedHeaders.contains("host")) {
      return Optional.empty();
    }
    String expected = signature(request, headers, signedHeaders, m.group(3), signedAt);
    // Constant time, like any signature check.
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        m.group(6).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(identity());
  }

  /**
   * The signature the SDK's SigV4 signer gives the request's signed parts. This is the SDK's
   * deprecated {@code Aws4Signer}: its successor, {@code AwsV4HttpSigner}, always adds and signs
   * {@code x-amz-content-sha256}, which curl's {@code --aws-sigv4} and the AWS CLI do not send to
   * {@code execute-api}, so it cannot reproduce their signatures; the old one signs exactly the
   * headers it is given (an SDK client's {@code x-amz-content-sha256} included, when it signed it).
   */
  @SuppressWarnings("deprecation")
  private String signature(
      ApiRequest request,
      Map<String, List<String>> headers,
      List<String> signedHeaders,
      String region,
      Instant signedAt) {
    String host = first(headers, "host").orElse("localhost");
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .uri(URI.create("http://" + host))
            .encodedPath(request.rawPath())
            .contentStreamProvider(ContentStreamProvider.fromByteArray(request.body()));
    for (String pair : request.rawQuery().split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        unsigned.appendRawQueryParameter(
            decode(equals < 0 ? pair : pair.substring(0, equals)),
            equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    for (String name : signedHeaders) {
      // The signer writes X-Amz-Date itself, from the signing clock set to the request's date.
      if (!name.equals("x-amz-date") && headers.containsKey(name)) {
        unsigned.putHeader(name, headers.get(name));
      }
    }
    SdkHttpFullRequest signed =
        Aws4Signer.create()
            .sign(
                unsigned.build(),
                Aws4SignerParams.builder()
                    .awsCredentials(AwsBasicCredentials.create(accessKeyId, secretAccessKey))
                    .signingName(SERVICE)
                    .signingRegion(Region.of(region))
                    .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                    .build());
    Matcher m = AUTHORIZATION.matcher(signed.firstMatchingHeader("Authorization").orElse(""));
    return m.matches() && m.group(5).equals(String.join(";", signedHeaders)) ? m.group(6) : "";
  }

  private ObjectNode identity() {
    ObjectNode iam = JsonNodeFactory.instance.objectNode();
    iam.put("accessKey", accessKeyId);
    iam.put("accountId", accountId);
    iam.put("callerId", accessKeyId);
    iam.putNull("cognitoIdentity");
    iam.putNull("principalOrgId");
    iam.put("userArn", "arn:aws:iam::" + accountId + ":user/" + accessKeyId);
    iam.put("userId", accessKeyId);
    return iam;
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
