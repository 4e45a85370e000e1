package com.leadhandoff.local.template;

/**
 * One HttpApi route that invokes a function.
 *
 * @param apiId the logical id of the HttpApi the route belongs to
 * @param method the HTTP method in upper case, or {@code ANY}
 * @param path the path with {@code {param}} or {@code {proxy+}} placeholders, or {@code null} for
 *     the {@code $default} route
 * @param functionName the function the route invokes
 * @param eventId the event's name under the function's {@code Events}
 * @param authorizer the event's {@code Auth.Authorizer}: {@code AWS_IAM} for SigV4-signed callers
 *     only, {@code NONE} when the route is public
 */
public record HttpRoute(
    String apiId,
    String method,
    String path,
    String functionName,
    String eventId,
    String authorizer) {
  /** The authorizer of routes that only SigV4-signed callers may call. */
  public static final String AWS_IAM = "AWS_IAM";

  /** A public route. */
  public HttpRoute(String apiId, String method, String path, String functionName, String eventId) {
    this(apiId, method, path, functionName, eventId, "NONE");
  }

  /** Whether callers must sign their requests with SigV4, as API Gateway's IAM authorizer wants. */
  public boolean iamAuthorized() {
    return AWS_IAM.equals(authorizer);
  }

  /** The route key as API Gateway writes it: {@code "POST /leads"} or {@code "$default"}. */
  public String routeKey() {
    return path == null ? "$default" : method + " " + path;
  }
}
