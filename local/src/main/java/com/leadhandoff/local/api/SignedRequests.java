package com.leadhandoff.local.api;

import com.leadhandoff.local.template.LocalNames;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests to IAM-authorized routes signed with SigV4 by the SDK's own signer, as the AWS CLI or
 * {@code curl --aws-sigv4} would sign them: how the local UI calls the admin API.
 */
public final class SignedRequests {
  private SignedRequests() {}

  /**
   * {@code method} {@code uri} with a JSON {@code body} (empty for none), signed for {@code
   * execute-api} with {@code accessKeyId} and {@code secret} at the clock's time.
   */
  public static HttpRequest sign(
      String method, URI uri, String body, String accessKeyId, String secret, Clock clock) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    if (bytes.length > 0) {
      unsigned.putHeader("content-type", "application/json");
    }
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, IamAuthorizer.SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, LocalNames.REGION)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                bytes.length > 0
                    ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    : HttpRequest.BodyPublishers.noBody());
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      // java.net.http sets Host itself, from the URI: the same value the signer signed.
      if (!header.getKey().equalsIgnoreCase("host")) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
    }
    return request.build();
  }

  /** As {@link #sign(String, URI, String, String, String, Clock)}, with the local credentials. */
  public static HttpRequest sign(String method, URI uri, String body) {
    return sign(
        method,
        uri,
        body,
        LocalNames.ACCESS_KEY_ID,
        LocalNames.SECRET_ACCESS_KEY,
        Clock.systemUTC());
  }
}
