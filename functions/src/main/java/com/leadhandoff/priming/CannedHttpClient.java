package com.leadhandoff.priming;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that sends nothing: every request, already marshalled and signed, is recorded
 * and answered {@code 200 {}} from memory, so priming runs the SDK's whole request and response
 * path without a byte leaving the process.
 */
final class CannedHttpClient implements SdkHttpClient {
  private final List<SdkHttpRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        requests.add(request.httpRequest());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", String.valueOf(body.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  /** The requests answered so far. */
  List<SdkHttpRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public String clientName() {
    return "priming";
  }

  @Override
  public void close() {}
}
