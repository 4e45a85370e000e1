package com.leadhandoff.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.leadhandoff.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFormation custom resource contract: the request a provider function receives, and the
 * response it must PUT to the request's pre-signed {@code ResponseURL} or the stack waits for it
 * until it times out.
 */
public final class CustomResource {
  // The response body may not exceed 4096 bytes; this leaves room for the other fields.
  private static final int MAX_REASON = 2000;

  private static final class Http {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  private CustomResource() {}

  /**
   * What CloudFormation sends.
   *
   * @param requestType {@code Create}, {@code Update} or {@code Delete}
   * @param responseUrl the pre-signed S3 URL the response is PUT to
   * @param physicalResourceId the id the provider gave on create; absent on {@code Create}
   */
  public record Request(
      @JsonProperty("RequestType") String requestType,
      @JsonProperty("ResponseURL") String responseUrl,
      @JsonProperty("StackId") String stackId,
      @JsonProperty("RequestId") String requestId,
      @JsonProperty("ResourceType") String resourceType,
      @JsonProperty("LogicalResourceId") String logicalResourceId,
      @JsonProperty("PhysicalResourceId") Optional<String> physicalResourceId,
      @JsonProperty("ResourceProperties") Map<String, Object> resourceProperties) {}

  /** Whether the provider did what was asked. */
  public enum Status {
    SUCCESS,
    FAILED
  }

  /**
   * What the provider answers.
   *
   * @param reason why it failed (required when {@code FAILED}); shown in the stack's events
   * @param physicalResourceId the same for every response about one resource
   * @param data values the template can read with {@code Fn::GetAtt}
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record Response(
      @JsonProperty("Status") Status status,
      @JsonProperty("Reason") Optional<String> reason,
      @JsonProperty("PhysicalResourceId") String physicalResourceId,
      @JsonProperty("StackId") String stackId,
      @JsonProperty("RequestId") String requestId,
      @JsonProperty("LogicalResourceId") String logicalResourceId,
      @JsonProperty("Data") Map<String, String> data) {

    public Response {
      reason = reason.map(r -> r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON) + "…");
      data = Map.copyOf(data);
    }

    /** A success answer to {@code request}. */
    public static Response success(
        Request request, String physicalResourceId, String summary, Map<String, String> data) {
      return new Response(
          Status.SUCCESS,
          Optional.of(summary),
          physicalResourceId,
          request.stackId(),
          request.requestId(),
          request.logicalResourceId(),
          data);
    }

    /** A failure answer to {@code request}, with the reason the stack's events will show. */
    public static Response failed(Request request, String physicalResourceId, String reason) {
      return new Response(
          Status.FAILED,
          Optional.of(reason),
          physicalResourceId,
          request.stackId(),
          request.requestId(),
          request.logicalResourceId(),
          Map.of());
    }

    /**
     * PUTs this response to {@code url}. Failing to deliver it throws, so Lambda's retries of the
     * asynchronous invocation get another chance before the stack is left waiting.
     */
    public void putTo(String url) {
      byte[] body;
      try {
        body = Json.MAPPER.writeValueAsBytes(this);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Could not write the custom resource response", e);
      }
      HttpRequest put =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(20))
              // The URL is signed without a content type; sending one would break the signature.
              .header("Content-Type", "")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> answer;
      try {
        answer = Http.CLIENT.send(put, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not PUT the custom resource response", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "Interrupted while sending the custom resource response", e);
      }
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "The custom resource response URL answered HTTP "
                + answer.statusCode()
                + ": "
                + answer.body());
      }
    }
  }
}
